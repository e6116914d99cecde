// Roam's client operations as typed documents: `import { SearchHotelsDocument } from './client/index.js'`
// gives a TypedDocumentNode whose result and variable types any TypedDocumentNode-aware client
// (Apollo Client, urql, graphql-request, Amplify's generateClient) infers. The documents
// themselves live in client/operations/*.graphql; `npm run codegen` regenerates the types.
export * from '../generated/client/operations.js';
