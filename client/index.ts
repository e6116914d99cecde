// Roam's client operations as typed documents: `import { SearchHotelsDocument } from './client/index.js'`
// gives a TypedDocumentNode whose result and variable types Apollo Client (and urql,
// graphql-request ...) infer. Amplify's generateClient does not infer them (it returns `any`):
// use roamAmplifyClient() from client/amplify.ts. Ready set-ups: client/apollo.ts (Apollo Client 4
// with AWS's AppSync links) and client/amplify.ts (Amplify JS v6). The documents themselves live
// in client/operations/*.graphql; `npm run codegen` regenerates the types.
export * from '../generated/client/operations.js';
