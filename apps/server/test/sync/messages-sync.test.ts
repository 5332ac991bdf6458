import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consent } from '../accounts/ebay-fixture';
import {
  checksumOfLines as checksum,
  control,
  createSyncTestApp,
  startSync,
  startSyncEmulator,
  threadRowsOutOfStep,
  truth,
  waitForPages,
  waitForRun,
  type Emulator,
  type SyncTestApp,
} from './sync-fixture';

const MESSAGE_SCOPE = 'https://api.ebay.com/oauth/api_scope/commerce.message';

let emulator: Emulator;
let t: SyncTestApp;
const accounts: string[] = [];
let sellerIds: string[] = [];

/**
 * Seller 3 consents without commerce.message while the server asked for it (the emulator lets the consent form
 * narrow the scopes): its stored grant lists the scope, eBay refuses the REST calls.
 */
async function connectWithoutMessageScope(index: number): Promise<string> {
  const { sellers } = await control<{ sellers: Array<{ username: string }> }>(emulator, 'GET', '/sellers');
  const username = sellers[index]?.username ?? '';
  const start = await t.app.inject({
    method: 'GET',
    url: '/api/ebay/oauth/start',
    headers: { cookie: t.operatorCookie, accept: 'application/json' },
  });
  const authorize = new URL(start.json<{ authorizeUrl: string }>().authorizeUrl);
  const narrowed = (authorize.searchParams.get('scope') ?? '').split(' ').filter((s) => s !== MESSAGE_SCOPE);
  authorize.searchParams.set('scope', narrowed.join(' '));
  const callback = await consent(emulator, authorize.toString(), { seller: username });
  const res = await t.app.inject({ method: 'GET', url: callback });
  expect(res.statusCode).toBeLessThan(400);
  const row = await t.db
    .selectFrom('ebay_accounts')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  // About 125 member conversations per seller (3 pages of 50), all within GetMyMessages' year.
  emulator = await startSyncEmulator({ sellers: 3, ordersPerSeller: 2000, historyDays: 200 });
  t = await createSyncTestApp(emulator);
  accounts.push(await t.connect(0), await t.connect(1), await connectWithoutMessageScope(2));
  sellerIds = (await control<{ sellers: Array<{ id: string }> }>(emulator, 'GET', '/sellers')).sellers.map(
    (s) => s.id,
  );
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

async function stored(accountId: string) {
  return t.syncDb.selectFrom('ebay_messages').selectAll().where('account_id', '=', accountId).execute();
}

/** The database's side of the emulator's `messages` and `conversations` truths. */
async function storedTruths(accountId: string) {
  const rows = await stored(accountId);
  return {
    messages: checksum(rows.map((r) => `${r.message_id}|${r.received_at.toISOString()}`)),
    conversations: checksum(rows.map((r) => `${r.thread_id}|${r.message_id}`)),
  };
}

async function runRow(runId: string) {
  return t.syncDb.selectFrom('sync_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
}

async function ledger(runId: string) {
  await t.ebay.ledger.flush();
  return t.db
    .selectFrom('ebay_calls')
    .select(['api', 'operation', 'url', 'status'])
    .where('run_id', '=', runId)
    .orderBy('id')
    .execute();
}

async function runMessages(accountId: string, payload: Record<string, unknown> = {}) {
  const runId = await startSync(t, 'messages', { accountId, ...payload });
  expect(await waitForRun(t.syncDb, runId)).toEqual({ status: 'succeeded', error_code: null });
  return runRow(runId);
}

async function plan(accountId: string): Promise<{ notes: string[]; total: number | null }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/ebay/sync/messages',
    headers: { authorization: t.operatorAuth },
    payload: { accountId, dryRun: true },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('messages through the REST Message API', () => {
  it('stores exactly the emulator conversations, grouped by conversation, with typed columns and the raw payload', async () => {
    const accountId = accounts[0] ?? '';
    const dry = await plan(accountId);
    expect(dry.notes[0]).toContain('path: rest');
    const run = await runMessages(accountId, { mode: 'full' });
    expect(run.checkpoint).toMatchObject({ path: 'rest' });
    expect(run.checkpoint.pathNote).toContain('commerce.message');
    const calls = await ledger(run.id);
    expect(calls.some((c) => c.api === 'trading')).toBe(false);
    const conversations = await truth(emulator, 'conversations', 0);
    expect(await storedTruths(accountId)).toEqual({
      messages: await truth(emulator, 'messages', 0),
      conversations,
    });
    // One list call per 50 conversations, one getConversation per conversation.
    const threads = new Set((await stored(accountId)).map((r) => r.thread_id)).size;
    expect(run.calls).toBe(Math.ceil(threads / 50) + threads);
    expect(calls.filter((c) => c.operation === 'getConversation')).toHaveLength(threads);
    // Each conversation row is named by its first subject and the buyer the seller talks with.
    const { sellers } = await control<{ sellers: Array<{ username: string }> }>(emulator, 'GET', '/sellers');
    const threadRows = await t.syncDb
      .selectFrom('ebay_message_threads')
      .select(['subject', 'counterpart'])
      .where('account_id', '=', accountId)
      .execute();
    expect(threadRows).toHaveLength(threads);
    for (const row of threadRows) {
      expect(row.subject).toEqual(expect.any(String));
      expect(row.counterpart).toEqual(expect.any(String));
      expect(row.counterpart).not.toBe(sellers[0]?.username);
    }
    expect(await threadRowsOutOfStep(t.syncDb)).toEqual([]);

    const rows = await stored(accountId);
    const sent = rows.find((r) => r.folder_id === 1);
    const received = rows.find((r) => r.thread_id === sent?.thread_id && r.folder_id === 0);
    expect(sent?.sender).toBe(received?.recipient);
    expect(sent?.recipient).toBe(received?.sender);
    for (const r of [sent, received]) {
      expect(r).toMatchObject({
        subject: expect.any(String),
        body: expect.any(String),
        is_read: expect.any(Boolean),
      });
      expect(r?.item_id).toMatch(/^\d+$/);
      const raw = r?.raw as {
        messageId: string;
        messageBody: string;
        conversation: { conversationId: string; referenceId: string };
      };
      expect(raw.messageId).toBe(r?.message_id);
      expect(raw.messageBody).toBe(r?.body);
      expect(raw.conversation).toMatchObject({ conversationId: r?.thread_id, referenceId: r?.item_id });
    }
  });

  it('an incremental run after buyers write again lists and reads only the changed conversations, however old', async () => {
    const accountId = accounts[0] ?? '';
    const before = await stored(accountId);
    const oldest = [...before].sort((a, b) => a.received_at.getTime() - b.received_at.getTime())[0]?.thread_id;
    const added: Array<{ messageId: string; conversationId: string }> = [];
    for (const target of [{ count: 1 }, { conversationIds: [oldest] }]) {
      const { created } = await control<{ created: Array<{ messageId: string; conversationId: string }> }>(
        emulator,
        'POST',
        `/sellers/${sellerIds[0]}/messages`,
        target,
      );
      added.push(...created);
    }
    expect(new Set(added.map((a) => a.conversationId)).size).toBe(2);
    const run = await runMessages(accountId);
    expect(run.mode).toBe('incremental');
    expect(run.checkpoint).toMatchObject({ path: 'rest' });
    expect(await storedTruths(accountId)).toEqual({
      messages: await truth(emulator, 'messages', 0),
      conversations: await truth(emulator, 'conversations', 0),
    });
    for (const a of added) {
      const row = (await stored(accountId)).find((r) => r.message_id === a.messageId);
      expect(row).toMatchObject({ thread_id: a.conversationId, is_read: false, folder_id: 0 });
    }
    // One list call (start_time: the conversations with a message since the watermark minus the overlap, not the
    // account's 3 pages), then the two changed conversations: those the overlap lists again are stored whole.
    const calls = await ledger(run.id);
    expect(calls.filter((c) => c.operation === 'getConversations')).toHaveLength(1);
    expect(calls.find((c) => c.operation === 'getConversations')?.url).toContain('start_time=');
    const conversationCalls = calls.filter((c) => c.operation === 'getConversation');
    expect(conversationCalls.map((c) => new URL(c.url).pathname.split('/').at(-1)).sort()).toEqual(
      added.map((a) => a.conversationId).sort(),
    );
    expect(run.calls).toBe(3);
    expect(run.records_inserted).toBe(2);
    // The conversation rows follow: each changed thread has one more message, unread.
    expect(await threadRowsOutOfStep(t.syncDb)).toEqual([]);
  });

  it('an incremental run with nothing new makes one call', async () => {
    const accountId = accounts[0] ?? '';
    const before = await storedTruths(accountId);
    const run = await runMessages(accountId);
    expect(run.mode).toBe('incremental');
    expect(run.calls).toBe(1);
    expect(run.records_fetched).toBe(0);
    expect(await storedTruths(accountId)).toEqual(before);
  });

  it('STOP mid-run then a new run continues from the checkpoint with no duplicates and no page read twice', async () => {
    const accountId = accounts[1] ?? '';
    await control(emulator, 'PUT', '/faults', { latencyMs: 150 });
    let first: Awaited<ReturnType<typeof runRow>>;
    try {
      const runId = await startSync(t, 'messages', { accountId, mode: 'full' });
      expect(await waitForPages(t.syncDb, runId, 1)).toBeGreaterThanOrEqual(1);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/ebay/sync/runs/${runId}/stop`,
        headers: { authorization: t.operatorAuth },
      });
      expect(res.json<{ run: { status: string } }>().run.status).toBe('cancelled');
      first = await runRow(runId);
    } finally {
      await control(emulator, 'PUT', '/faults', { latencyMs: 0 });
    }
    const expected = await truth(emulator, 'messages', 1);
    expect(first.records_inserted).toBeGreaterThan(0);
    expect(first.records_inserted).toBeLessThan(expected.count);
    expect((await stored(accountId)).length).toBe(first.records_inserted);
    expect(first.checkpoint.done).toEqual(expect.arrayContaining(['l0']));

    const second = await runMessages(accountId, { mode: 'full' });
    expect(second.resumed_from).toBe(first.id);
    expect(await storedTruths(accountId)).toEqual({
      messages: expected,
      conversations: await truth(emulator, 'conversations', 1),
    });
    // Every message was inserted once, by one of the two runs.
    expect(first.records_inserted + second.records_inserted).toBe(expected.count);
    expect(second.records_updated).toBe(0);
    const done = first.checkpoint.done as string[];
    expect((second.checkpoint.done as string[]).length).toBe(first.pages + second.pages);
    const relisted = (await ledger(second.id))
      .filter((c) => c.operation === 'getConversations')
      .map((c) => `l${new URL(c.url).searchParams.get('offset') ?? ''}`);
    expect(relisted.filter((k) => done.includes(k))).toEqual([]);
  });

  it('falls back to Trading GetMyMessages when eBay refuses the REST API or the grant lacks commerce.message', async () => {
    const accountId = accounts[2] ?? '';
    const token = await t.db
      .selectFrom('ebay_tokens')
      .select('scopes')
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(token.scopes).toContain(MESSAGE_SCOPE);
    expect((await plan(accountId)).notes[0]).toContain('path: trading');

    const refused = await runMessages(accountId, { mode: 'full' });
    expect(refused.checkpoint).toMatchObject({ path: 'trading' });
    expect(refused.checkpoint.pathNote).toContain('refused');
    const restCalls = (await ledger(refused.id)).filter((c) => c.api === 'commerce.message');
    expect(restCalls.map((c) => c.status)).toEqual([403]);
    expect((await storedTruths(accountId)).messages).toEqual(await truth(emulator, 'messages', 2));
    // GetMyMessages has no conversation id: a reply shares the thread (item, buyer) of the message it answers.
    const rows = await stored(accountId);
    const inboxThreads = new Set(rows.filter((r) => r.folder_id === 0).map((r) => r.thread_id));
    const replies = rows.filter((r) => r.folder_id === 1);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => inboxThreads.has(r.thread_id))).toBe(true);

    // An account connected without commerce.message does not try the REST API at all.
    await t.db
      .updateTable('ebay_tokens')
      .set({ scopes: token.scopes.filter((s) => s !== MESSAGE_SCOPE) })
      .where('account_id', '=', accountId)
      .execute();
    const dry = await plan(accountId);
    expect(dry.notes[0]).toContain('did not grant commerce.message');
    const byScope = await runMessages(accountId, { mode: 'full' });
    expect(byScope.checkpoint).toMatchObject({ path: 'trading' });
    expect(byScope.checkpoint.pathNote).toContain('did not grant');
    expect((await ledger(byScope.id)).filter((c) => c.api === 'commerce.message')).toEqual([]);
    expect((await storedTruths(accountId)).messages).toEqual(await truth(emulator, 'messages', 2));
  });
});
