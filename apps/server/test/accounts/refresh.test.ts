import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEbayModule, type EbayModule } from '../../src/accounts/ebay.module';
import { createDb, createPool, type Db } from '../../src/platform/database';
import { TEST_APP_SECRET } from '../helpers/app';
import { testPoolSettings } from '../helpers/database';
import { testLogger } from '../helpers/silent-logger';
import { connectSeller, control, createEbayTestApp, ebaySettings, sellers, startTestEmulator, type EbayTestApp, type Emulator } from './ebay-fixture';

const TOKEN_PATH = '/identity/v1/oauth2/token';

describe('token refresh (single-flight across processes)', () => {
  let emulator: Emulator;
  let t: EbayTestApp;
  let seller: { id: string; username: string };
  let accountId: string;
  let secondDb: Db;
  let second: EbayModule;

  const tokenRequests = async () =>
    (await control<{ requests: Array<{ path: string }> }>(emulator, 'GET', '/requests?limit=1000')).requests.filter((r) => r.path === TOKEN_PATH)
      .length;
  const expireSoon = () =>
    t.db.updateTable('ebay_tokens').set({ expires_at: new Date(Date.now() + 60_000) }).where('account_id', '=', accountId).execute();

  beforeAll(async () => {
    emulator = await startTestEmulator();
    t = await createEbayTestApp(emulator);
    seller = (await sellers(emulator))[0]!;
    const operator = await t.loginAs('operator');
    const res = await connectSeller(t, emulator, operator.cookie, seller.username);
    accountId = new URL(res.headers.location as string, 'http://x').searchParams.get('connected')!;
    // A second "process": its own pool, its own in-memory coalescing, the same database.
    secondDb = createDb(createPool(t.database.url, testPoolSettings, testLogger()));
    second = createEbayModule({
      settings: ebaySettings(emulator.url),
      db: secondDb,
      logger: testLogger(),
      appSecret: TEST_APP_SECRET,
      databaseUrl: t.database.url,
      publicUrl: 'http://localhost:3000',
    });
  });
  afterAll(async () => {
    await second?.close();
    await secondDb?.destroy();
    await t?.close();
    await emulator?.close();
  });

  it('50 concurrent calls on an expiring token cause exactly one refresh grant', async () => {
    await expireSoon();
    await control(emulator, 'DELETE', '/requests');
    const client = t.ebay.getClientForAccount(accountId, { requestId: 'race-1' });
    const users = await Promise.all(Array.from({ length: 50 }, () => client.identity.getUser()));
    expect(new Set(users.map((u) => u.username))).toEqual(new Set([seller.username]));
    expect(await tokenRequests()).toBe(1);
    const row = await t.db.selectFrom('ebay_tokens').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
    expect(row.expires_at.getTime()).toBeGreaterThan(Date.now() + 3600_000);
    await t.ebay.ledger.flush();
    const ledger = await t.db.selectFrom('ebay_calls').select(['operation', 'request_id']).where('request_id', '=', 'race-1').execute();
    expect(ledger.filter((c) => c.operation === 'getUser')).toHaveLength(50);
  });

  it('two processes racing refresh once (row lock + re-check)', async () => {
    await expireSoon();
    await control(emulator, 'DELETE', '/requests');
    const a = t.ebay.getClientForAccount(accountId);
    const b = second.getClientForAccount(accountId);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).identity.getUser()));
    expect(await tokenRequests()).toBe(1);
  });

  it('a 401 from eBay triggers one refresh and the call succeeds', async () => {
    await control(emulator, 'POST', '/tokens/expire');
    await control(emulator, 'DELETE', '/requests');
    const client = t.ebay.getClientForAccount(accountId);
    const users = await Promise.all(Array.from({ length: 5 }, () => client.identity.getUser()));
    expect(users[0]!.username).toBe(seller.username);
    expect(await tokenRequests()).toBe(1);
  });

  it('explains a dry run in words and human durations: what a refresh asked for now does, and when syncs would refresh', async () => {
    const stored = await t.db.selectFrom('ebay_tokens').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
    const explain = (change: Partial<typeof stored>) => t.ebay.tokens.explain({ ...stored, ...change });
    const inMs = (ms: number) => new Date(Date.now() + ms);

    const valid = explain({ expires_at: inMs(7160_000 + 500), refresh_expires_at: inMs(86_400_000) });
    expect(valid).toEqual({
      wouldRefresh: false,
      refreshable: true,
      reason:
        'The access token is valid for another 1 h 59 min, so syncs keep using it until less than 5 min is left; a refresh would replace it now because you asked for it (a forced refresh).',
    });
    expect(explain({ expires_at: inMs(200_000 + 500) })).toEqual({
      wouldRefresh: true,
      refreshable: true,
      reason: 'The access token expires in 3 min 20 s, less than 5 min: a refresh would replace it now, as the next eBay call would.',
    });
    expect(explain({ expires_at: inMs(-2 * 86_400_000 - 3 * 3600_000 - 500) }).reason).toBe(
      'The access token expired 2 d 3 h ago: a refresh would replace it now, as the next eBay call would.',
    );
    expect(explain({ refresh_expires_at: inMs(-45_500) }).reason).toBe(
      'The refresh token expired 45 s ago, so eBay would refuse a refresh: reconnect the account.',
    );
    expect(explain({ refresh_token_enc: null }).reason).toBe(
      'No refresh token is stored, so the access token cannot be renewed: reconnect the account.',
    );

    // As the dry run answers it: never raw seconds.
    await t.db.updateTable('ebay_tokens').set({ expires_at: inMs(7200_000) }).where('account_id', '=', accountId).execute();
    const operator = await t.loginAs('operator');
    const dry = await t.app.inject({
      method: 'POST',
      url: `/api/ebay/accounts/${accountId}/refresh?dryRun=true`,
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, refreshed: false, wouldRefresh: true });
    expect(dry.json().reason).toMatch(/^The access token is valid for another 1 h 59 min, .+ \(a forced refresh\)\.$/);
    expect(dry.json().reason).not.toMatch(/\d+s\b/);

    // A refresh token eBay no longer takes: pressing Refresh would not help, and the dry run says so.
    const before = await t.db.selectFrom('ebay_tokens').select('refresh_expires_at').where('account_id', '=', accountId).executeTakeFirstOrThrow();
    await t.db.updateTable('ebay_tokens').set({ refresh_expires_at: inMs(-60_000) }).where('account_id', '=', accountId).execute();
    try {
      const expired = await t.app.inject({
        method: 'POST',
        url: `/api/ebay/accounts/${accountId}/refresh?dryRun=true`,
        headers: { authorization: `Bearer ${operator.token}` },
      });
      expect(expired.json()).toMatchObject({ dryRun: true, wouldRefresh: false });
      expect(expired.json().reason).toMatch(/^The refresh token expired 1 min( \d+ s)? ago, so eBay would refuse a refresh: reconnect the account\.$/);
    } finally {
      await t.db.updateTable('ebay_tokens').set({ refresh_expires_at: before.refresh_expires_at }).where('account_id', '=', accountId).execute();
    }
  });

  it('a revoked refresh token keeps the stored token and marks the account reauth_required', async () => {
    await control(emulator, 'POST', `/sellers/${seller.id}/revoke-tokens`);
    await expireSoon();
    const before = await t.db.selectFrom('ebay_tokens').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
    await expect(t.ebay.tokens.getAccessToken(accountId)).rejects.toMatchObject({ code: 'reauth_required' });
    const after = await t.db.selectFrom('ebay_tokens').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
    expect(after.access_token_enc).toBe(before.access_token_enc);
    expect(after.refresh_token_enc).toBe(before.refresh_token_enc);
    expect(after.last_refresh_error).toContain('invalid_grant');
    const account = await t.db.selectFrom('ebay_accounts').select('status').where('id', '=', accountId).executeTakeFirstOrThrow();
    expect(account.status).toBe('reauth_required');
    const events = await t.db.selectFrom('ebay_events').select(['type', 'data']).where('type', '=', 'account.status').execute();
    expect(events.at(-1)?.data).toMatchObject({ status: 'reauth_required' });
  });

  it('warns from 30 days before the refresh token expires (API field + one event)', async () => {
    await t.db
      .updateTable('ebay_tokens')
      .set({ refresh_expires_at: new Date(Date.now() + 10 * 86_400_000) })
      .where('account_id', '=', accountId)
      .execute();
    const admin = await t.loginAs('admin');
    const res = await t.app.inject({ url: `/api/ebay/accounts/${accountId}`, headers: { cookie: admin.cookie } });
    expect(res.json().account.refreshExpiryWarning).toMatchObject({ daysLeft: 9 });
  });
});
