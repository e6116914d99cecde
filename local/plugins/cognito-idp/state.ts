import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PoolUser } from './users.js';

/** One sign-in: its refresh token and the `origin_jti` every token minted for it carries. */
export interface SignIn {
  readonly refreshToken: string;
  readonly username: string;
  readonly originJti: string;
}

interface StoredState {
  signedUp: PoolUser[];
  signIns: SignIn[];
  /** `origin_jti`s of ended sign-ins: their access tokens are refused by GetUser until they expire. */
  revoked: string[];
}

/**
 * The pool's changing state: users who signed up, and open sign-ins. Kept in the data folder so a
 * restart of the server does not sign every app out or forget a user a developer created.
 */
export interface PoolState {
  user(username: string): PoolUser | undefined;
  /** By user name, or by e-mail address (pools that let users sign in with their address). */
  findForSignIn(name: string): PoolUser | undefined;
  putSignedUp(user: PoolUser): Promise<void>;
  openSignIn(username: string, originJti: string): Promise<SignIn>;
  signIn(refreshToken: string): SignIn | undefined;
  wasRevoked(originJti: string): boolean;
  /** Ends one sign-in (RevokeToken) or every sign-in of a user (GlobalSignOut). */
  close(match: (signIn: SignIn) => boolean, alsoRevoke?: readonly string[]): Promise<void>;
}

async function readState(file: string): Promise<StoredState> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<StoredState>;
    return { signedUp: stored.signedUp ?? [], signIns: stored.signIns ?? [], revoked: stored.revoked ?? [] };
  } catch {
    return { signedUp: [], signIns: [], revoked: [] };
  }
}

export async function openPoolState(file: string, listed: readonly PoolUser[]): Promise<PoolState> {
  const state = await readState(file);
  const key = (name: string) => name.toLowerCase();
  const users = new Map<string, PoolUser>();
  for (const user of [...listed, ...state.signedUp]) users.set(key(user.username), user);
  const signIns = new Map(state.signIns.map((signIn) => [signIn.refreshToken, signIn]));
  const revoked = new Set(state.revoked);
  let writing = Promise.resolve();
  const save = (): Promise<void> => {
    const listedNames = new Set(listed.map((user) => key(user.username)));
    const snapshot: StoredState = {
      signedUp: [...users.values()].filter((user) => !listedNames.has(key(user.username))),
      signIns: [...signIns.values()],
      revoked: [...revoked],
    };
    // Writes queue one behind the other, so the file always holds the latest whole state.
    writing = writing.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(snapshot, null, 2)}\n`, { mode: 0o600 });
    });
    return writing;
  };
  return {
    user: (username) => users.get(key(username)),
    findForSignIn: (name) => users.get(key(name)) ?? [...users.values()].find((user) => key(user.email) === key(name)),
    async putSignedUp(user) {
      users.set(key(user.username), user);
      await save();
    },
    async openSignIn(username, originJti) {
      const signIn = { refreshToken: randomBytes(48).toString('base64url'), username, originJti };
      signIns.set(signIn.refreshToken, signIn);
      await save();
      return signIn;
    },
    signIn: (refreshToken) => signIns.get(refreshToken),
    wasRevoked: (originJti) => revoked.has(originJti),
    async close(match, alsoRevoke = []) {
      for (const originJti of alsoRevoke) revoked.add(originJti);
      for (const [token, signIn] of signIns) {
        if (!match(signIn)) continue;
        signIns.delete(token);
        revoked.add(signIn.originJti);
      }
      await save();
    },
  };
}
