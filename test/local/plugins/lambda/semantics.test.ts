import { describe, expect, it } from 'vitest';
import { fixture, useRunner } from './helpers.js';

const exportsUnderTest = ['throwsString', 'syncReturn', 'neverSettles', 'noWait', 'waitsForLoop', 'viaContext', 'timerThrows'];

describe('Lambda runner: Node.js runtime handler semantics', () => {
  const { runner } = useRunner({
    functions: exportsUnderTest.map((name) => ({ name, handlerFile: fixture('semantics'), handlerExport: name, timeoutSeconds: 1 })),
  });

  it('reports a thrown non-Error with its type and text', async () => {
    expect(await runner.invoke('throwsString', {})).toEqual({ ok: false, errorType: 'string', errorMessage: 'plain text' });
  });

  it('answers null for a sync handler that returns without calling back', async () => {
    expect(await runner.invoke('syncReturn', {})).toEqual({ ok: true, result: null });
  });

  it('fails an async handler whose promise never settles once the event loop is empty', async () => {
    expect(await runner.invoke('neverSettles', {})).toMatchObject({ ok: false, errorType: 'Runtime.NodeJsExit' });
  });

  it('answers at the callback when callbackWaitsForEmptyEventLoop is false', async () => {
    expect(await runner.invoke('noWait', {})).toEqual({ ok: true, result: 'early' });
  });

  it('waits for the event loop after the callback by default, so a pending timer times the call out', async () => {
    expect(await runner.invoke('waitsForLoop', {})).toMatchObject({ ok: false, errorType: 'Sandbox.Timedout' });
  });

  it('supports context.succeed', async () => {
    expect(await runner.invoke('viaContext', {})).toEqual({ ok: true, result: { via: 'context' } });
  });

  it('fails the call on an exception thrown outside the handler promise', async () => {
    expect(await runner.invoke('timerThrows', {})).toEqual({ ok: false, errorType: 'RangeError', errorMessage: 'thrown in a timer' });
  });
});
