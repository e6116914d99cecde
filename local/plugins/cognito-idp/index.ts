/** The local user pool's sign-in API, as Cognito's `cognito-idp` answers Amplify Auth and the AWS SDK. */
export { createCognitoIdpPlugin, type CognitoIdpPluginOptions } from './plugin.js';
export { CognitoErrors, CognitoWire, LocalUserPoolDefaults } from './constants.js';
export type { ListedUser } from './users.js';
