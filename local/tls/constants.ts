/** Where the local certificate authority and the server certificate live, and how long they last. */
export const TlsFiles = {
  /** Folder inside the data folder. */
  DIR: 'tls',
  /** The CA certificate (PEM, `.crt` so Android's "Install certificate" picker lists it). */
  CA_CERT: 'local-ca.crt',
  CA_KEY: 'local-ca-key.pem',
  SERVER_CERT: 'server.crt',
  SERVER_KEY: 'server-key.pem',
  /** The names the server certificate was issued for, to reissue it when the machine's addresses change. */
  SERVER_NAMES: 'server-names.json',
} as const;

export const TlsLimits = {
  RSA_MODULUS_BITS: 2048,
  CA_VALIDITY_DAYS: 3650,
  /** Apple's clients refuse server certificates valid for more than 398 days; reissued before it runs out. */
  SERVER_VALIDITY_DAYS: 397,
  /** A server certificate this close to expiry is reissued at start. */
  RENEW_BEFORE_DAYS: 30,
} as const;

/** The Android emulator's alias for the host's loopback. */
export const ANDROID_EMULATOR_HOST = '10.0.2.2';
