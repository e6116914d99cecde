/** AppSync's scalars for graphql-js, with AppSync's parsing, serialization and error texts. */
export { attachAppSyncScalars } from './attach.js';
export { APPSYNC_SCALAR_NAMES, type AppSyncScalarName } from './constants.js';
export { AppSyncScalarError, type ScalarPhase } from './errors.js';
export { printJavaValue } from './java-ast.js';
export { scalarSerializeMessage, scalarVariableMessage, wrongTypeArgumentMessage } from './messages.js';
export { appSyncScalars } from './registry.js';
export { AWSDate, AWSDateTime, AWSTime, isAwsDate, isAwsDateTime, isAwsTime } from './temporal.js';
export { AWSEmail, AWSIPAddress, AWSPhone, AWSURL, isAwsEmail, isAwsIpAddress, isAwsPhone, isAwsUrl } from './text-formats.js';
export { AWSJSON } from './json.js';
export { AWSTimestamp } from './timestamp.js';
