import type { SignatureV4 } from '@smithy/signature-v4';

let loading: Promise<{ SignatureV4: typeof SignatureV4 }> | undefined;

/**
 * @smithy/signature-v4, loaded the first time a request is signed or checked: most local servers
 * never see an IAM request, and the module with what it imports is about 1.6 MB of heap.
 */
export function loadSigner(): Promise<{ SignatureV4: typeof SignatureV4 }> {
  loading ??= import('@smithy/signature-v4');
  return loading;
}
