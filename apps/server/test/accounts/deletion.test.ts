import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeResponse } from '@ebay-connector/ebay-emulator';
import { DELETION_PATH } from '../../src/accounts/deletion.routes';
import { freePort } from '../helpers/ports';
import { control, createEbayTestApp, startTestEmulator, type EbayTestApp, type Emulator } from './ebay-fixture';

const TOKEN = 'test-verification-token-0123456789abcdef';

interface Report {
  challenge: { ok: boolean };
  notification: { sent: boolean; status: number; notificationId: string };
}

describe('marketplace account deletion notifications', () => {
  let emulator: Emulator;
  let t: EbayTestApp;
  let endpointUrl: string;
  const received: Array<{ body: unknown; signature: string }> = [];

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const port = await freePort();
    endpointUrl = `http://127.0.0.1:${port}${DELETION_PATH}`;
    t = await createEbayTestApp(emulator, {
      settings: { deletion: { verificationToken: TOKEN, endpointUrl } },
      extra: {
        beforeReady: (app) => {
          app.addHook('preHandler', async (request) => {
            if (request.method === 'POST' && request.url === DELETION_PATH) {
              received.push({ body: request.body, signature: String(request.headers['x-ebay-signature']) });
            }
          });
        },
      },
    });
    await t.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
    await emulator?.close();
  });

  it('answers the challenge with sha256(code + token + endpoint)', async () => {
    const res = await t.app.inject({ url: `${DELETION_PATH}?challenge_code=abc123` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ challengeResponse: challengeResponse('abc123', TOKEN, endpointUrl) });
  });

  it('verifies a signed notification, anonymises once and records an audit; a replay is a no-op 204', async () => {
    const username = 'buyer_to_forget';
    await t.db
      .insertInto('ebay_calls')
      .values({ api: 'sell.fulfillment', operation: 'getOrders', method: 'GET', url: 'http://x/o', status: 200, duration_ms: 1, response_body: `{"buyer":{"username":"${username}"}}` })
      .execute();
    const report = await control<Report>(emulator, 'POST', '/notifications/account-deletion', { endpointUrl, verificationToken: TOKEN, username, userId: 'u-forget-1' });
    expect(report.challenge.ok).toBe(true);
    expect(report.notification.status).toBe(204);

    const audit = await t.db.selectFrom('ebay_deletion_audits').selectAll().where('notification_id', '=', report.notification.notificationId).executeTakeFirstOrThrow();
    expect(audit.ebay_user_id).toBe('u-forget-1');
    expect(audit.anonymised).toEqual(expect.arrayContaining([{ name: 'ebay_calls', rows: 1 }]));
    const bodies = await t.db.selectFrom('ebay_calls').select('response_body').execute();
    expect(bodies.some((b) => b.response_body?.includes(username))).toBe(false);

    const original = received.at(-1)!;
    const replay = await t.app.inject({
      method: 'POST',
      url: DELETION_PATH,
      headers: { 'content-type': 'application/json', 'x-ebay-signature': original.signature },
      payload: JSON.stringify(original.body),
    });
    expect(replay.statusCode).toBe(204);
    expect(await t.db.selectFrom('ebay_deletion_audits').select('notification_id').execute()).toHaveLength(1);
  });

  it('refuses a tampered or unsigned notification with 412', async () => {
    const report = await control<Report>(emulator, 'POST', '/notifications/account-deletion', { endpointUrl, verificationToken: TOKEN, tamper: true });
    expect(report.notification.status).toBe(412);
    const unsigned = await t.app.inject({ method: 'POST', url: DELETION_PATH, payload: { metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION' } } });
    expect(unsigned.statusCode).toBe(412);
    expect(await t.db.selectFrom('ebay_deletion_audits').select('notification_id').execute()).toHaveLength(1);
  });
});
