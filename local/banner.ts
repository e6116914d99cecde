/** What `npm start` prints once the API serves: every address, credential and trust step a client needs. */
import { relative } from 'node:path';
import { DEFAULT_DATA_DIR, type ServerOptions } from './config/options.js';
import type { LocalServer } from './server.js';
import type { LocalProjectConfig } from './config/project.js';
import { tokenCommand } from './config/token-hint.js';
import { LocalUserPoolDefaults } from './plugins/cognito-idp/index.js';
import { trustSteps } from './tls/trust-steps.js';

function lanLines(server: LocalServer): string[] {
  if (server.lanUrls.length === 0) return [];
  return [
    ...server.lanUrls.map(
      (base, index) => `  ${index === 0 ? 'LAN         ' : '            '} ${base}/graphql  (phones and emulators on this network)`,
    ),
    `               The token and IAM-signing helpers stay loopback-only: devices sign in through the user pool below.`,
  ];
}

/** Emulators reach the host under their own names, which the certificate covers. */
function emulatorLine(server: LocalServer): string[] {
  if (!server.tls) return [];
  const { protocol, port } = new URL(server.url);
  return [`  Emulators    iOS simulator ${protocol}//localhost:${port}, Android emulator ${protocol}//10.0.2.2:${port}`];
}

function tlsLines(server: LocalServer): string[] {
  if (!server.tls) return [];
  const nearby = relative(process.cwd(), server.tls.caFile);
  const caFile = nearby && !nearby.startsWith('..') ? nearby : server.tls.caFile;
  return [
    `  HTTPS        CA certificate ${caFile}, created once: trust it on each device (README, Mobile apps)`,
    ...trustSteps(caFile).map(({ where, how }) => `    ${where.padEnd(17)} ${how}`),
  ];
}

export function banner(server: LocalServer, options: ServerOptions, project: Pick<LocalProjectConfig, 'playground'> = {}): string {
  const dataDirFlag = options.dataDir === DEFAULT_DATA_DIR ? '' : ` --data-dir ${options.dataDir}`;
  const expires = new Date(server.apiKey.expires * 1000).toISOString().slice(0, 10);
  return [
    '',
    `  GraphQL      ${server.url}/graphql`,
    `  Realtime     ${server.url.replace(/^http/, 'ws')}/graphql/realtime`,
    `  Playground   ${server.url}/`,
    ...emulatorLine(server),
    ...lanLines(server),
    `  Data API     ${server.dataApi.url}  (resource ${server.dataApi.resourceArn})`,
    `  API key      ${server.apiKey.id}  (x-api-key, expires ${expires})`,
    `  User token   ${tokenCommand(project.playground?.users ?? [], dataDirFlag)}  (Authorization header; or pick a user in the playground)`,
    `  User pool    ${server.auth.userPool.issuer}  (client ${server.auth.userPool.clientId}, JWKS ${server.url}${server.auth.userPool.jwksPath})`,
    `  Sign-in      ${server.signIn.endpoint}  (Cognito API for Amplify's userPoolEndpoint; ${server.signIn.users.length > 0 ? `users ${server.signIn.users.join(', ')}, password ${LocalUserPoolDefaults.PASSWORD} unless the project sets one` : 'sign up a user; the code is printed here'})`,
    `  IAM          access key ${server.auth.iam.accessKeyId}  secret ${server.auth.iam.secretAccessKey}  (SigV4, region ${server.auth.region}, services appsync and rds-data)`,
    ...tlsLines(server),
    `  Watch        ${options.watch ? 'on: resolver, Lambda and schema changes reload while serving' : 'off (--no-watch)'}`,
    `  Jobs         ${server.schedules.names.length > 0 ? `${server.schedules.names.join(', ')} on their timers; npm run jobs -- NAME runs one now` : 'none'}`,
    '',
  ].join('\n');
}
