import { createServer, type Server } from 'node:http';
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { appToken, connectSeller, control, get, startTestEmulator } from './helpers/emulator.helper';
import { expectSchema } from './helpers/schema.helper';
import { publicKeySchema } from './schemas/rest.schemas';

const VERIFICATION_TOKEN = 'verification_token_0123456789abcdefXYZ';
let emu: RunningEmulator;
let endpoint: Server;
let endpointUrl: string;
const received: { verified: boolean; username: string }[] = [];

/** A minimal deletion endpoint like the connector's: answers the challenge and verifies signatures. */
async function handle(method: string, url: URL, body: string, signatureHeader: string | undefined): Promise<[number, string]> {
  if (method === 'GET') {
    const code = url.searchParams.get('challenge_code') ?? '';
    return [200, JSON.stringify({ challengeResponse: createHash('sha256').update(code + VERIFICATION_TOKEN + endpointUrl).digest('hex') })];
  }
  const header = JSON.parse(Buffer.from(signatureHeader ?? '', 'base64').toString('utf8')) as { alg: string; kid: string; signature: string; digest: string };
  const key = await get(`${emu.url}/commerce/notification/v1/public_key/${header.kid}`, await appToken(emu.url));
  expectSchema(publicKeySchema, key.body);
  const pem = (key.body as { key: string }).key.replace('-----BEGIN PUBLIC KEY-----', '-----BEGIN PUBLIC KEY-----\n').replace('-----END PUBLIC KEY-----', '\n-----END PUBLIC KEY-----');
  const parsed = JSON.parse(body) as { notification: { data: { username: string } } };
  const ok = verify('sha1', Buffer.from(JSON.stringify(parsed)), createPublicKey(pem), Buffer.from(header.signature, 'base64'));
  received.push({ verified: ok, username: parsed.notification.data.username });
  return ok ? [204, ''] : [412, ''];
}

beforeAll(async () => {
  emu = await startTestEmulator({ ordersPerSeller: 10 });
  endpoint = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      void handle(req.method ?? 'GET', new URL(req.url ?? '/', endpointUrl), body, req.headers['x-ebay-signature'] as string | undefined).then(([status, text]) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(text);
      });
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/ebay/account-deletion`;
});
afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => endpoint.close(resolve));
});

describe('marketplace account deletion', () => {
  it('verifies the endpoint with the challenge, then POSTs a notification whose signature verifies with the served key', async () => {
    const report = (await control(emu.url, 'POST', '/notifications/account-deletion', { endpointUrl, verificationToken: VERIFICATION_TOKEN, username: 'deleted_buyer' })) as {
      challenge: { ok: boolean }; notification: { sent: boolean; status: number };
    };
    expect(report.challenge.ok).toBe(true);
    expect(report.notification).toMatchObject({ sent: true, status: 204 });
    expect(received.at(-1)).toEqual({ verified: true, username: 'deleted_buyer' });
  });

  it('a tampered notification fails verification (412)', async () => {
    const report = (await control(emu.url, 'POST', '/notifications/account-deletion', { endpointUrl, verificationToken: VERIFICATION_TOKEN, tamper: true })) as {
      notification: { status: number; tampered: boolean };
    };
    expect(report.notification).toMatchObject({ status: 412, tampered: true });
    expect(received.at(-1)?.verified).toBe(false);
  });

  it('does not send when the challenge response is wrong; the key needs an app token', async () => {
    const report = (await control(emu.url, 'POST', '/notifications/account-deletion', { endpointUrl, verificationToken: `${VERIFICATION_TOKEN}wrong` })) as {
      challenge: { ok: boolean }; notification: { sent: boolean };
    };
    expect(report.challenge.ok).toBe(false);
    expect(report.notification.sent).toBe(false);
    const user = await connectSeller(emu.url, 'vintage.vault_us');
    const denied = await get(`${emu.url}/commerce/notification/v1/public_key/${emu.state.signingKey.kid}`, user.access_token);
    expect(denied.status).toBe(403);
    const unknown = await get(`${emu.url}/commerce/notification/v1/public_key/nope`, await appToken(emu.url));
    expect(unknown.status).toBe(404);
  });
});
