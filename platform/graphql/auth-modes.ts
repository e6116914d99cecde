/**
 * AppSync's authorization modes, as the API's `authenticationType` names them
 * (https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html).
 */
export type AuthMode = 'API_KEY' | 'AWS_IAM' | 'AMAZON_COGNITO_USER_POOLS' | 'OPENID_CONNECT' | 'AWS_LAMBDA';
