/** Wire constants of Cognito's user-pool API (JSON 1.1 over POST, the operation named in `X-Amz-Target`). */
export const CognitoWire = {
  TARGET_HEADER: 'x-amz-target',
  TARGET_PREFIX: 'AWSCognitoIdentityProviderService.',
  CONTENT_TYPE: 'application/x-amz-json-1.1',
  ERROR_TYPE_HEADER: 'x-amzn-errortype',
  /** Where the local server answers besides `/`: the `userPoolEndpoint` a client is given. */
  PATH: '/cognito-idp',
  TOKEN_TYPE: 'Bearer',
  /** The file in the data folder that keeps signed-up users and open sign-ins across restarts. */
  STATE_FILE: 'cognito-user-pool.json',
} as const;

/** Cognito's exception names (the `__type` of an error), as its API reference lists them. */
export const CognitoErrors = {
  NOT_AUTHORIZED: 'NotAuthorizedException',
  USER_NOT_FOUND: 'UserNotFoundException',
  USER_NOT_CONFIRMED: 'UserNotConfirmedException',
  USERNAME_EXISTS: 'UsernameExistsException',
  CODE_MISMATCH: 'CodeMismatchException',
  INVALID_PASSWORD: 'InvalidPasswordException',
  INVALID_PARAMETER: 'InvalidParameterException',
  RESOURCE_NOT_FOUND: 'ResourceNotFoundException',
  UNKNOWN_OPERATION: 'UnknownOperationException',
  SERIALIZATION: 'SerializationException',
} as const;

/** Cognito's messages for the refusals a client tells apart. */
export const CognitoMessages = {
  INCORRECT_PASSWORD: 'Incorrect username or password.',
  USER_NOT_FOUND: 'User does not exist.',
  USER_NOT_CONFIRMED: 'User is not confirmed.',
  USER_EXISTS: 'User already exists',
  CODE_MISMATCH: 'Invalid verification code provided, please try again.',
  INVALID_REFRESH_TOKEN: 'Invalid Refresh Token',
  REFRESH_TOKEN_REVOKED: 'Refresh Token has been revoked',
  INVALID_ACCESS_TOKEN: 'Invalid Access Token',
  ACCESS_TOKEN_EXPIRED: 'Access Token has expired',
  ACCESS_TOKEN_REVOKED: 'Access Token has been revoked',
  INVALID_SESSION: 'Invalid session for the user, session is expired.',
} as const;

export const LocalUserPoolDefaults = {
  /** The password of every user the project lists, unless it gives one (meets Cognito's default policy). */
  PASSWORD: 'Passw0rd!',
  /** Cognito's default password policy: at least 8 characters with upper and lower case, a number and a symbol. */
  MIN_PASSWORD_LENGTH: 8,
  CONFIRMATION_CODE_DIGITS: 6,
} as const;
