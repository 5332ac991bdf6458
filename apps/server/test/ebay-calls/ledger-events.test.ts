import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSeller, createEbayTestApp, sellers, startTestEmulator, type EbayTestApp, type Emulator } from '../accounts/ebay-fixture';
import type { Session } from '../helpers/app';

interface SseEvent {
  id: string;
  event: string;
  data: { id: string; type: string; accountId: string | null; data: Record<string, unknown> };
}

/** A real HTTP SSE connection; collects parsed events and comment lines. */
async function openSse(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let idx;
        while ((idx = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            const m = /^(\w+): ?(.*)$/.exec(line);
            if (m) fields[m[1]!] = m[2]!;
          }
          if (fields.data) events.push({ id: fields.id!, event: fields.event!, data: JSON.parse(fields.data) as SseEvent['data'] });
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: res.status,
    headers: res.headers,
    events,
    comments,
    async waitFor(pred: (e: SseEvent[]) => boolean, ms = 5000) {
      const until = Date.now() + ms;
      while (!pred(events)) {
        if (Date.now() > until) throw new Error(`timed out; got ${JSON.stringify(events.map((e) => e.event))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

describe('call ledger and live events', () => {
  let emulator: Emulator;
  let a: EbayTestApp;
  let b: EbayTestApp;
  let viewer: Session;
  let accountId: string;
  let baseA: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    a = await createEbayTestApp(emulator);
    b = await createEbayTestApp(emulator, { database: a.database });
    baseA = await a.app.listen({ port: 0, host: '127.0.0.1' });
    viewer = await a.loginAs('viewer');
    const operator = await a.loginAs('operator');
    const seller = (await sellers(emulator))[0]!;
    const res = await connectSeller(a, emulator, operator.cookie, seller.username);
    accountId = new URL(res.headers.location as string, 'http://x').searchParams.get('connected')!;
    const client = a.ebay.getClientForAccount(accountId, { requestId: 'req-ledger' });
    for (let i = 0; i < 5; i += 1) await client.identity.getUser();
    await a.ebay.ledger.flush();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await emulator?.close();
  });

  it('GET /api/ebay/logs: 200 for a viewer, 401 without credentials, never 403', async () => {
    const ok = await a.app.inject({ url: '/api/ebay/logs?limit=100', headers: { cookie: viewer.cookie } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().calls.length).toBeGreaterThanOrEqual(7);
    const bearer = await a.app.inject({ url: '/api/ebay/logs?limit=100', headers: { authorization: `Bearer ${viewer.token}` } });
    expect(bearer.statusCode).toBe(200);
    const none = await a.app.inject({ url: '/api/ebay/logs?limit=100' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('unauthenticated');
    expect((await a.app.inject({ url: '/api/ebay/logs?limit=501', headers: { cookie: viewer.cookie } })).statusCode).toBe(422);
  });

  it('filters and keyset pagination with an opaque cursor; detail has the bodies', async () => {
    const get = (q: string) => a.app.inject({ url: `/api/ebay/logs?${q}`, headers: { cookie: viewer.cookie } }).then((r) => r.json());
    const byRequest = await get('requestId=req-ledger');
    expect(byRequest.calls).toHaveLength(5);
    expect((await get(`accountId=${accountId}&status=2xx`)).calls.length).toBeGreaterThanOrEqual(5);
    expect((await get('status=5xx')).calls).toHaveLength(0);
    expect((await get('status=200&runId=00000000-0000-4000-8000-000000000000')).calls).toHaveLength(0);

    const page1 = await get('requestId=req-ledger&limit=2');
    const page2 = await get(`requestId=req-ledger&limit=2&cursor=${page1.nextCursor}`);
    const page3 = await get(`requestId=req-ledger&limit=2&cursor=${page2.nextCursor}`);
    const ids = [...page1.calls, ...page2.calls, ...page3.calls].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(5);
    expect(page3.nextCursor).toBeNull();
    expect((await a.app.inject({ url: '/api/ebay/logs?cursor=garbage', headers: { cookie: viewer.cookie } })).statusCode).toBe(422);

    // Each call keeps eBay's id of it (the emulator's x-ebay-c-request-id), which the same filter finds.
    const ebayIds = byRequest.calls.map((c: { ebayRequestId: string | null }) => c.ebayRequestId);
    for (const id of ebayIds) expect(id).toMatch(/^ri=\w+,rci=\w+$/);
    expect(new Set(ebayIds).size).toBe(5);
    const byEbayId = await get(`requestId=${encodeURIComponent(ebayIds[2])}`);
    expect(byEbayId.calls.map((c: { id: string }) => c.id)).toEqual([byRequest.calls[2].id]);

    const detail = await a.app.inject({ url: `/api/ebay/logs/${ids[0]}`, headers: { cookie: viewer.cookie } });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().call).toMatchObject({ operation: 'getUser', status: 200, accountId });
    expect(detail.json().call.responseBody).toContain('userId');
    expect((await a.app.inject({ url: '/api/ebay/logs/999999999', headers: { cookie: viewer.cookie } })).statusCode).toBe(404);
  });

  it('SSE: an event published in another process reaches this one; Last-Event-ID resumes', async () => {
    expect((await fetch(`${baseA}/api/ebay/events`)).status).toBe(401);
    const stream = await openSse(`${baseA}/api/ebay/events?accountId=${accountId}`, {
      cookie: viewer.cookie,
      'accept-encoding': 'br, gzip',
    });
    expect(stream.status).toBe(200);
    // Never compressed: each event must reach the browser as it is written.
    expect(stream.headers.get('content-encoding')).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    const published = await b.ebay.events.publish({ type: 'sync.progress', accountId, data: { step: 1 } });
    if (!published) throw new Error('event not recorded');
    await b.ebay.events.publish({ type: 'sync.progress', accountId: '00000000-0000-4000-8000-000000000000', data: { other: true } });
    await stream.waitFor((e) => e.some((x) => x.id === published.id));
    expect(stream.events.every((e) => e.data.accountId === accountId)).toBe(true);
    // A call made through process B shows up live as ebay.call in A.
    await b.ebay.getClientForAccount(accountId).identity.getUser();
    await stream.waitFor((e) => e.some((x) => x.event === 'ebay.call'));
    await stream.waitFor(() => stream.comments.includes('heartbeat'), 2000);
    await stream.close();

    const later = await b.ebay.events.publish({ type: 'sync.progress', accountId, data: { step: 2 } });
    if (!later) throw new Error('event not recorded');
    const resumed = await openSse(`${baseA}/api/ebay/events?accountId=${accountId}`, {
      authorization: `Bearer ${viewer.token}`,
      'last-event-id': published.id,
    });
    await resumed.waitFor((e) => e.some((x) => x.id === later.id));
    expect(resumed.events.some((x) => x.id === published.id)).toBe(false);
    expect(resumed.events.map((x) => Number(x.id))).toEqual([...resumed.events.map((x) => Number(x.id))].sort((x, y) => x - y));
    await resumed.close();
  });

  it('SSE: tail=N opens on the newest N kept events that match, oldest first, then live; a resume beats it', async () => {
    const account = '00000000-0000-4000-8000-00000000aaaa';
    const kept = [];
    for (let i = 0; i < 8; i += 1) {
      const e = await b.ebay.events.publish({ type: i % 2 === 0 ? 'sync.progress' : 'sync.started', accountId: account, data: { i } });
      if (!e) throw new Error('event not recorded');
      kept.push(e);
    }
    const progress = kept.filter((_, i) => i % 2 === 0);
    const stream = await openSse(`${baseA}/api/ebay/events?accountId=${account}&types=sync.progress&tail=3`, {
      cookie: viewer.cookie,
    });
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.length >= 3);
    expect(stream.events.map((e) => e.id)).toEqual(progress.slice(-3).map((e) => e.id));
    const live = await b.ebay.events.publish({ type: 'sync.progress', accountId: account, data: { live: true } });
    await stream.waitFor((e) => e.some((x) => x.id === live?.id));
    await stream.close();
    // A reconnect sends Last-Event-ID: it resumes after that event, whatever tail says.
    const resumed = await openSse(`${baseA}/api/ebay/events?accountId=${account}&types=sync.progress&tail=3`, {
      cookie: viewer.cookie,
      'last-event-id': progress[0]!.id,
    });
    await resumed.waitFor((e) => e.some((x) => x.id === live?.id));
    expect(resumed.events.map((e) => e.id)).toEqual([...progress.slice(1).map((e) => e.id), live?.id]);
    await resumed.close();
    for (const bad of ['0', '5001', 'x']) {
      const res = await fetch(`${baseA}/api/ebay/events?tail=${bad}`, { headers: { cookie: viewer.cookie } });
      expect(res.status).toBe(422);
    }
  });

  it('SSE: a resume replays every missed event, past one page of 1,000', async () => {
    const account = '00000000-0000-4000-8000-00000000bbbb';
    const first = await b.ebay.events.publish({ type: 'sync.progress', accountId: account, data: { n: 0 } });
    if (!first) throw new Error('event not recorded');
    // Stored without a notification, as if published while this client was away: only the replay can send them.
    const missed = await a.db
      .insertInto('ebay_events')
      .values(Array.from({ length: 1200 }, (_, n) => ({ type: 'sync.progress', account_id: account, data: JSON.stringify({ n: n + 1 }) })))
      .returning('id')
      .execute();
    const resumed = await openSse(`${baseA}/api/ebay/events?accountId=${account}`, {
      cookie: viewer.cookie,
      'last-event-id': first.id,
    });
    await resumed.waitFor((e) => e.length >= missed.length, 10_000);
    expect(resumed.events.map((e) => e.id)).toEqual(missed.map((e) => String(e.id)));
    await resumed.close();
  });

  it('retention prunes old ledger rows and events', async () => {
    await a.db.updateTable('ebay_calls').set({ created_at: new Date(Date.now() - 40 * 86_400_000) } as never).where('request_id', '=', 'req-ledger').execute();
    const pruned = await a.ebay.prune();
    expect(pruned.ledger).toBe(5);
    expect(await a.db.selectFrom('ebay_calls').select('id').where('request_id', '=', 'req-ledger').execute()).toEqual([]);
  });
});
