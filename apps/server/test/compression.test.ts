import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '@ebay-connector/contract';
import { createTestApp, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let admin: Session;
const password = 'compressed-password-1';
let email = '';

beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
  admin = await t.loginAs('admin');
  for (let i = 0; i < 12; i += 1) await t.createUser('viewer');
  email = (await t.createUser('operator', { password })).email;
});
afterAll(() => t?.close());

const get = (url: string, encoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: admin.cookie, ...(encoding === undefined ? {} : { 'accept-encoding': encoding }) },
  });

function expectEnvelope(res: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(errorBodySchema.parse(res.json()).error.code).toBe(code);
}

describe('response compression', () => {
  it('compresses JSON for clients that accept it, with the same content', async () => {
    const plain = await get('/api/admin/users');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await get('/api/admin/users', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gzip = await get('/api/admin/users', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
  });

  it('leaves small answers as they are', async () => {
    const me = await get('/api/auth/me', 'gzip');
    expect(me.statusCode).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
  });
});

describe('compressed request bodies', () => {
  const login = (body: Buffer, encoding: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      payload: body,
    });

  it('are inflated before they are read', async () => {
    const res = await login(gzipSync(JSON.stringify({ email, password })), 'gzip');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ token: string }>().token).toEqual(expect.any(String));
  });

  it('are held to the body limit once inflated, and refused when they cannot be', async () => {
    // 1 MB of JSON that compresses to about 1 KB: inflated, it is past BODY_LIMIT_BYTES (2 KB).
    const bomb = gzipSync(JSON.stringify({ email, password, pad: ' '.repeat(1_000_000) }));
    expect(bomb.length).toBeLessThan(2048);
    expectEnvelope(await login(bomb, 'gzip'), 413, 'payload_too_large');
    expectEnvelope(await login(Buffer.from('not gzip at all'), 'gzip'), 400, 'bad_request');
    expectEnvelope(await login(Buffer.from(JSON.stringify({ email, password })), 'zz-unknown'), 415, 'unsupported_media_type');
  });
});
