import { signAppSyncRequest } from '../../../../local/plugins/auth/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, startRealtimeFixture, type RealtimeFixtureServer } from './support/realtime-server.js';
import { RealtimeTestClient } from './support/ws-client.js';

let fixture: RealtimeFixtureServer;
let auth: Record<string, string>;
const clients: RealtimeTestClient[] = [];

const connect_ = (form: 'query' | 'subprotocol', headers: Record<string, string>) => connect(form, headers);

async function connect(form: 'query' | 'subprotocol' = 'subprotocol', headers = auth): Promise<RealtimeTestClient> {
  const client = await RealtimeTestClient.open(fixture.server.url, headers, form);
  clients.push(client);
  return client;
}

async function ready(): Promise<RealtimeTestClient> {
  const client = await connect();
  await client.init();
  return client;
}

const POST = 'mutation Post($input: MessageInput!) { postMessage(input: $input) { id room body status priority } }';

beforeAll(async () => {
  fixture = await startRealtimeFixture({ keepAliveIntervalMs: 150 });
  auth = apiKeyHeaders(fixture.server);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await fixture?.stop();
});

describe('Realtime handshake', () => {
  it.each(['subprotocol', 'query'] as const)(
    'acknowledges a connection whose auth comes in the %s form, then keeps it alive',
    async (form) => {
      const client = await connect(form);
      expect(client.socket.protocol).toBe('graphql-ws');
      expect(await client.init()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
      expect(await client.next()).toEqual({ type: 'ka' });
      expect(await client.next()).toEqual({ type: 'ka' });
    },
  );

  it('accepts SigV4 (IAM) auth: the handshake signs /graphql/connect over {}, each start signs /graphql over its data', async () => {
    const { iam, region } = fixture.server.auth;
    const base = `https://${auth.host as string}`;
    const signing = {
      accept: 'application/json, text/javascript',
      'content-encoding': 'amz-1.0',
      'content-type': 'application/json; charset=UTF-8',
    };
    const connect = await signAppSyncRequest({ url: `${base}/graphql/connect`, body: '{}', headers: signing, credentials: iam, region });
    const client = await connect_('subprotocol', connect);
    expect((await client.init()).type).toBe('connection_ack');
    const data = JSON.stringify({ query: 'subscription { onMessage(room: "iam") { body } }', variables: {} });
    const authorization = await signAppSyncRequest({ url: `${base}/graphql`, body: data, headers: signing, credentials: iam, region });
    client.send({ id: 'iam', type: 'start', payload: { data, extensions: { authorization } } });
    expect(await client.next((frame) => frame.id === 'iam')).toEqual({ type: 'start_ack', id: 'iam' });
    await fixture.graphql(POST, { input: { room: 'iam', body: 'signed' } });
    expect((await client.nextOf('data', 'iam')).payload).toEqual({ data: { onMessage: { body: 'signed' } } });
    const forged = {
      ...authorization,
      authorization: authorization.authorization!.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`),
    };
    client.send({ id: 'forged', type: 'start', payload: { data, extensions: { authorization: forged } } });
    expect((await client.next((frame) => frame.id === 'forged')).payload.errors[0]).toMatchObject({ errorCode: 403 });
  });

  it('refuses a wrong API key with connection_error and closes the socket', async () => {
    const client = await connect('subprotocol', { ...auth, 'x-api-key': 'da2-wrongwrongwrongwrongwrongw' });
    expect(await client.init()).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 }] },
    });
    await client.waitClosed();
  });

  it('refuses a handshake without auth headers', async () => {
    const client = await RealtimeTestClient.open(fixture.server.url, {}, 'subprotocol', ['graphql-ws']);
    clients.push(client);
    const refusal = await client.init();
    expect(refusal.type).toBe('connection_error');
    expect(refusal.payload.errors[0]).toMatchObject({ errorType: 'UnauthorizedException', errorCode: 401 });
  });

  it('refuses an upgrade without the graphql-ws subprotocol (graphql-transport-ws is not AppSync)', async () => {
    await expect(RealtimeTestClient.open(fixture.server.url, auth, 'query', ['graphql-transport-ws'])).rejects.toThrow(/400/);
  });

  it('answers an unreadable frame and an unknown message type with error frames', async () => {
    const client = await ready();
    client.send('not json');
    expect((await client.nextOf('error')).payload.errors[0].errorType).toBe('BadRequestException');
    client.send({ type: 'subscribe', id: 'x' });
    expect(await client.nextOf('error', 'x')).toEqual({
      type: 'error',
      id: 'x',
      payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' }] },
    });
  });
});

describe('start, data, stop, complete', () => {
  it('delivers a mutation result after start_ack and nothing after stop/complete', async () => {
    const client = await ready();
    expect(await client.start('s1', 'subscription { onMessage(room: "r1") { id room body } }', {}, auth)).toEqual({
      type: 'start_ack',
      id: 's1',
    });
    const posted = await fixture.graphql(POST, { input: { room: 'r1', body: 'hello' } });
    expect(await client.nextOf('data', 's1')).toEqual({
      type: 'data',
      id: 's1',
      payload: { data: { onMessage: { id: posted.data.postMessage.id, room: 'r1', body: 'hello' } } },
    });
    client.send({ type: 'stop', id: 's1' });
    expect(await client.nextOf('complete', 's1')).toEqual({ type: 'complete', id: 's1' });
    await fixture.graphql(POST, { input: { room: 'r1', body: 'after stop' } });
    await client.barrier();
    expect(client.take('data', 's1')).toEqual([]);
  });

  it('logs each connection, subscription, publish, stop and close under the connection it happened on', async () => {
    fixture.logs.length = 0;
    const client = await ready();
    await client.start('logged', 'subscription Watch { onMessage(room: "logs") { id } }', {}, auth);
    await fixture.graphql(POST, { input: { room: 'logs', body: 'hi' } });
    await client.nextOf('data', 'logged');
    client.send({ type: 'stop', id: 'logged' });
    await client.nextOf('complete', 'logged');
    client.close();
    for (let attempt = 0; attempt < 100 && !fixture.logs.some((line) => line.startsWith('realtime close')); attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const realtime = fixture.logs.filter((line) => line.startsWith('realtime '));
    const connection = /realtime connect (conn-\w+)/.exec(realtime[0] ?? '')?.[1];
    expect(realtime).toEqual([
      expect.stringMatching(/^realtime connect conn-\w{8} auth=API_KEY from /),
      `realtime subscribe ${connection} id=logged onMessage auth=API_KEY`,
      'realtime publish postMessage: 1 event delivered',
      `realtime stop ${connection} id=logged`,
      expect.stringMatching(new RegExp(`^realtime close ${connection} code=\\d+ subscriptions=0$`)),
    ]);
  });

  it('refuses queries and mutations on the socket', async () => {
    const client = await ready();
    expect((await client.start('q', '{ ping }', {}, auth)).payload).toEqual({
      errors: [{ errorType: 'UnsupportedOperation', message: 'query not supported through the realtime channel' }],
    });
    expect((await client.start('m', 'mutation { endSessions(userId: "u") { userId } }', {}, auth)).payload.errors[0].message).toBe(
      'mutation not supported through the realtime channel',
    );
  });

  it('answers a document that fails validation with AppSync validation messages', async () => {
    const client = await ready();
    const refusal = await client.start('v', 'subscription { onMessage { nope } }', {}, auth);
    expect(refusal.type).toBe('error');
    expect(refusal.payload.errors[0].message).toMatch(
      /^Validation error of type FieldUndefined: Field 'nope' in type 'Message' is undefined/,
    );
  });

  it('refuses an operation id already in use on the socket', async () => {
    const client = await ready();
    expect((await client.start('dup', 'subscription { onMessage(room: "d") { id } }', {}, auth)).type).toBe('start_ack');
    const refusal = await client.start('dup', 'subscription { onMessage(room: "e") { id } }', {}, auth);
    expect(refusal).toMatchObject({ type: 'error', id: 'dup', payload: { errors: [{ errorType: 'DuplicatedOperationError' }] } });
  });

  it('authorizes each start on its own: a socket opened with the key refuses a start with a wrong key', async () => {
    const client = await ready();
    const refusal = await client.start(
      'bad-key',
      'subscription { onMessage(room: "k") { id } }',
      {},
      { ...auth, 'x-api-key': 'da2-wrongwrongwrongwrongwrongw' },
    );
    expect(refusal.payload.errors).toEqual([
      { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 },
    ]);
  });
});

describe('@aws_subscribe', () => {
  it('gives subscribers only the fields the mutation selected: others null, non-null ones as errors', async () => {
    const client = await ready();
    await client.start('nullable', 'subscription { onMessage(room: "sel") { id room status priority } }', {}, auth);
    await client.start('non-null', 'subscription { onMessage(room: "sel") { id body } }', {}, auth);
    const posted = await fixture.graphql(
      'mutation { postMessage(input: { room: "sel", body: "b", status: "open", priority: 4 }) { id room } }',
    );
    const id = posted.data.postMessage.id;
    expect((await client.nextOf('data', 'nullable')).payload).toEqual({
      data: { onMessage: { id, room: 'sel', status: null, priority: null } },
    });
    const strict = await client.nextOf('data', 'non-null');
    expect(strict.payload.data).toEqual({ onMessage: null });
    expect(strict.payload.errors).toEqual([
      expect.objectContaining({
        path: ['onMessage', 'body'],
        message: "Cannot return null for non-nullable type: 'String' within parent 'Message' (/onMessage/body)",
      }),
    ]);
  });

  it('publishes a mutation whose fields the caller aliased, under the field names', async () => {
    const client = await ready();
    await client.start('aliased', 'subscription { onMessage(room: "alias") { id room body } }', {}, auth);
    const posted = await fixture.graphql(
      'mutation { sent: postMessage(input: { room: "alias", body: "b" }) { key: id where: room body } }',
    );
    expect((await client.nextOf('data', 'aliased')).payload).toEqual({
      data: { onMessage: { id: posted.data.sent.key, room: 'alias', body: 'b' } },
    });
  });

  it('filters by equality with the result: omitted arguments do not filter, explicit null matches only null', async () => {
    const client = await ready();
    const q = (args: string) => `subscription${args.includes('$status') ? '($status: String)' : ''} { onMessage(${args}) { body } }`;
    const starts = {
      all: 'room: "args"',
      open: 'room: "args", status: "open"',
      null: 'room: "args", status: null',
      'unset-variable': 'room: "args", status: $status',
      priority: 'room: "args", priority: 2',
    };
    for (const [id, args] of Object.entries(starts)) expect((await client.start(id, q(args), {}, auth)).type).toBe('start_ack');
    expect((await client.start('no-args', 'subscription { onMessage { body } }', {}, auth)).type).toBe('start_ack');
    for (const input of [
      { room: 'args', body: 'open-1', status: 'open' },
      { room: 'args', body: 'none-2' },
      { room: 'args', body: 'closed-3', status: 'closed', priority: 2 },
      { room: 'other', body: 'elsewhere-4', status: 'open' },
    ]) {
      await fixture.graphql(POST, { input });
    }
    await client.barrier();
    const bodies = (id: string) => client.take('data', id).map((frame) => frame.payload.data.onMessage.body);
    expect(bodies('all')).toEqual(['open-1', 'none-2', 'closed-3']);
    expect(bodies('open')).toEqual(['open-1']);
    expect(bodies('null')).toEqual(['none-2']);
    expect(bodies('unset-variable')).toEqual(['none-2']);
    expect(bodies('priority')).toEqual(['closed-3']);
    expect(bodies('no-args')).toEqual(['open-1', 'none-2', 'closed-3', 'elsewhere-4']);
  });

  it('publishes from a direct Lambda resolver and from a mutation with appended errors, never from a failed one', async () => {
    const client = await ready();
    await client.start('kinds', 'subscription { onMessage(room: "kinds") { body } }', {}, auth);
    const input = (body: string) => ({ input: { room: 'kinds', body } });
    await fixture.graphql('mutation($input: MessageInput!) { postMessageByLambda(input: $input) { id room body } }', input('lambda'));
    const failed = await fixture.graphql(
      'mutation($input: MessageInput!) { failMessage(input: $input) { id room body } }',
      input('failed'),
    );
    expect(failed.errors[0].errorType).toBe('FixtureError');
    const partial = await fixture.graphql(
      'mutation($input: MessageInput!) { partialMessage(input: $input) { id room body } }',
      input('partial'),
    );
    expect(partial.errors[0].errorType).toBe('FixtureWarning');
    await client.barrier();
    expect(client.take('data', 'kinds').map((frame) => frame.payload.data.onMessage.body)).toEqual(['lambda', 'partial']);
  });
});

describe('Subscription resolvers', () => {
  it('lets the resolver refuse with util.unauthorized', async () => {
    const client = await ready();
    expect((await client.start('shut', 'subscription { onGuarded(room: "closed") { id } }', {}, auth)).payload.errors).toEqual([
      { errorType: 'Unauthorized', message: 'Not Authorized to access onGuarded on type Subscription', errorCode: 401 },
    ]);
    expect((await client.start('open', 'subscription { onGuarded(room: "open-1") { id } }', {}, auth)).type).toBe('start_ack');
  });

  it("lets the field's directives decide who subscribes: API keys may not follow a user-pool field, tokens may", async () => {
    const client = await ready();
    expect((await client.start('key', 'subscription { onMembersOnly { body } }', {}, auth)).payload.errors[0]).toMatchObject({
      errorType: 'Unauthorized',
      message: 'Not Authorized to access onMembersOnly on type Subscription',
    });
    const tokens = await fixture.server.auth.userPool.mint({ username: 'member' });
    const userAuth = { host: auth.host as string, Authorization: tokens.idToken };
    expect((await client.start('token', 'subscription { onMembersOnly { body } }', {}, userAuth)).type).toBe('start_ack');
    await fixture.graphql(POST, { input: { room: 'members', body: 'for members' } });
    expect((await client.nextOf('data', 'token')).payload).toEqual({ data: { onMembersOnly: { body: 'for members' } } });
  });

  const MESSAGES = [
    { body: 'hello cat', priority: 1, tags: ['red'], urgent: true, author: { name: 'ada', level: 1 } },
    { body: 'skip', priority: 2, tags: ['green'], urgent: false, author: { name: 'bob', level: 3 } },
    { body: 'a dog and cat', priority: 3, tags: ['blue', 'red'], author: { name: 'cy', level: 5 } },
    { body: 'hello dog', priority: 5, tags: ['red'] },
    { body: 'plain', priority: 6, tags: ['red'], urgent: true, author: { name: 'ada', level: 2 } },
  ];
  const EXPECTED: Record<string, string[]> = {
    eq: ['a dog and cat'],
    eqBoolean: ['hello cat', 'plain'],
    ne: ['hello cat', 'a dog and cat', 'hello dog', 'plain'],
    le: ['hello cat', 'skip'],
    lt: ['hello cat'],
    ge: ['hello dog', 'plain'],
    gt: ['plain'],
    containsText: ['hello cat', 'a dog and cat'],
    containsElement: ['hello cat', 'a dog and cat', 'hello dog', 'plain'],
    notContains: ['hello cat', 'skip', 'plain'],
    beginsWith: ['hello cat', 'hello dog'],
    in: ['hello cat', 'a dog and cat', 'hello dog'],
    notIn: ['skip', 'hello dog', 'plain'],
    between: ['skip', 'a dog and cat'],
    containsAny: ['hello cat', 'a dog and cat', 'hello dog', 'plain'],
    nested: ['skip', 'a dog and cat'],
    andOr: ['hello cat', 'hello dog', 'plain'],
  };

  it('applies every enhanced-filter operator, nested names, AND within a group and OR across groups', async () => {
    const client = await ready();
    for (const scenario of Object.keys(EXPECTED)) {
      expect(
        await client.start(scenario, 'subscription($s: String!) { onFiltered(scenario: $s) { body } }', { s: scenario }, auth),
      ).toEqual({ type: 'start_ack', id: scenario });
    }
    const selectAll =
      'mutation($input: MessageInput!) { postMessage(input: $input) { id room body scenario priority urgent tags author { name level } } }';
    for (const scenario of Object.keys(EXPECTED)) {
      for (const message of MESSAGES) await fixture.graphql(selectAll, { input: { room: 'filters', scenario, ...message } });
    }
    await client.barrier();
    for (const [scenario, bodies] of Object.entries(EXPECTED)) {
      expect([scenario, client.take('data', scenario).map((frame) => frame.payload.data.onFiltered.body)]).toEqual([scenario, bodies]);
    }
  });

  it.each([
    ['tooManyIn', 'subscription exceeds maximum value limit 5 for operator `in`.'],
    ['tooManyFilters', 'Filters exceed maximum attributes limit 5 for subscription'],
    ['emptyContainsAny', 'subscription filter has invalid filter value for operator `containsAny`.'],
  ])('refuses the %s filter with AppSync error text', async (scenario, message) => {
    const client = await ready();
    const refusal = await client.start(scenario, 'subscription($s: String!) { onFiltered(scenario: $s) { body } }', { s: scenario }, auth);
    expect(refusal).toMatchObject({ type: 'error', id: scenario, payload: { errors: [{ message, errorCode: 400 }] } });
  });
});

describe('Invalidation', () => {
  it('ends the subscriptions whose invalidation filter matches, with a complete frame; others keep receiving', async () => {
    const client = await ready();
    await client.start('u1', 'subscription { onSession(room: "inv", userId: "u1") { body } }', {}, auth);
    await client.start('u2', 'subscription { onSession(room: "inv", userId: "u2") { body } }', {}, auth);
    const kicked = await fixture.graphql('mutation { endSessions(userId: "u1") { userId } }');
    expect(kicked).toEqual({ data: { endSessions: { userId: 'u1' } } });
    expect(await client.nextOf('complete', 'u1')).toEqual({ type: 'complete', id: 'u1' });
    // onSession's argument filter compares userId with the result, which has no userId field: use the room only.
    await fixture.graphql(POST, { input: { room: 'inv', body: 'after' } });
    await client.barrier();
    expect(client.take('data', 'u1')).toEqual([]);
    expect((await client.start('u1', 'subscription { onSession(room: "inv", userId: "u1") { body } }', {}, auth)).type).toBe('start_ack');
  });
});

describe('Limits', () => {
  it('delivers each mutation to every subscriber when many are live, in the order of the mutations', async () => {
    const client = await ready();
    const ids = Array.from({ length: 40 }, (_, index) => `many-${index}`);
    for (const id of ids) await client.start(id, 'subscription { onMessage(room: "many") { body } }', {}, auth);
    expect((await fixture.graphql(POST, { input: { room: 'many', body: 'first' } })).errors).toBeUndefined();
    expect((await fixture.graphql(POST, { input: { room: 'many', body: 'second' } })).errors).toBeUndefined();
    for (const id of ids) {
      expect((await client.nextOf('data', id)).payload).toEqual({ data: { onMessage: { body: 'first' } } });
      expect((await client.nextOf('data', id)).payload).toEqual({ data: { onMessage: { body: 'second' } } });
    }
    for (const id of ids) client.send({ type: 'stop', id });
    for (const id of ids) await client.nextOf('complete', id);
  });

  it('drops an event over 240 KB and logs it while the mutation succeeds', async () => {
    const client = await ready();
    await client.start('big', 'subscription { onMessage(room: "big") { body } }', {}, auth);
    const big = await fixture.graphql(POST, { input: { room: 'big', body: 'x'.repeat(250_000) } });
    expect(big.data.postMessage.body).toHaveLength(250_000);
    const small = await fixture.graphql(POST, { input: { room: 'big', body: 'x'.repeat(1000) } });
    expect(small.errors).toBeUndefined();
    await client.barrier();
    expect(client.take('data', 'big').map((frame) => frame.payload.data.onMessage.body.length)).toEqual([1000]);
    expect(
      fixture.logs.some((line) => /realtime: dropped a \d+-byte event of postMessage for onMessage \(limit 245760 bytes\)/.test(line)),
    ).toBe(true);
  });

  it('refuses the 101st subscription on one connection', async () => {
    const client = await ready();
    for (let index = 0; index < 100; index += 1) {
      expect((await client.start(`n${index}`, 'subscription { onMessage(room: "many") { id } }', {}, auth)).type).toBe('start_ack');
    }
    expect(await client.start('n100', 'subscription { onMessage(room: "many") { id } }', {}, auth)).toEqual({
      type: 'error',
      id: 'n100',
      payload: {
        errors: [{ errorType: 'MaxSubscriptionsReachedError', message: 'Max number of 100 subscriptions reached', errorCode: 400 }],
      },
    });
    client.send({ type: 'stop', id: 'n0' });
    await client.nextOf('complete', 'n0');
    expect((await client.start('n100', 'subscription { onMessage(room: "many") { id } }', {}, auth)).type).toBe('start_ack');
  });
});
