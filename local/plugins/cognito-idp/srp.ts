/**
 * The server side of Cognito's SRP sign-in (USER_SRP_AUTH, Amplify's default): SRP-6a over the
 * 3072-bit group of RFC 5054 with SHA-256, as Cognito's clients compute it (Amplify's
 * AuthenticationHelper): k = H(N | g), x = H(salt | H(poolName | user | ":" | password)),
 * u = H(A | B), the session key from HKDF(S, u, "Caldera Derived Key"), and the claim
 * HMAC(key, poolName | user | secret block | timestamp). Numbers are hashed as big-endian bytes
 * with a leading zero byte when the top bit is set, which is what the clients do.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 5054 appendix A, the 3072-bit group; g = 2. */
const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

function paddedHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

const hashHex = (hex: string): string => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const toBigInt = (hex: string): bigint => BigInt(`0x${hex}`);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const k = toBigInt(hashHex(paddedHex(N) + paddedHex(g)));

/** The verifier Cognito keeps instead of a password: salt (hex) and v = g^x. */
export interface SrpVerifier {
  readonly salt: string;
  readonly verifier: string;
}

export function srpVerifier(poolName: string, username: string, password: string, salt = randomBytes(16).toString('hex')): SrpVerifier {
  const inner = createHash('sha256').update(`${poolName}${username}:${password}`).digest('hex');
  const x = toBigInt(hashHex(paddedHex(toBigInt(salt)) + inner));
  return { salt, verifier: modPow(g, x, N).toString(16) };
}

/** The server's half of one sign-in: what InitiateAuth sends back, and what RespondToAuthChallenge checks. */
export interface SrpChallenge {
  readonly B: string;
  readonly secretBlock: string;
  /** The session key, once A and B are known. */
  readonly key: Buffer;
}

export function srpChallenge(verifier: SrpVerifier, clientA: string): SrpChallenge {
  const A = toBigInt(clientA);
  if (A % N === 0n) throw new RangeError('SRP_A is not valid');
  const v = toBigInt(verifier.verifier);
  const b = toBigInt(randomBytes(128).toString('hex'));
  const B = (k * v + modPow(g, b, N)) % N;
  const u = toBigInt(hashHex(paddedHex(A) + paddedHex(B)));
  const S = modPow((A * modPow(v, u, N)) % N, b, N);
  const prk = createHmac('sha256', Buffer.from(paddedHex(u), 'hex'))
    .update(Buffer.from(paddedHex(S), 'hex'))
    .digest();
  const key = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
  return { B: B.toString(16), secretBlock: randomBytes(64).toString('base64'), key };
}

/** Whether the client's PASSWORD_CLAIM_SIGNATURE proves it knows the password. */
export function srpClaimMatches(
  challenge: SrpChallenge,
  poolName: string,
  username: string,
  timestamp: string,
  signature: string,
): boolean {
  const expected = createHmac('sha256', challenge.key)
    .update(
      Buffer.concat([Buffer.from(poolName), Buffer.from(username), Buffer.from(challenge.secretBlock, 'base64'), Buffer.from(timestamp)]),
    )
    .digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
