/**
 * `@aws-appsync/utils/ai`: the Amazon Bedrock request builders. Each returns the payload with its
 * `operation` (`InvokeModel`, `Converse`), the request shapes of the package's d.ts
 * (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html).
 */

import { moduleError } from './module-error.js';

function request(operation: string, payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw moduleError(`${operation} needs a payload object`);
  return { operation, ...(payload as Record<string, unknown>) };
}

/** `invokeModel(payload)`: `{ operation: 'InvokeModel', modelId, body, … }`. */
export const invokeModel = (payload: unknown): Record<string, unknown> => request('InvokeModel', payload);

/** `converse(payload)`: `{ operation: 'Converse', modelId, messages, … }`. */
export const converse = (payload: unknown): Record<string, unknown> => request('Converse', payload);
