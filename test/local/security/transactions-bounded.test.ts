import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveNodeHttp, type NodeHttpServer } from '../../../local/adapters/node-http.js';
import {
  createDataApiCore,
  createDataApiHandler,
  createPgliteBackend,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  type DataApiCore,
  type DatabaseBackend,
} from '../../../local/plugins/data-api/index.js';

const arns = { resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN };

/** One PGlite (one session) behind the HTTP endpoint, with short timeouts. */
interface Endpoint {
  backend: DatabaseBackend;
  core: DataApiCore;
  http: NodeHttpServer;
}

async function startEndpoint(contendedIdleMs: number): Promise<Endpoint> {
  const backend = createPgliteBackend();
  const core = createDataApiCore({ backend, timeouts: { statementMs: 2_000, transactionContendedIdleMs: contendedIdleMs } });
  // Open PGlite before the short statement timeout applies to its first call.
  (await backend.acquire()).release();
  const http = await serveNodeHttp(createDataApiHandler(core));
  return { backend, core, http };
}

async function call(endpoint: Endpoint, operation: string, body: object): Promise<{ status: number; body: any }> {
  const response = await fetch(`${endpoint.http.url}/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...arns, ...body }),
  });
  return { status: response.status, body: await response.json() };
}

/** Sends a call and closes its connection after `afterMs`, as a caller that gives up (or a Lambda killed at its timeout) does. */
function callAndGoAway(endpoint: Endpoint, operation: string, body: object, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const req = httpRequest(`${endpoint.http.url}/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.end(JSON.stringify({ ...arns, ...body }));
    setTimeout(() => req.destroy(), afterMs);
  });
}

let reclaiming: Endpoint;
let patient: Endpoint;

beforeAll(async () => {
  // `patient` never reclaims within a test's time, so what it shows comes from the caller going away alone.
  [reclaiming, patient] = await Promise.all([startEndpoint(300), startEndpoint(600_000)]);
});

afterAll(async () => {
  for (const endpoint of [reclaiming, patient]) {
    await endpoint?.http.close();
    await endpoint?.core.close();
  }
});

describe('Abandoned transactions do not stall PGlite', () => {
  it('rolls back a transaction left idle while another call waits for the only session', async () => {
    const begun = await call(reclaiming, 'BeginTransaction', {});
    await call(reclaiming, 'Execute', { sql: 'create table reclaimed (id int)', transactionId: begun.body.transactionId });
    // Nobody commits or rolls back: the next call would wait for the idle timeout (3 minutes) without the bound.
    const other = await call(reclaiming, 'Execute', { sql: "select 'served' as answer" });
    expect(other).toEqual({ status: 200, body: expect.objectContaining({ records: [[{ stringValue: 'served' }]] }) });
    const late = await call(reclaiming, 'Execute', { sql: 'select 1', transactionId: begun.body.transactionId });
    expect(late.status).toBe(404);
    expect(late.body.message).toContain('it was idle while other calls waited for the database');
    // Its work was rolled back.
    const table = await call(reclaiming, 'Execute', { sql: "select to_regclass('reclaimed') is null as gone" });
    expect(table.body.records).toEqual([[{ booleanValue: true }]]);
  });

  it('keeps a transaction nobody else is waiting for (the bound only applies under contention)', async () => {
    const begun = await call(reclaiming, 'BeginTransaction', {});
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect((await call(reclaiming, 'CommitTransaction', { transactionId: begun.body.transactionId })).status).toBe(200);
  });

  it('does not begin a transaction for a caller that went away while waiting for the session', async () => {
    const holder = await call(patient, 'BeginTransaction', {});
    await callAndGoAway(patient, 'BeginTransaction', {}, 150);
    expect((await call(patient, 'RollbackTransaction', { transactionId: holder.body.transactionId })).status).toBe(200);
    // Had the abandoned BeginTransaction run once the session was free, its transaction would hold it now (statement timeout 2 s).
    const next = await call(patient, 'Execute', { sql: "select 'free' as answer" });
    expect(next).toEqual({ status: 200, body: expect.objectContaining({ records: [[{ stringValue: 'free' }]] }) });
  });

  it('rolls back the transaction whose caller went away before the answer of a call in it reached it', async () => {
    const begun = await call(patient, 'BeginTransaction', {});
    const id = begun.body.transactionId as string;
    // In process, so the test decides when the request counts as gone: after the work, before the answer is delivered
    // (on PGlite a statement holds the event loop, so a Lambda killed meanwhile is noticed only then).
    const gone = new AbortController();
    const handler = createDataApiHandler(patient.core);
    const answer = await handler(
      new Request('http://127.0.0.1/Execute', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...arns, sql: 'create table abandoned_mid_call (id int)', transactionId: id }),
        signal: gone.signal,
      }),
    );
    expect(answer.status).toBe(200);
    gone.abort();
    const after = await call(patient, 'Execute', { sql: 'select 1', transactionId: id });
    expect(after.status).toBe(404);
    expect(after.body.message).toContain('its client went away');
    const table = await call(patient, 'Execute', { sql: "select to_regclass('abandoned_mid_call') is null as gone" });
    expect(table.body.records).toEqual([[{ booleanValue: true }]]);
  });
});
