import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../src/accounts/token-crypto';
import { createTokenVault } from '../../src/accounts/token-vault';
import { TEST_APP_SECRET, type Session } from '../helpers/app';
import { spawnTs } from '../helpers/process';
import { connectSeller, consent, control, createEbayTestApp, sellers, startTestEmulator, type EbayTestApp, type Emulator } from './ebay-fixture';

describe('connect an eBay account (emulator over HTTP, real Postgres)', () => {
  let emulator: Emulator;
  let t: EbayTestApp;
  let operator: Session;
  let viewer: Session;
  let seller: { username: string; userId: string };
  let accountId: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    t = await createEbayTestApp(emulator);
    operator = await t.loginAs('operator');
    viewer = await t.loginAs('viewer');
    const list = await sellers(emulator);
    seller = list[0]!;
  });
  afterAll(async () => {
    await t?.close();
    await emulator?.close();
  });

  it('start -> consent (Agree) -> callback stores the account with encrypted tokens', async () => {
    const res = await connectSeller(t, emulator, operator.cookie, seller.username, 'Main shop');
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string, 'http://x');
    expect(location.pathname).toBe('/accounts');
    accountId = location.searchParams.get('connected')!;
    expect(accountId).toMatch(/^[0-9a-f-]{36}$/);
    expect(location.searchParams.get('created')).toBe('1');

    const account = await t.db.selectFrom('ebay_accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ environment: 'emulator', ebay_user_id: seller.userId, username: seller.username, label: 'Main shop', status: 'active' });
    const row = await t.db.selectFrom('ebay_tokens').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
    const vault = createTokenVault(createTokenCipher(TEST_APP_SECRET));
    const access = vault.openAccess(row);
    const refresh = vault.openRefresh(row)!;
    expect(access.length).toBeGreaterThan(10);
    expect(row.access_token_enc).not.toContain(access);
    expect(row.refresh_token_enc).not.toContain(refresh);
    expect(row.expires_at.getTime()).toBeGreaterThan(Date.now());
    expect(row.scopes.length).toBeGreaterThan(0);

    const success = t.logLines.find((l) => l.msg === 'oauth success');
    expect(success).toMatchObject({ accountId, requestId: expect.any(String) });
    expect(t.logLines.filter((l) => l.msg === 'oauth callback start' || l.msg === 'oauth callback end').length).toBeGreaterThanOrEqual(2);

    await t.ebay.ledger.flush();
    const calls = await t.db.selectFrom('ebay_calls').selectAll().execute();
    expect(calls.map((c) => c.operation)).toEqual(expect.arrayContaining(['exchangeCode', 'getUser']));
    expect(calls.every((c) => c.request_id === success!.requestId)).toBe(true);
    // The connect calls happen before the account exists; they are attributed to it afterwards.
    expect(calls.every((c) => c.account_id === accountId)).toBe(true);

    // No token anywhere: API responses, log lines, ledger rows.
    const detail = await t.app.inject({ url: `/api/ebay/accounts/${accountId}`, headers: { cookie: viewer.cookie } });
    const list = await t.app.inject({ url: '/api/ebay/accounts', headers: { cookie: viewer.cookie } });
    expect(list.json()).toMatchObject({ environment: 'emulator', accounts: [expect.objectContaining({ id: accountId })] });
    const logs = await t.app.inject({ url: '/api/ebay/logs?limit=500', headers: { cookie: viewer.cookie } });
    const tokenInfo = await t.app.inject({ url: '/api/admin/debug/tokeninfo/latest', headers: { cookie: (await t.loginAs('admin')).cookie } });
    expect(tokenInfo.statusCode).toBe(200);
    const haystack = [detail.body, list.body, logs.body, tokenInfo.body, JSON.stringify(t.logLines), JSON.stringify(calls)].join('\n');
    for (const secret of [access, refresh]) expect(haystack).not.toContain(secret);
    expect(detail.json().account).toMatchObject({ id: accountId, token: { hasRefreshToken: true }, refreshExpiryWarning: null });
  });

  it('reconnecting the same seller updates the account instead of duplicating it', async () => {
    const res = await connectSeller(t, emulator, operator.cookie, seller.username);
    const location = new URL(res.headers.location as string, 'http://x');
    expect(location.searchParams.get('connected')).toBe(accountId);
    expect(location.searchParams.get('created')).toBe('0');
    const rows = await t.db.selectFrom('ebay_accounts').select('label').where('ebay_user_id', '=', seller.userId).execute();
    expect(rows).toEqual([{ label: 'Main shop' }]);
  });

  it('forged, replayed and expired states get a 400 page, never a 5xx', async () => {
    const forged = await t.app.inject({ url: '/api/ebay/oauth/callback?code=abc&state=forged' });
    expect(forged.statusCode).toBe(400);
    expect(forged.headers['content-type']).toContain('text/html');
    expect(forged.body).toContain('href="/accounts"');
    expect((await t.app.inject({ url: '/api/ebay/oauth/callback' })).statusCode).toBe(400);

    const start = await t.app.inject({ url: '/api/ebay/oauth/start', headers: { cookie: operator.cookie, accept: 'application/json' } });
    const callback = await consent(emulator, start.json<{ authorizeUrl: string }>().authorizeUrl, { seller: seller.username });
    expect((await t.app.inject({ url: callback })).statusCode).toBe(302);
    const code = new URL(callback, 'http://x').searchParams.get('code')!;
    expect(JSON.stringify(t.logLines)).not.toContain(code);
    expect(JSON.stringify(t.logLines)).not.toContain(encodeURIComponent(code));
    const replay = await t.app.inject({ url: callback });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('already used');

    const start2 = await t.app.inject({ url: '/api/ebay/oauth/start', headers: { cookie: operator.cookie } });
    expect(start2.statusCode).toBe(302);
    const callback2 = await consent(emulator, start2.headers.location as string, { seller: seller.username });
    await t.db.updateTable('ebay_oauth_states').set({ expires_at: new Date(Date.now() - 1000) }).where('used_at', 'is', null).execute();
    const expired = await t.app.inject({ url: callback2 });
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain('expired');
  });

  it('Decline and a bad code redirect back to the UI with an error code and the request id', async () => {
    const start = await t.app.inject({ url: '/api/ebay/oauth/start?returnTo=/accounts', headers: { cookie: operator.cookie, accept: 'application/json' } });
    const declined = await t.app.inject({ url: await consent(emulator, start.json().authorizeUrl as string, { agree: false }) });
    expect(declined.statusCode).toBe(302);
    const loc = new URL(declined.headers.location as string, 'http://x');
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('requestId')).toBe(declined.headers['x-request-id']);

    const start2 = await t.app.inject({ url: '/api/ebay/oauth/start', headers: { cookie: operator.cookie, accept: 'application/json' } });
    const state = new URL(start2.json().authorizeUrl as string).searchParams.get('state')!;
    const badCode = await t.app.inject({ url: `/api/ebay/oauth/callback?code=not-a-code&state=${encodeURIComponent(state)}` });
    expect(badCode.statusCode).toBe(302);
    expect(badCode.headers.location).toContain('error=invalid_grant');
  });

  it('oauth start needs an operator; returnTo must be a same-origin path', async () => {
    expect((await t.app.inject({ url: '/api/ebay/oauth/start', headers: { cookie: viewer.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/ebay/oauth/start' })).statusCode).toBe(401);
    const start = await t.app.inject({ url: '/api/ebay/oauth/start?returnTo=//evil.test/x', headers: { cookie: operator.cookie, accept: 'application/json' } });
    const declined = await t.app.inject({ url: await consent(emulator, start.json().authorizeUrl as string, { agree: false }) });
    expect(declined.headers.location).toMatch(/^\/accounts\?/);
  });

  it('accounts API: read for everyone signed in, writes for operators, 404 for unknown or malformed ids', async () => {
    const list = await t.app.inject({ url: '/api/ebay/accounts', headers: { cookie: viewer.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().accounts).toHaveLength(1);
    expect((await t.app.inject({ url: '/api/ebay/accounts' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/ebay/accounts/not-a-uuid', headers: { cookie: viewer.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/ebay/accounts/00000000-0000-4000-8000-000000000000', headers: { cookie: viewer.cookie } })).statusCode).toBe(404);

    const patch = (token: string, label: unknown) =>
      t.app.inject({ method: 'PATCH', url: `/api/ebay/accounts/${accountId}`, headers: { authorization: `Bearer ${token}` }, payload: { label } });
    expect((await patch(viewer.token, 'x')).statusCode).toBe(403);
    expect((await patch(operator.token, '')).statusCode).toBe(422);
    const relabel = await patch(operator.token, 'Outlet');
    expect(relabel.statusCode).toBe(200);
    expect(relabel.json().account.label).toBe('Outlet');
  });

  it('npm run token-info prints the audit table of the latest tokens, without secrets', async () => {
    const row = await t.db.selectFrom('ebay_tokens').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
    const vault = createTokenVault(createTokenCipher(TEST_APP_SECRET));
    const cli = spawnTs('apps/server/src/cli/token-info.ts', ['--environment=emulator'], {
      DATABASE_URL: t.database.url,
      APP_SECRET: TEST_APP_SECRET,
    });
    expect(await cli.exited, cli.output()).toBe(0);
    const out = cli.output();
    for (const column of ['id', 'account', 'environment', 'created_at', 'updated_at', 'expires_at', 'scopes', 'has_refresh_token']) {
      expect(out).toContain(column);
    }
    expect(out).toContain(seller.username);
    expect(out).toContain(row.expires_at.toISOString());
    expect(out).toMatch(/\| emulator +\|/);
    for (const secret of [vault.openAccess(row), vault.openRefresh(row)!]) expect(out).not.toContain(secret);
  });

  it('refresh: dryRun explains without calling eBay; a real refresh returns a future expiry', async () => {
    await control(emulator, 'DELETE', '/requests');
    const dry = await t.app.inject({ method: 'POST', url: `/api/ebay/accounts/${accountId}/refresh?dryRun=true`, headers: { authorization: `Bearer ${operator.token}` } });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, refreshed: false, wouldRefresh: true, status: 'active' });
    expect((await control<{ total: number }>(emulator, 'GET', '/requests')).total).toBe(0);
    const real = await t.app.inject({ method: 'POST', url: `/api/ebay/accounts/${accountId}/refresh`, headers: { authorization: `Bearer ${operator.token}`, 'x-request-id': 'manual-refresh-1' } });
    expect(real.statusCode).toBe(200);
    await t.ebay.ledger.flush();
    const refreshCall = await t.db.selectFrom('ebay_calls').selectAll().where('request_id', '=', 'manual-refresh-1').executeTakeFirstOrThrow();
    expect(refreshCall).toMatchObject({ operation: 'refreshToken', account_id: accountId });
    expect(Date.parse(real.json().expiresAt as string)).toBeGreaterThan(Date.now());
    expect((await control<{ total: number }>(emulator, 'GET', '/requests')).total).toBe(1);
  });

  it('disconnect with purge drops tokens, marks revoked and purges the ledger', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: `/api/ebay/accounts/${accountId}?purge=true`, headers: { authorization: `Bearer ${operator.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().account).toMatchObject({ status: 'revoked', token: null, purgedAt: expect.stringMatching(/^\d{4}-/) });
    const listed = await t.app.inject({ url: `/api/ebay/accounts/${accountId}`, headers: { authorization: `Bearer ${operator.token}` } });
    expect(listed.json().account.purgedAt).toBe(res.json().account.purgedAt);
    expect(res.json().purged).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'ebay_calls' })]));
    expect(await t.db.selectFrom('ebay_tokens').selectAll().where('account_id', '=', accountId).execute()).toEqual([]);
    expect(await t.db.selectFrom('ebay_calls').selectAll().where('account_id', '=', accountId).execute()).toEqual([]);
  });
});
