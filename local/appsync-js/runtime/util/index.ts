/** `util` of `@aws-appsync/utils`: every member the 2.1.1 d.ts declares for JS. */
import { toJsonObject } from '../rds/to-json-object.js';
import type { RuntimeState } from '../state.js';
import { dynamodb } from './dynamodb.js';
import { base64Decode, base64Encode } from './encoding/base64.js';
import { escapeJavaScript } from './encoding/escape-javascript.js';
import { urlDecode, urlEncode } from './encoding/url.js';
import { createErrorUtils } from './errors.js';
import { createHttpUtils } from './http.js';
import { autoId, autoKsuid, autoUlid } from './ids.js';
import { matches } from './matches.js';
import { math } from './math.js';
import { str } from './str.js';
import { time } from './time/index.js';
import { transform } from './transform/index.js';
import { xmlToJsonString, xmlToMap } from './xml.js';

/** Build `util` bound to one runtime state. */
export function createUtil(state: RuntimeState) {
  return {
    escapeJavaScript,
    urlEncode,
    urlDecode,
    base64Encode,
    base64Decode,
    autoId: () => autoId(),
    autoUlid: () => autoUlid(),
    autoKsuid: () => autoKsuid(),
    matches,
    ...createErrorUtils(state),
    time,
    str,
    math,
    transform,
    http: createHttpUtils(state),
    xml: { toMap: xmlToMap, toJsonString: xmlToJsonString },
    rds: { toJsonObject },
    dynamodb,
  };
}
