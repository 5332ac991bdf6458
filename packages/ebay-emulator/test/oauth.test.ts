import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APP, type RunningEmulator } from '../src/index';
import { ALL_SCOPES, appToken, basicAuth, consent, control, get, startTestEmulator, tokenRequest } from './helpers/emulator.helper';
import { expectSchema } from './helpers/schema.helper';
import { appTokenSchema, refreshedTokenSchema, userTokenSchema } from './schemas/rest.schemas';

let emu: RunningEmulator;
const acceptUrl = 'https://connector.example/oauth/callback';

beforeAll(async () => {
  emu = await startTestEmulator({ acceptUrl, ordersPerSeller: 50 });
});
afterAll(async () => {
  await emu.close();
});

describe('consent page', () => {
  it('is a plain HTML form with the app, the scopes, the sellers and Agree/Decline', async () => {
    const q = new URLSearchParams({ client_id: DEFAULT_APP.clientId, redirect_uri: DEFAULT_APP.ruName, response_type: 'code', scope: ALL_SCOPES.join(' '), state: 's1' });
    const res = await fetch(`${emu.url}/oauth2/authorize?${q.toString()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain(DEFAULT_APP.clientId);
    expect(html).toContain('sell.fulfillment');
    expect(html).toMatch(/<form method="post" action="\/oauth2\/authorize\/decision">/);
    expect(html.match(/type="radio" name="seller"/g)?.length).toBe(3);
    expect(html).toContain('value="agree"');
    expect(html).toContain('value="decline"');
    expect(html).not.toContain('<script');
  });

  it('rejects an unknown client_id or a redirect_uri that is not the RuName', async () => {
    const bad = new URLSearchParams({ client_id: 'nope', redirect_uri: DEFAULT_APP.ruName, response_type: 'code', scope: ALL_SCOPES[0] ?? '' });
    expect((await fetch(`${emu.url}/oauth2/authorize?${bad.toString()}`)).status).toBe(400);
    const badRu = new URLSearchParams({ client_id: DEFAULT_APP.clientId, redirect_uri: 'https://evil.example', response_type: 'code', scope: ALL_SCOPES[0] ?? '' });
    expect((await fetch(`${emu.url}/oauth2/authorize?${badRu.toString()}`)).status).toBe(400);
  });

  it('redirects with invalid_scope for an unknown scope', async () => {
    const q = new URLSearchParams({ client_id: DEFAULT_APP.clientId, redirect_uri: DEFAULT_APP.ruName, response_type: 'code', scope: 'https://api.ebay.com/oauth/api_scope/sell.nope', state: 'st' });
    const res = await fetch(`${emu.url}/oauth2/authorize?${q.toString()}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location') ?? '');
    expect(loc.origin + loc.pathname).toBe(acceptUrl);
    expect(loc.searchParams.get('error')).toBe('invalid_scope');
    expect(loc.searchParams.get('state')).toBe('st');
  });

  it('Decline redirects to the accept URL with access_denied and the state', async () => {
    const loc = await consent(emu.url, 'vintage.vault_us', ALL_SCOPES, 'decline', 'abc');
    expect(loc.origin + loc.pathname).toBe(acceptUrl);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('abc');
    expect(loc.searchParams.get('code')).toBeNull();
  });
});

describe('authorization code grant', () => {
  it('Agree -> code -> tokens -> refresh; the code is single-use', async () => {
    const loc = await consent(emu.url, 'gadget-garage_uk', ALL_SCOPES, 'agree', 'state-42');
    expect(loc.searchParams.get('state')).toBe('state-42');
    expect(loc.searchParams.get('expires_in')).toBe('299');
    expect(loc.search).toMatch(/code=v%5E1\.1%23i%5E1%23/);
    const code = loc.searchParams.get('code') ?? '';
    expect(code.startsWith('v^1.1#i^1#')).toBe(true);

    const res = await tokenRequest(emu.url, { grant_type: 'authorization_code', code, redirect_uri: DEFAULT_APP.ruName });
    expect(res.status).toBe(200);
    const tokens = (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
    expectSchema(userTokenSchema, tokens);
    expect(tokens.expires_in).toBe(7200);

    const me = await get(`${emu.url}/commerce/identity/v1/user/`, tokens.access_token);
    expect((me.body as { username: string }).username).toBe('gadget-garage_uk');

    const reuse = await tokenRequest(emu.url, { grant_type: 'authorization_code', code, redirect_uri: DEFAULT_APP.ruName });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toEqual({ error: 'invalid_grant', error_description: 'the provided authorization grant code is invalid or was issued to another client' });

    const refreshed = await tokenRequest(emu.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { access_token: string };
    expectSchema(refreshedTokenSchema, body);
    expect(body.access_token).not.toBe(tokens.access_token);

    const subset = await tokenRequest(emu.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: ALL_SCOPES[1] ?? '' });
    expect(subset.status).toBe(200);
    const superset = await tokenRequest(emu.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: 'https://api.ebay.com/oauth/api_scope/sell.account' });
    expect(superset.status).toBe(400);
    expect(((await superset.json()) as { error: string }).error).toBe('invalid_scope');
  });

  it('codes expire after 299 seconds of virtual time', async () => {
    const loc = await consent(emu.url, 'vintage.vault_us', ALL_SCOPES);
    await control(emu.url, 'POST', '/clock/advance', { seconds: 300 });
    const res = await tokenRequest(emu.url, { grant_type: 'authorization_code', code: loc.searchParams.get('code') ?? '', redirect_uri: DEFAULT_APP.ruName });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('rejects a wrong redirect_uri, a bad refresh token, bad client auth and unknown grants', async () => {
    const loc = await consent(emu.url, 'vintage.vault_us', ALL_SCOPES);
    const wrong = await tokenRequest(emu.url, { grant_type: 'authorization_code', code: loc.searchParams.get('code') ?? '', redirect_uri: 'other' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');

    const badRefresh = await tokenRequest(emu.url, { grant_type: 'refresh_token', refresh_token: 'v^1.1#nope' });
    expect(badRefresh.status).toBe(400);
    expect(await badRefresh.json()).toEqual({ error: 'invalid_grant', error_description: 'the provided authorization refresh token is invalid or was issued to another client' });

    const badClient = await tokenRequest(emu.url, { grant_type: 'client_credentials', scope: ALL_SCOPES[0] ?? '' }, `Basic ${Buffer.from('x:y').toString('base64')}`);
    expect(badClient.status).toBe(401);
    expect(((await badClient.json()) as { error: string }).error).toBe('invalid_client');

    const unsupported = await tokenRequest(emu.url, { grant_type: 'password' });
    expect(unsupported.status).toBe(400);
    expect(((await unsupported.json()) as { error: string }).error).toBe('unsupported_grant_type');

    const missing = await tokenRequest(emu.url, { grant_type: 'authorization_code' });
    expect(((await missing.json()) as { error: string }).error).toBe('invalid_request');

    const json = await fetch(`${emu.url}/identity/v1/oauth2/token`, { method: 'POST', headers: { authorization: basicAuth(), 'content-type': 'application/json' }, body: '{"grant_type":"client_credentials"}' });
    expect(json.status).toBe(400);
  });
});

describe('client credentials grant', () => {
  it('issues an Application Access Token for the base scope and refuses user scopes', async () => {
    const res = await tokenRequest(emu.url, { grant_type: 'client_credentials', scope: 'https://api.ebay.com/oauth/api_scope' });
    expectSchema(appTokenSchema, await res.json());
    const bad = await tokenRequest(emu.url, { grant_type: 'client_credentials', scope: 'https://api.ebay.com/oauth/api_scope/sell.fulfillment' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_scope');
    expect(typeof (await appToken(emu.url))).toBe('string');
  });
});
