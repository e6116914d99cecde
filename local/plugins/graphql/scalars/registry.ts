import type { GraphQLScalarType } from 'graphql';
import type { AppSyncScalarName } from './constants.js';
import { AWSJSON } from './json.js';
import { AWSDate, AWSDateTime, AWSTime } from './temporal.js';
import { AWSEmail, AWSIPAddress, AWSPhone, AWSURL } from './text-formats.js';
import { AWSTimestamp } from './timestamp.js';

/** Every AppSync scalar, by name. */
export const appSyncScalars: Readonly<Record<AppSyncScalarName, GraphQLScalarType>> = {
  AWSDate,
  AWSTime,
  AWSDateTime,
  AWSTimestamp,
  AWSEmail,
  AWSJSON,
  AWSURL,
  AWSPhone,
  AWSIPAddress,
};
