import { randomUUID } from 'node:crypto';
import { cognitoSubForUsername, type LocalUserPool } from '../auth/index.js';
import { CognitoErrors, CognitoMessages } from './constants.js';
import { CognitoError } from './errors.js';
import type { PoolState } from './state.js';
import { srpChallenge, srpClaimMatches, srpVerifier, type SrpChallenge, type SrpVerifier } from './srp.js';
import { authenticationResult, verifiedAccessToken } from './tokens.js';
import { confirmationCode, hashPassword, maskedDestination, passwordMatches, passwordPolicyProblem, type PoolUser } from './users.js';

/** What every operation reaches. */
export interface OperationContext {
  readonly pool: LocalUserPool;
  readonly state: PoolState;
  readonly log: (line: string) => void;
  /** Challenge sessions of the choice-based USER_AUTH flow: opaque ids, in memory only (Cognito's last 3 minutes). */
  readonly challenges: Map<string, ChallengeSession>;
}

type Input = Record<string, unknown>;

/** A sign-in waiting for RespondToAuthChallenge: whose, until when, and for SRP the server's half of the exchange. */
export interface ChallengeSession {
  readonly username: string;
  readonly expires: number;
  readonly srp?: SrpChallenge;
}
export type Operation = (input: Input, context: OperationContext) => Promise<unknown>;

function required(input: Input, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value === '')
    throw new CognitoError(CognitoErrors.INVALID_PARAMETER, `Missing required parameter ${name}`);
  return value;
}

function authParameter(parameters: Input, name: string): string {
  const value = parameters[name];
  if (typeof value !== 'string' || value === '')
    throw new CognitoError(CognitoErrors.INVALID_PARAMETER, `Missing required parameter ${name}`);
  return value;
}

function assertClient(input: Input, pool: LocalUserPool): void {
  const clientId = required(input, 'ClientId');
  if (clientId !== pool.clientId) throw new CognitoError(CognitoErrors.RESOURCE_NOT_FOUND, `User pool client ${clientId} does not exist.`);
}

/** Checks a user's password: an unknown user, then a wrong password, then an unconfirmed user (a wrong password says nothing about the account's state). */
async function userWithPassword(state: PoolState, name: string, password: string): Promise<PoolUser> {
  const user = state.findForSignIn(name);
  if (!user) throw new CognitoError(CognitoErrors.USER_NOT_FOUND, CognitoMessages.USER_NOT_FOUND);
  if (!(await passwordMatches(user, password))) throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, CognitoMessages.INCORRECT_PASSWORD);
  if (!user.confirmed) throw new CognitoError(CognitoErrors.USER_NOT_CONFIRMED, CognitoMessages.USER_NOT_CONFIRMED);
  return user;
}

async function signedIn(context: OperationContext, user: PoolUser): Promise<unknown> {
  const signIn = await context.state.openSignIn(user.username, randomUUID());
  return { AuthenticationResult: await authenticationResult(context.pool, user, signIn, true), ChallengeParameters: {} };
}

async function refreshed(context: OperationContext, refreshToken: string): Promise<unknown> {
  const signIn = context.state.signIn(refreshToken);
  if (!signIn) throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, CognitoMessages.INVALID_REFRESH_TOKEN);
  const user = context.state.user(signIn.username);
  if (!user) throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, CognitoMessages.REFRESH_TOKEN_REVOKED);
  return { AuthenticationResult: await authenticationResult(context.pool, user, signIn, false), ChallengeParameters: {} };
}

const CHALLENGE_SESSION_MS = 3 * 60 * 1000;

function openChallengeSession(context: OperationContext, username: string, srp?: SrpChallenge): string {
  const session = randomUUID();
  context.challenges.set(session, { username, expires: Date.now() + CHALLENGE_SESSION_MS, ...(srp ? { srp } : {}) });
  return session;
}

/** The pool's name in SRP: the part of its id after the region. */
const srpPoolName = (pool: LocalUserPool): string => pool.userPoolId.split('_')[1] ?? '';

/** The listed users' verifiers, made on their first SRP sign-in (g^x over 3072 bits is worth doing once). */
const listedVerifiers = new WeakMap<PoolUser, SrpVerifier>();

function userVerifier(pool: LocalUserPool, user: PoolUser): SrpVerifier {
  if ('plain' in user.password) {
    const known = listedVerifiers.get(user) ?? srpVerifier(srpPoolName(pool), user.username, user.password.plain);
    listedVerifiers.set(user, known);
    return known;
  }
  if (user.srp) return user.srp;
  throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, CognitoMessages.INCORRECT_PASSWORD);
}

/** USER_SRP_AUTH, first step: the server's B, salt and secret block for the user's verifier. */
function startSrp(context: OperationContext, parameters: Input): unknown {
  const user = context.state.findForSignIn(authParameter(parameters, 'USERNAME'));
  if (!user) throw new CognitoError(CognitoErrors.USER_NOT_FOUND, CognitoMessages.USER_NOT_FOUND);
  const verifier = userVerifier(context.pool, user);
  let challenge: SrpChallenge;
  try {
    challenge = srpChallenge(verifier, authParameter(parameters, 'SRP_A'));
  } catch (cause) {
    throw new CognitoError(CognitoErrors.INVALID_PARAMETER, 'SRP_A is not a valid SRP value', { cause });
  }
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: verifier.salt,
      SRP_B: challenge.B,
      SECRET_BLOCK: challenge.secretBlock,
      USER_ID_FOR_SRP: user.username,
      USERNAME: user.username,
    },
    Session: openChallengeSession(context, user.username, challenge),
  };
}

const initiateAuth: Operation = async (input, context) => {
  assertClient(input, context.pool);
  const flow = required(input, 'AuthFlow');
  const parameters = (input.AuthParameters ?? {}) as Input;
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
      return signedIn(
        context,
        await userWithPassword(context.state, authParameter(parameters, 'USERNAME'), authParameter(parameters, 'PASSWORD')),
      );
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refreshed(context, authParameter(parameters, 'REFRESH_TOKEN'));
    case 'USER_AUTH': {
      // Choice-based sign-in: with the password already given, done; otherwise the one challenge offered is PASSWORD.
      const username = authParameter(parameters, 'USERNAME');
      if (parameters.PREFERRED_CHALLENGE === 'PASSWORD' && typeof parameters.PASSWORD === 'string') {
        return signedIn(context, await userWithPassword(context.state, username, parameters.PASSWORD));
      }
      const user = context.state.findForSignIn(username);
      if (!user) throw new CognitoError(CognitoErrors.USER_NOT_FOUND, CognitoMessages.USER_NOT_FOUND);
      return {
        ChallengeName: 'SELECT_CHALLENGE',
        AvailableChallenges: ['PASSWORD'],
        ChallengeParameters: {},
        Session: openChallengeSession(context, user.username),
      };
    }
    case 'USER_SRP_AUTH':
      return startSrp(context, parameters);
    default:
      throw new CognitoError(
        CognitoErrors.INVALID_PARAMETER,
        `${flow} flow not enabled for this client: the local user pool accepts USER_SRP_AUTH, USER_PASSWORD_AUTH, USER_AUTH and REFRESH_TOKEN_AUTH`,
      );
  }
};

const respondToAuthChallenge: Operation = async (input, context) => {
  assertClient(input, context.pool);
  const challenge = required(input, 'ChallengeName');
  const session = context.challenges.get(String(input.Session ?? ''));
  if (!session || session.expires < Date.now()) throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, CognitoMessages.INVALID_SESSION);
  const responses = (input.ChallengeResponses ?? {}) as Input;
  if (challenge === 'PASSWORD_VERIFIER') return answerSrp(context, session, String(input.Session), responses);
  const answersPassword = challenge === 'PASSWORD' || (challenge === 'SELECT_CHALLENGE' && responses.ANSWER === 'PASSWORD');
  if (!answersPassword)
    throw new CognitoError(CognitoErrors.INVALID_PARAMETER, `The local user pool offers only the PASSWORD challenge, not ${challenge}`);
  const user = await userWithPassword(context.state, session.username, authParameter(responses, 'PASSWORD'));
  context.challenges.delete(String(input.Session));
  return signedIn(context, user);
};

/** USER_SRP_AUTH, second step: the client's claim proves the password; the session is used once either way. */
async function answerSrp(context: OperationContext, session: ChallengeSession, id: string, responses: Input): Promise<unknown> {
  context.challenges.delete(id);
  const user = context.state.user(session.username);
  const proven =
    session.srp !== undefined &&
    user !== undefined &&
    srpClaimMatches(
      session.srp,
      srpPoolName(context.pool),
      user.username,
      authParameter(responses, 'TIMESTAMP'),
      authParameter(responses, 'PASSWORD_CLAIM_SIGNATURE'),
    );
  if (!proven || !user) throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, CognitoMessages.INCORRECT_PASSWORD);
  if (!user.confirmed) throw new CognitoError(CognitoErrors.USER_NOT_CONFIRMED, CognitoMessages.USER_NOT_CONFIRMED);
  return signedIn(context, user);
}

const getTokensFromRefreshToken: Operation = async (input, context) => {
  assertClient(input, context.pool);
  return refreshed(context, required(input, 'RefreshToken'));
};

function attributesOf(input: Input): Record<string, string> {
  const list = Array.isArray(input.UserAttributes) ? (input.UserAttributes as { Name?: unknown; Value?: unknown }[]) : [];
  return Object.fromEntries(
    list.filter((item) => typeof item.Name === 'string').map((item) => [String(item.Name), String(item.Value ?? '')]),
  );
}

const signUp: Operation = async (input, context) => {
  assertClient(input, context.pool);
  const username = required(input, 'Username');
  const password = required(input, 'Password');
  if (context.state.user(username)) throw new CognitoError(CognitoErrors.USERNAME_EXISTS, CognitoMessages.USER_EXISTS);
  const problem = passwordPolicyProblem(password);
  if (problem) throw new CognitoError(CognitoErrors.INVALID_PASSWORD, `Password did not conform with policy: ${problem}`);
  const attributes = attributesOf(input);
  const email = attributes.email ?? (username.includes('@') ? username : `${username}@example.com`);
  const code = confirmationCode();
  await context.state.putSignedUp({
    username,
    email,
    groups: [],
    attributes: { ...attributes, email },
    confirmed: false,
    confirmationCode: code,
    password: await hashPassword(password),
    srp: srpVerifier(srpPoolName(context.pool), username, password),
  });
  context.log(`[cognito-idp] Sign-up of ${username}: confirmation code ${code} (ConfirmSignUp; no e-mail is sent offline)`);
  return {
    UserConfirmed: false,
    UserSub: cognitoSubForUsername(username),
    CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: maskedDestination(email) },
  };
};

const confirmSignUp: Operation = async (input, context) => {
  assertClient(input, context.pool);
  const username = required(input, 'Username');
  const code = required(input, 'ConfirmationCode');
  const user = context.state.user(username);
  if (!user) throw new CognitoError(CognitoErrors.USER_NOT_FOUND, 'Username/client id combination not found.');
  if (user.confirmed) throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, 'User cannot be confirmed. Current status is CONFIRMED');
  if (code !== user.confirmationCode) throw new CognitoError(CognitoErrors.CODE_MISMATCH, CognitoMessages.CODE_MISMATCH);
  const { confirmationCode: _used, ...rest } = user;
  await context.state.putSignedUp({ ...rest, confirmed: true });
  context.log(`[cognito-idp] ${user.username} confirmed`);
  return {};
};

const resendConfirmationCode: Operation = async (input, context) => {
  assertClient(input, context.pool);
  const user = context.state.user(required(input, 'Username'));
  if (!user) throw new CognitoError(CognitoErrors.USER_NOT_FOUND, 'Username/client id combination not found.');
  if (user.confirmed) throw new CognitoError(CognitoErrors.INVALID_PARAMETER, 'User is already confirmed.');
  const code = confirmationCode();
  await context.state.putSignedUp({ ...user, confirmationCode: code });
  context.log(`[cognito-idp] New confirmation code for ${user.username}: ${code}`);
  return { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: maskedDestination(user.email) } };
};

const getUser: Operation = async (input, context) => {
  const claims = await verifiedAccessToken(context.pool, context.state, input.AccessToken);
  const user = context.state.user(claims.username);
  if (!user) throw new CognitoError(CognitoErrors.USER_NOT_FOUND, CognitoMessages.USER_NOT_FOUND);
  const attributes = { ...user.attributes, sub: String(claims.sub), email_verified: 'true' };
  return { Username: user.username, UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })) };
};

const globalSignOut: Operation = async (input, context) => {
  const claims = await verifiedAccessToken(context.pool, context.state, input.AccessToken);
  await context.state.close((signIn) => signIn.username.toLowerCase() === claims.username.toLowerCase(), [String(claims.origin_jti ?? '')]);
  return {};
};

const revokeToken: Operation = async (input, context) => {
  assertClient(input, context.pool);
  const token = required(input, 'Token');
  // Cognito answers an unknown refresh token with success too: revoking is idempotent.
  await context.state.close((signIn) => signIn.refreshToken === token);
  return {};
};

/** The operations the local pool answers, by their `X-Amz-Target` name. */
export const operations: Readonly<Record<string, Operation>> = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  SignUp: signUp,
  ConfirmSignUp: confirmSignUp,
  ResendConfirmationCode: resendConfirmationCode,
  GetUser: getUser,
  GlobalSignOut: globalSignOut,
  RevokeToken: revokeToken,
};
