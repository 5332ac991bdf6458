import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app';

let t: TestApp;
const logLines: Record<string, unknown>[] = [];
beforeAll(async () => {
  t = await createTestApp({
    logLines,
    beforeReady: (app) => {
      app.get('/api/test/log', { config: { access: 'public' } }, async (request) => {
        request.log.info('handler log line');
        throw new Error('boom');
      });
    },
  });
});
afterAll(() => t.close());

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('reuses a valid incoming X-Request-ID (up to 255 chars of [A-Za-z0-9_=-])', async () => {
    for (const id of ['abc-123_XYZ=', 'a'.repeat(255)]) {
      const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': id } });
      expect(res.headers['x-request-id']).toBe(id);
    }
  });

  it('replaces a too long or badly formed id with a UUID', async () => {
    for (const id of ['a'.repeat(256), 'has space', 'semi;colon', 'ünïcode', '']) {
      const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': id } });
      expect(res.headers['x-request-id']).toMatch(uuid);
    }
    const none = await t.app.inject({ url: '/healthz' });
    expect(none.headers['x-request-id']).toMatch(uuid);
  });

  it('echoes the id on 404s, errors and 401s, in the body too', async () => {
    for (const url of ['/api/nope', '/api/test/log', '/api/auth/me']) {
      const res = await t.app.inject({ url, headers: { 'x-request-id': 'trace-me-1' } });
      expect(res.headers['x-request-id']).toBe('trace-me-1');
      expect(res.json().error.requestId).toBe('trace-me-1');
    }
  });

  it('puts the id on every log line of the request', async () => {
    logLines.length = 0;
    await t.app.inject({ url: '/api/test/log', headers: { 'x-request-id': 'log-line-id' } });
    const lines = logLines.filter((l) => l.requestId === 'log-line-id');
    const messages = lines.map((l) => l.msg);
    expect(messages).toEqual(expect.arrayContaining(['incoming request', 'handler log line', 'unexpected error', 'request completed']));
    expect(logLines.filter((l) => l.requestId === undefined && /request/.test(String(l.msg)))).toEqual([]);
  });

  it('redacts credentials in logs', async () => {
    logLines.length = 0;
    await t.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer super-secret-token', cookie: 'ebc_session=cookie-secret' } });
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.test', password: 'my-password-123' } });
    const all = JSON.stringify(logLines);
    expect(all).not.toMatch(/super-secret-token|cookie-secret|my-password-123/);
  });
});
