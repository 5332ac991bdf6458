import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EbayApiError, type EbayCallRecord } from '../src/index';
import { appClient, consent, DEFAULT_APP, startTestEmulator, type Emulator } from './emulator.helpers';

let emu: Emulator;

beforeAll(async () => {
  emu = await startTestEmulator();
}, 30_000);

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

describe('OAuth against the emulator', () => {
  it('exchanges a consent code, refreshes without rotation and never leaks secrets to onCall', async () => {
    const calls: EbayCallRecord[] = [];
    const client = appClient(emu, { onCall: (c) => void calls.push(c) });
    const { code, state } = await consent(emu, client, { state: 'csrf-1' });
    expect(state).toBe('csrf-1');

    const tokens = await client.oauth.exchangeCode(code);
    expect(tokens.tokenType).toBe('User Access Token');
    expect(tokens.expiresIn).toBeGreaterThan(0);
    expect(tokens.refreshToken.length).toBeGreaterThan(10);
    expect(tokens.refreshTokenExpiresIn).toBe(47_304_000);
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());

    const refreshed = await client.oauth.refreshAccessToken(tokens.refreshToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBeUndefined();
    expect(refreshed.tokenType).toBe('User Access Token');

    const user = await client
      .withAccount({ getAccessToken: () => Promise.resolve(refreshed.accessToken) })
      .identity.getUser();
    expect(user.userId).toBeTruthy();

    expect(calls.map((c) => c.operation)).toEqual(['exchangeCode', 'refreshToken', 'getUser']);
    const dump = JSON.stringify(calls);
    const secrets = [
      code,
      tokens.accessToken,
      tokens.refreshToken,
      refreshed.accessToken,
      DEFAULT_APP.clientSecret,
      Buffer.from(`${DEFAULT_APP.clientId}:${DEFAULT_APP.clientSecret}`).toString('base64'),
    ];
    for (const secret of secrets) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(encodeURIComponent(secret));
      expect(dump).not.toContain(secret.slice(0, 40));
    }
    const exchange = calls[0];
    expect(exchange?.requestBody).toContain('grant_type=authorization_code');
    expect(exchange?.responseBody).toContain('"refresh_token":"[REDACTED]"');
    expect(exchange?.status).toBe(200);
  });

  it('maps a reused code and an unknown refresh token to invalid_grant', async () => {
    const client = appClient(emu);
    const { code } = await consent(emu, client);
    await client.oauth.exchangeCode(code);
    const reused = await failure(client.oauth.exchangeCode(code));
    expect(reused).toMatchObject({ kind: 'auth', oauthError: 'invalid_grant', status: 400, retryable: false });
    expect(reused.isInvalidGrant).toBe(true);

    const bogus = await failure(client.oauth.refreshAccessToken('v^1.1#not-a-real-refresh-token'));
    expect(bogus).toMatchObject({ kind: 'auth', oauthError: 'invalid_grant' });
  });

  it('maps bad client credentials to invalid_client and a bad scope to invalid_scope', async () => {
    const wrong = appClient(emu, { credentials: { clientId: DEFAULT_APP.clientId, clientSecret: 'wrong-secret' } });
    expect(await failure(wrong.oauth.getApplicationToken())).toMatchObject({ kind: 'auth', oauthError: 'invalid_client' });
    const client = appClient(emu);
    const { code } = await consent(emu, client);
    const tokens = await client.oauth.exchangeCode(code);
    const scoped = await failure(
      client.oauth.refreshAccessToken(tokens.refreshToken, { scopes: ['https://api.ebay.com/oauth/api_scope/sell.stores'] }),
    );
    expect(scoped).toMatchObject({ kind: 'invalid_request', oauthError: 'invalid_scope' });
  });

  it('mints client-credentials application tokens', async () => {
    const token = await appClient(emu).oauth.getApplicationToken();
    expect(token.tokenType).toBe('Application Access Token');
    expect(token.accessToken.length).toBeGreaterThan(10);
  });
});
