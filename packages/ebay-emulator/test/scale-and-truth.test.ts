import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { connectSeller, control, get, startTestEmulator } from './helpers/emulator.helper';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ sellers: 2, ordersPerSeller: 1_000_000 });
});
afterAll(async () => {
  await emu.close();
});

const window = encodeURIComponent('creationdate:[2024-06-01T12:00:00.000Z..2025-06-01T12:00:00.000Z]');

describe('scale', () => {
  it('serves a deep page (offset 900,000 of 1,000,000) as fast as the first', async () => {
    const { access_token } = await connectSeller(emu.url, 'gadget-garage_uk');
    const time = async (offset: number): Promise<number> => {
      const t = performance.now();
      const r = await get(`${emu.url}/sell/fulfillment/v1/order?filter=${window}&limit=200&offset=${offset}`, access_token);
      expect(r.status).toBe(200);
      expect((r.body as { total: number; orders: unknown[] }).orders).toHaveLength(200);
      return performance.now() - t;
    };
    await time(0);
    const first = await time(200);
    const deep = await time(900_000);
    expect(deep).toBeLessThan(first * 5 + 200);
    const last = await get(`${emu.url}/sell/fulfillment/v1/order?filter=${window}&limit=200&offset=999900`, access_token);
    const body = last.body as { total: number; orders: unknown[]; next?: string };
    expect(body.total).toBe(1_000_000);
    expect(body.orders).toHaveLength(100);
    expect(body.next).toBeUndefined();
  });
});

describe('truth', () => {
  it('the orders checksum equals sha256 over sorted `${orderId}|${lastModifiedDate}` lines of what getOrders returns', async () => {
    const small = await startTestEmulator({ ordersPerSeller: 700 });
    try {
      const { access_token } = await connectSeller(small.url, 'vintage.vault_us');
      await control(small.url, 'POST', '/clock/advance', { seconds: 60 });
      await control(small.url, 'POST', '/sellers/1/orders', { count: 5 });
      await control(small.url, 'POST', '/sellers/1/orders/modify', { count: 5 });
      const lines: string[] = [];
      let url: string | undefined = `${small.url}/sell/fulfillment/v1/order?filter=${encodeURIComponent('creationdate:[2023-06-03T00:00:00.000Z..]')}&limit=200`;
      while (url) {
        const r = await get(url, access_token);
        const b = r.body as { orders: { orderId: string; lastModifiedDate: string }[]; next?: string };
        for (const o of b.orders) lines.push(`${o.orderId}|${o.lastModifiedDate}`);
        url = b.next;
      }
      lines.sort();
      const truth = (await control(small.url, 'GET', '/sellers/1/truth?resource=orders')) as { count: number; checksum: string };
      expect(truth.count).toBe(705);
      expect(lines).toHaveLength(705);
      expect(truth.checksum).toBe(createHash('sha256').update(lines.join('\n')).digest('hex'));
      for (const resource of ['inventory', 'transactions', 'payouts', 'disputes']) {
        const t = (await control(small.url, 'GET', `/sellers/1/truth?resource=${resource}`)) as { count: number; checksum: string };
        expect(t.count).toBeGreaterThan(0);
        expect(t.checksum).toMatch(/^[0-9a-f]{64}$/);
      }
    } finally {
      await small.close();
    }
  });

  it('is deterministic from the seed', async () => {
    const a = await startTestEmulator({ ordersPerSeller: 300, seed: 7 });
    const b = await startTestEmulator({ ordersPerSeller: 300, seed: 7 });
    const c = await startTestEmulator({ ordersPerSeller: 300, seed: 8 });
    try {
      const sum = async (e: RunningEmulator): Promise<string> => ((await control(e.url, 'GET', '/sellers/1/truth?resource=orders')) as { checksum: string }).checksum;
      expect(await sum(a)).toBe(await sum(b));
      expect(await sum(a)).not.toBe(await sum(c));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
