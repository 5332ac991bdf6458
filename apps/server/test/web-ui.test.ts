import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app';

// A built UI as the web build leaves it: hashed files under assets/ with .br and .gz copies, a small file without.
const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
const html = `<!doctype html><html><head><title>eBay Connector</title></head><body>${'<div></div>'.repeat(200)}</body></html>`;
const script = 'export const answer = () => 42;\n'.repeat(400);
const style = 'body{margin:0}';
let t: TestApp;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  for (const [path, text] of [
    ['index.html', html],
    ['assets/index-a1b2c3.js', script],
  ] as const) {
    writeFileSync(join(dist, path), text);
    writeFileSync(join(dist, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(dist, `${path}.gz`), gzipSync(text));
  }
  writeFileSync(join(dist, 'assets/index-d4e5f6.css'), style);
  t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

describe('the web UI files', () => {
  it('are sent as the build compressed them, to browsers that accept it, and cached for good under assets/', async () => {
    const br = await get('/assets/index-a1b2c3.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      vary: 'accept-encoding',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gzip = await get('/assets/index-a1b2c3.js', 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-a1b2c3.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    // No compressed copy (too small to get one): compressed on the way, or as it is for a client that wants that.
    const css = await get('/assets/index-d4e5f6.css', 'br');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(css.rawPayload).toString()).toBe(style);
    const cssPlain = await get('/assets/index-d4e5f6.css');
    expect(cssPlain.headers['content-encoding']).toBeUndefined();
    expect(cssPlain.body).toBe(style);
  });

  it('index.html, also for the app routes, is compressed and checked again on every load', async () => {
    for (const url of ['/', '/data/orders']) {
      const res = await get(url, 'br');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(html);
    }
    const plain = await get('/data/orders');
    expect(plain.body).toBe(html);
  });
});
