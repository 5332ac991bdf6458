import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLimiter, EbayApiError, isAbortError, type EbayCallRecord } from '../src/index';
import { clearFaults, connectAccount, control, setFaults, startTestEmulator, type Emulator } from './emulator.helpers';

let emu: Emulator;

beforeAll(async () => {
  emu = await startTestEmulator();
}, 30_000);

afterEach(async () => {
  await clearFaults(emu);
});

afterAll(async () => {
  await emu.close();
});

async function failure(promise: Promise<unknown>): Promise<EbayApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EbayApiError) return err;
    throw err;
  }
  throw new Error('expected an EbayApiError');
}

const attemptsOf = (calls: EbayCallRecord[], operation: string) => calls.filter((c) => c.operation === operation);

describe('token refresh on 401', () => {
  it('calls onUnauthorized once, then retries with the new token', async () => {
    const account = await connectAccount(emu);
    account.accessToken = 'v^1.1#i^1#expired-or-unknown-token';
    const user = await account.client.identity.getUser();
    expect(user.userId).toBeTruthy();
    expect(account.refreshes).toBe(1);
    const attempts = attemptsOf(account.calls, 'getUser');
    expect(attempts.map((c) => [c.attempt, c.status, c.ebayErrorId, c.willRetry])).toEqual([
      [1, 401, 1001, true],
      [2, 200, null, false],
    ]);
  });

  it('gives up after one refresh when the token stays invalid', async () => {
    const account = await connectAccount(emu);
    let refreshes = 0;
    const client = account.client.withAccount({
      getAccessToken: () => Promise.resolve('v^1.1#always-invalid'),
      onUnauthorized: () => {
        refreshes += 1;
        return Promise.resolve();
      },
    });
    const err = await failure(client.fulfillment.getOrders({ limit: 1 }));
    expect(err).toMatchObject({ kind: 'auth', status: 401, errorId: 1001, retryable: false });
    expect(refreshes).toBe(1);
    expect(attemptsOf(account.calls, 'getOrders')).toHaveLength(2);
  });

  it('surfaces invalid_grant from the refresh hook unchanged', async () => {
    const account = await connectAccount(emu);
    const client = account.client.withAccount({
      getAccessToken: () => Promise.resolve('v^1.1#stale'),
      onUnauthorized: async () => {
        await account.client.oauth.refreshAccessToken('v^1.1#revoked-refresh-token');
      },
    });
    const err = await failure(client.identity.getUser());
    expect(err.oauthError).toBe('invalid_grant');
  });
});

describe('expired tokens', () => {
  it('refreshes after the emulator expires every access token (REST 401 and Trading 21917053)', async () => {
    const account = await connectAccount(emu);
    await control(emu, 'POST', '/tokens/expire');
    await account.client.identity.getUser();
    expect(account.refreshes).toBe(1);

    await control(emu, 'POST', '/tokens/expire');
    const page = await account.client.trading.getMyMessagesHeaders({ entriesPerPage: 5 });
    expect(page.ack).not.toBe('Failure');
    expect(account.refreshes).toBe(2);
    const trading = account.calls.filter((c) => c.operation === 'GetMyMessages');
    expect(trading.map((c) => [c.status, c.ebayErrorId, c.willRetry])).toEqual([
      [200, 21917053, true],
      [200, null, false],
    ]);
  });
});

describe('daily quota', () => {
  it('returns rate_limited with the reset time and does not hold the caller', async () => {
    const account = await connectAccount(emu);
    await control(emu, 'PUT', '/quotas', { identity: 0 });
    try {
      const err = await failure(account.client.identity.getUser());
      expect(err).toMatchObject({ kind: 'rate_limited', status: 429, errorId: 2001, retryable: true });
      expect(err.retryAfterMs).toBeGreaterThan(3000);
      expect(attemptsOf(account.calls, 'getUser')).toHaveLength(1);
    } finally {
      await control(emu, 'PUT', '/quotas', { identity: 5000 });
      await control(emu, 'POST', '/quotas/reset');
    }
  });
});

describe('retries', () => {
  it('retries injected 5xx and succeeds within the attempt budget', async () => {
    const account = await connectAccount(emu);
    await setFaults(emu, { queue: [{ kind: 'error', operation: 'getUser', status: 503, count: 2 }] });
    await account.client.identity.getUser();
    const attempts = attemptsOf(account.calls, 'getUser');
    expect(attempts.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(attempts.map((c) => c.attempt)).toEqual([1, 2, 3]);
  });

  it('stops after maxAttempts on persistent 5xx', async () => {
    const account = await connectAccount(emu, { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 100 } });
    await setFaults(emu, { queue: [{ kind: 'error', operation: 'getUser', status: 500, count: 10 }] });
    const err = await failure(account.client.identity.getUser());
    expect(err).toMatchObject({ kind: 'server', status: 500, retryable: true });
    expect(attemptsOf(account.calls, 'getUser')).toHaveLength(3);
    expect(attemptsOf(account.calls, 'getUser').at(-1)?.willRetry).toBe(false);
  });

  it('honours Retry-After on 429', async () => {
    const account = await connectAccount(emu);
    await setFaults(emu, { queue: [{ kind: 'rate_limit', operation: 'getUser', retryAfterSeconds: 1 }] });
    const started = Date.now();
    await account.client.identity.getUser();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const attempts = attemptsOf(account.calls, 'getUser');
    expect(attempts.map((c) => [c.status, c.ebayErrorId])).toEqual([
      [429, 2001],
      [200, null],
    ]);
  });

  it('does not wait for a Retry-After beyond maxDelayMs', async () => {
    const account = await connectAccount(emu, { retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 500 } });
    await setFaults(emu, { queue: [{ kind: 'rate_limit', operation: 'getUser', retryAfterSeconds: 30 }] });
    const err = await failure(account.client.identity.getUser());
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000, errorId: 2001 });
    expect(attemptsOf(account.calls, 'getUser')).toHaveLength(1);
  });

  it('retries connection resets as network errors', async () => {
    const account = await connectAccount(emu);
    await setFaults(emu, { queue: [{ kind: 'reset', operation: 'getUser' }] });
    await account.client.identity.getUser();
    const attempts = attemptsOf(account.calls, 'getUser');
    expect(attempts[0]).toMatchObject({ status: null, error: { kind: 'network' }, willRetry: true });
    expect(attempts[1]?.status).toBe(200);
  });

  it('times out a hanging request and retries it', async () => {
    const account = await connectAccount(emu, { timeoutMs: 300 });
    await setFaults(emu, { queue: [{ kind: 'hang', operation: 'getUser' }] });
    await account.client.identity.getUser();
    const attempts = attemptsOf(account.calls, 'getUser');
    expect(attempts[0]?.error?.message).toContain('timed out');
    expect(attempts[1]?.status).toBe(200);
  });
});

describe('abort', () => {
  it('stops an in-flight call quickly and never retries it', async () => {
    const account = await connectAccount(emu);
    await setFaults(emu, { latencyMs: 5000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = account.client.identity.getUser({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('sync stopped')), 100);
    const err = await failure(pending);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(isAbortError(err)).toBe(true);
    expect(err).toMatchObject({ kind: 'aborted', retryable: false, name: 'AbortError' });
    const attempts = attemptsOf(account.calls, 'getUser');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ status: null, error: { kind: 'aborted' }, willRetry: false });
  });

  it('aborts during a backoff wait', async () => {
    const account = await connectAccount(emu, { retry: { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 } });
    await setFaults(emu, { queue: [{ kind: 'rate_limit', operation: 'getUser', retryAfterSeconds: 8 }] });
    const controller = new AbortController();
    const pending = account.client.identity.getUser({ signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    expect(isAbortError(await failure(pending))).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('per-account concurrency', () => {
  it('never has more requests in flight than maxConcurrency', async () => {
    // Instrumented real fetch (requests still go to the emulator): counts requests on the wire.
    let inFlight = 0;
    let peak = 0;
    const counting = async (input: string, init: RequestInit): Promise<Response> => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const limiter = createLimiter(2);
    const account = await connectAccount(emu, { limiter, fetch: counting });
    await setFaults(emu, { latencyMs: 150 });
    peak = 0;
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => account.client.identity.getUser()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150 - 20);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
    expect(limiter.pending).toBe(0);
  });

  it('shares one limiter between clients of the same account', async () => {
    let inFlight = 0;
    let peak = 0;
    const counting = async (input: string, init: RequestInit): Promise<Response> => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const limiter = createLimiter(1);
    const account = await connectAccount(emu, { limiter, fetch: counting });
    const second = account.client.withAccount({ getAccessToken: () => Promise.resolve(account.accessToken), limiter });
    await setFaults(emu, { latencyMs: 100 });
    peak = 0;
    await Promise.all([account.client.identity.getUser(), second.identity.getUser(), second.fulfillment.getOrders({ limit: 1 })]);
    expect(peak).toBe(1);
  });
});
