import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { LocalUserPoolDefaults } from './constants.js';
import type { SrpVerifier } from './srp.js';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** A user the project lists (seeded: confirmed, with a documented password). */
export interface ListedUser {
  readonly username: string;
  /** @default [] */
  readonly groups?: readonly string[];
  /** @default `${username}@example.com` */
  readonly email?: string;
  /** @default 'Passw0rd!' */
  readonly password?: string;
}

/** One user of the local pool. */
export interface PoolUser {
  readonly username: string;
  readonly email: string;
  readonly groups: readonly string[];
  /** Attributes given at sign-up (`email`, `name`, `custom:*`…). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly confirmed: boolean;
  /** The sign-up code, printed in the server log until confirmed. */
  readonly confirmationCode?: string;
  /** The listed users' passwords are public; signed-up users' are kept as scrypt hashes. */
  readonly password: { readonly plain: string } | { readonly salt: string; readonly hash: string };
  /** Signed-up users' SRP verifier (USER_SRP_AUTH); the listed users' is computed from their password. */
  readonly srp?: SrpVerifier;
}

export async function hashPassword(password: string): Promise<PoolUser['password']> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return { salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function passwordMatches(user: PoolUser, password: string): Promise<boolean> {
  const stored = user.password;
  const [given, expected] =
    'plain' in stored
      ? [Buffer.from(password), Buffer.from(stored.plain)]
      : [await scryptAsync(password, Buffer.from(stored.salt, 'base64'), 32), Buffer.from(stored.hash, 'base64')];
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function listedPoolUser(user: ListedUser): PoolUser {
  const email = user.email ?? `${user.username}@example.com`;
  return {
    username: user.username,
    email,
    groups: [...(user.groups ?? [])],
    attributes: { email },
    confirmed: true,
    password: { plain: user.password ?? LocalUserPoolDefaults.PASSWORD },
  };
}

export function confirmationCode(): string {
  return String(randomInt(0, 10 ** LocalUserPoolDefaults.CONFIRMATION_CODE_DIGITS)).padStart(
    LocalUserPoolDefaults.CONFIRMATION_CODE_DIGITS,
    '0',
  );
}

/** Which rule of Cognito's default password policy a password breaks, in Cognito's words; undefined when it passes. */
export function passwordPolicyProblem(password: string): string | undefined {
  if (password.length < LocalUserPoolDefaults.MIN_PASSWORD_LENGTH) return 'Password not long enough';
  if (!/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (!/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (!/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (!/[^A-Za-z0-9]/.test(password)) return 'Password must have symbol characters';
  return undefined;
}

/** `a***@e***`: how Cognito shows where it sent a code. */
export function maskedDestination(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}
