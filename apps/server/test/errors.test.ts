import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBodySchema } from '@ebay-connector/contract';
import { AppError } from '../src/platform/errors';
import { parseOrThrow } from '../src/platform/validation';
import { createTestApp, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let admin: Session;
const logLines: Record<string, unknown>[] = [];
beforeAll(async () => {
  t = await createTestApp({
    logLines,
    env: { BODY_LIMIT_BYTES: '2048' },
    beforeReady: (app) => {
      app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
        throw new Error('secret internals: password=hunter2 at /srv/db');
      });
      app.get('/api/test/teapot', { config: { access: 'public' } }, async () => {
        throw new AppError(409, 'conflict', 'Already there', { id: 1 });
      });
      app.post('/api/test/echo', { config: { access: 'public' } }, async (request) =>
        parseOrThrow(z.object({ name: z.string().min(2), items: z.array(z.object({ qty: z.number().int() })) }), request.body),
      );
    },
  });
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

function expectEnvelope(res: { headers: Record<string, unknown>; json: () => unknown }, code: string) {
  expect(String(res.headers['content-type'])).toMatch(/application\/json/);
  const body = errorBodySchema.parse(res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(res.headers['x-request-id']);
  return body;
}

describe('error envelope', () => {
  it('malformed JSON -> 400 invalid_json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
    expect(res.statusCode).toBe(400);
    expectEnvelope(res, 'invalid_json');
  });

  it('an empty JSON body is no body (422 where one is required); text/plain is 415', async () => {
    for (const payload of ['', '  \n']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(422);
      expectEnvelope(res, 'validation_failed');
    }
    const text = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'text/plain' }, payload: '{"name":"x","items":[]}' });
    expect(text.statusCode).toBe(415);
    expectEnvelope(text, 'unsupported_media_type');
    const proto = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"name":"x","items":[],"__proto__":{"admin":true}}' });
    expect(proto.statusCode).toBe(400);
  });

  it('schema violations -> 422 validation_failed with field paths', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: 'x', items: [{ qty: 1 }, { qty: 'two' }] } });
    expect(res.statusCode).toBe(422);
    const body = expectEnvelope(res, 'validation_failed');
    const paths = (body.error.details as { path: string; message: string }[]).map((d) => d.path);
    expect(paths).toEqual(['name', 'items.1.qty']);
  });

  it('unknown /api route -> 404 not_found in the envelope, for any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/api/does/not/exist' });
      expect(res.statusCode).toBe(404);
      expectEnvelope(res, 'not_found');
    }
  });

  it('body too large -> 413, wrong content type -> 415', async () => {
    const big = await t.app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: 'x'.repeat(5000), items: [] } });
    expect(big.statusCode).toBe(413);
    expectEnvelope(big, 'payload_too_large');
    const xml = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expectEnvelope(xml, 'unsupported_media_type');
  });

  it('an AppError keeps its status, code and details', async () => {
    const res = await t.app.inject({ url: '/api/test/teapot' });
    expect(res.statusCode).toBe(409);
    expect(expectEnvelope(res, 'conflict').error.details).toEqual({ id: 1 });
  });

  it('an unexpected error -> 500 internal_error without internals, logged with its stack', async () => {
    const res = await t.app.inject({ url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    const body = expectEnvelope(res, 'internal_error');
    expect(res.body).not.toMatch(/hunter2|secret internals|\/srv\/db|at .*\.ts/);
    expect(body.error.details).toBeUndefined();
    const logged = logLines.find((l) => l.requestId === body.error.requestId && l.level === 50);
    expect(JSON.stringify(logged)).toMatch(/stack/);
  });

  it('validation of admin endpoints goes through the same envelope', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { authorization: `Bearer ${admin.token}` }, payload: { email: 'not-an-email', password: 'short', role: 'king' } });
    expect(res.statusCode).toBe(422);
    const paths = (expectEnvelope(res, 'validation_failed').error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'role']));
  });
});
