/** `util.str`. */
export const str = {
  /** Unicode normalization: `nfc`, `nfd`, `nfkc` or `nfkd` (either case). */
  normalize(value: string, form: string): string {
    const upper = String(form).toUpperCase();
    if (upper !== 'NFC' && upper !== 'NFD' && upper !== 'NFKC' && upper !== 'NFKD') {
      throw new Error(`util.str.normalize: normalization type must be nfc, nfd, nfkc or nfkd, got ${JSON.stringify(form)}`);
    }
    return String(value).normalize(upper);
  },
};
