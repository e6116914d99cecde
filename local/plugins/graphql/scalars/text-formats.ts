import { isIPv4, isIPv6 } from 'node:net';
import { defineScalar, stringFormat } from './define-scalar.js';

// RFC 822: a dot-atom or quoted local part, then a dot-atom domain or a [domain literal].
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const EMAIL = new RegExp(`^(?:${ATOM}(?:\\.${ATOM})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")@(?:${LABEL}(?:\\.${LABEL})*|\\[[^\\]\\\\\\r\\n]*\\])$`);

/** `local-part@domain` per RFC 822. */
export function isAwsEmail(text: string): boolean {
  return EMAIL.test(text);
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** A URL with a scheme, no whitespace, and no `//` inside its path. */
export function isAwsUrl(text: string): boolean {
  if (!SCHEME.test(text) || /\s/.test(text) || !URL.canParse(text)) return false;
  return !new URL(text).pathname.includes('//');
}

// Digit groups separated by single spaces or hyphens, with an optional leading `+`.
const PHONE_SHAPE = /^\+?\d+(?:[ -]\d+)*$/;
// North American Numbering Plan: area code and exchange both start with 2-9.
const NANP = /^1?[2-9]\d{2}[2-9]\d{6}$/;
const E164_DIGITS = { min: 8, max: 15 } as const;

/**
 * A phone number: with `+` and a country code (8 to 15 digits, and a valid NANP number after `+1`),
 * or without one, then a NANP number (10 digits, or 11 starting with 1).
 */
export function isAwsPhone(text: string): boolean {
  if (!PHONE_SHAPE.test(text)) return false;
  const digits = text.replace(/[^0-9]/g, '');
  if (!text.startsWith('+')) return NANP.test(digits);
  if (digits.length < E164_DIGITS.min || digits.length > E164_DIGITS.max) return false;
  return !digits.startsWith('1') || (digits.length === 11 && NANP.test(digits));
}

/** IPv4 dotted quad or IPv6 (unbracketed), each with an optional `/prefix`. */
export function isAwsIpAddress(text: string): boolean {
  const [address = '', prefix, extra] = text.split('/');
  if (extra !== undefined || address.includes('%')) return false;
  const maxPrefix = isIPv4(address) ? 32 : isIPv6(address) ? 128 : -1;
  if (maxPrefix < 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
}

/** AppSync's `AWSEmail`. */
export const AWSEmail = defineScalar(
  stringFormat('AWSEmail', 'An email address in the format local-part@domain-part, as defined by RFC 822.', isAwsEmail),
);

/** AppSync's `AWSURL`. */
export const AWSURL = defineScalar(stringFormat('AWSURL', 'A URL as defined by RFC 1738, with a scheme.', isAwsUrl));

/** AppSync's `AWSPhone`. */
export const AWSPhone = defineScalar(
  stringFormat(
    'AWSPhone',
    'A phone number; digit groups may be separated by spaces or hyphens. Without a country code, NANP is assumed.',
    isAwsPhone,
  ),
);

/** AppSync's `AWSIPAddress`. */
export const AWSIPAddress = defineScalar(
  stringFormat('AWSIPAddress', 'An IPv4 or IPv6 address, optionally with a CIDR prefix.', isAwsIpAddress),
);
