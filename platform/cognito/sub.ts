import { createHash } from 'node:crypto';

/** A fixed UUID namespace for local user subs (generated once, meaningless elsewhere). */
const LOCAL_SUB_NAMESPACE = 'c7d1f0a2-5b3e-4f6a-9d8c-2e1b0a9f8e7d';

/**
 * The `sub` the local user pool gives `username`: a name-based UUID (RFC 9562 version 5), so the
 * same user always has the same sub, in every data folder and on every machine. Seed data that
 * stores users by sub calls this too.
 * @example
 * cognitoSubForUsername('alice') // always the same UUID
 */
export function cognitoSubForUsername(username: string): string {
  const namespace = Buffer.from(LOCAL_SUB_NAMESPACE.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(username, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
