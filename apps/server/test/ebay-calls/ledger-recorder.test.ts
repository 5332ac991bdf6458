import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactForLog, type EbayCallRecord } from '@ebay-connector/ebay-client';
import { createEventBus, type EventBus } from '../../src/ebay-calls/event-bus';
import { createLedgerRecorder } from '../../src/ebay-calls/ledger.recorder';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { testLogger } from '../helpers/silent-logger';

function call(i: number, body: string | null = null): EbayCallRecord {
  return {
    method: 'GET',
    url: `https://api.ebay.com/sell/fulfillment/v1/order?offset=${i}`,
    api: 'sell.fulfillment',
    operation: 'getOrders',
    status: 200,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(),
    durationMs: 12.4,
    attempt: 1,
    ebayErrorId: null,
    requestId: null,
    requestBody: null,
    responseBody: body,
    willRetry: false,
  };
}

describe('ledger recorder', () => {
  let d: TestDatabase;
  let events: EventBus;

  beforeAll(async () => {
    d = await createTestDatabase();
    events = createEventBus({ db: d.db, connectionString: d.url, logger: testLogger() });
  });
  afterAll(async () => {
    await events.close();
    await d.destroy();
  });

  it('records a burst of calls in batches: every call one row and one event, in order, bodies cut', async () => {
    const lines: Record<string, unknown>[] = [];
    const ledger = createLedgerRecorder({ db: d.db, events, logger: testLogger(lines), bodyMaxBytes: 100 });
    const hook = ledger.hookFor({ runId: null, requestId: 'req-burst', correlationId: 'corr' });
    for (let i = 0; i < 450; i += 1) hook(call(i, i === 0 ? 'x'.repeat(500) : '{"ok":true}'));
    await ledger.flush();

    const rows = await d.db
      .selectFrom('ebay_calls')
      .select(['id', 'url', 'request_id', 'response_body', 'duration_ms'])
      .where('request_id', '=', 'req-burst')
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(450);
    expect(rows.map((r) => r.url)).toEqual(Array.from({ length: 450 }, (_, i) => call(i).url));
    expect(rows[0]?.response_body).toMatch(/^x{100}\.\.\.\[truncated 400 bytes\]$/);
    expect(rows[1]?.duration_ms).toBe(12);

    const published = await d.db
      .selectFrom('ebay_events')
      .select(['data'])
      .where('type', '=', 'ebay.call')
      .orderBy('id')
      .execute();
    const callIds = published.map((e) => (e.data as { callId: string }).callId);
    expect(callIds).toEqual(rows.map((r) => String(r.id)));
    expect(lines.filter((l) => l.level === 50 || l.level === 40)).toEqual([]);
  });

  it("says in the call's event why it has no status (aborted by STOP or a shutdown, or a network failure)", async () => {
    const ledger = createLedgerRecorder({ db: d.db, events, logger: testLogger(), bodyMaxBytes: 100 });
    const hook = ledger.hookFor({ requestId: 'req-kinds' });
    hook({ ...call(0), status: null, error: { kind: 'aborted', message: 'stopped' } });
    hook({ ...call(1), status: null, error: { kind: 'network', message: 'reset' } });
    hook(call(2));
    await ledger.flush();
    const published = await d.db
      .selectFrom('ebay_events')
      .select(['data'])
      .where('type', '=', 'ebay.call')
      .where(sql<boolean>`data->>'requestId' = 'req-kinds'`)
      .orderBy('id')
      .execute();
    expect(published.map((e) => (e.data as { status: number | null; errorKind: string | null }))).toMatchObject([
      { status: null, errorKind: 'aborted' },
      { status: null, errorKind: 'network' },
      { status: 200, errorKind: null },
    ]);
  });

  it('keeps a body the client already cut to the same limit as it is, with the size the client cut', async () => {
    const ledger = createLedgerRecorder({ db: d.db, events, logger: testLogger(), bodyMaxBytes: 100 });
    const body = redactForLog(`{"orders":[${'"x",'.repeat(2000)}"y"]}`, { maxBytes: 100 });
    expect(body).toMatch(/\.\.\.\[truncated 7916 bytes\]$/);
    ledger.hookFor({ requestId: 'req-precut' })(call(0, body));
    await ledger.flush();
    const row = await d.db
      .selectFrom('ebay_calls')
      .select('response_body')
      .where('request_id', '=', 'req-precut')
      .executeTakeFirstOrThrow();
    expect(row.response_body).toBe(body);
  });

  it('records a body PostgreSQL text cannot hold (NUL, an unpaired surrogate) with U+FFFD, and its batch', async () => {
    const lines: Record<string, unknown>[] = [];
    const ledger = createLedgerRecorder({ db: d.db, events, logger: testLogger(lines), bodyMaxBytes: 100 });
    const hook = ledger.hookFor({ requestId: 'req-odd' });
    hook(call(0, '{"a":"x\u0000y"}'));
    hook(call(1, 'half \uD83D pair and \uDE00 low, whole 😀'));
    hook(call(2, '{"ok":true}'));
    await ledger.flush();
    const rows = await d.db
      .selectFrom('ebay_calls')
      .select('response_body')
      .where('request_id', '=', 'req-odd')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.response_body)).toEqual([
      '{"a":"x\uFFFDy"}',
      'half \uFFFD pair and \uFFFD low, whole 😀',
      '{"ok":true}',
    ]);
    expect(lines.filter((l) => l.level === 50 || l.level === 40)).toEqual([]);
  });

  it('delivers the events of recorded calls to live subscribers', async () => {
    const ledger = createLedgerRecorder({ db: d.db, events, logger: testLogger(), bodyMaxBytes: 100 });
    await events.listen();
    const seen: string[] = [];
    const unsubscribe = events.subscribe({ types: ['ebay.call'] }, (e) => {
      if ((e.data as { requestId?: string }).requestId === 'req-live') seen.push(e.id);
    });
    const hook = ledger.hookFor({ requestId: 'req-live' });
    for (let i = 0; i < 30; i += 1) hook(call(i));
    await ledger.flush();
    const until = Date.now() + 5000;
    while (seen.length < 30 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    unsubscribe();
    expect(seen).toHaveLength(30);
  });
});
