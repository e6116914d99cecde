/**
 * SHA-256 of a migration's text, with CRLF normalised so a Windows checkout does not look like a
 * changed migration. Uses Web Crypto (global in Node 20 and Lambda), so it bundles without
 * Node-only imports.
 */
export async function migrationChecksum(sql: string): Promise<string> {
  const bytes = new TextEncoder().encode(sql.replace(/\r\n/g, '\n'));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
