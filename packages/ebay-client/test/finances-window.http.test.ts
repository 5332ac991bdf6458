import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitDateWindow } from '../src/index';
import { connectAccount, control, startTestEmulator, type ConnectedAccount, type Emulator } from './emulator.helpers';

let emu: Emulator;
let account: ConnectedAccount;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  emu = await startTestEmulator({ sellers: 1, ordersPerSeller: 6000, inventoryItems: 5 });
  account = await connectAccount(emu);
}, 30_000);

afterAll(async () => {
  await emu.close();
});

describe('finances offset limit', () => {
  it('signals offsetLimitReached instead of failing, and split windows cover everything', async () => {
    const truth = (await control(emu, 'GET', `/sellers/${encodeURIComponent(account.seller)}/truth?resource=transactions`)) as {
      count: number;
      checksum: string;
    };
    expect(truth.count).toBeGreaterThan(5000);

    const lines: string[] = [];
    let splits = 0;
    const walk = async (from: string, to: string): Promise<void> => {
      const found: string[] = [];
      for await (const page of account.client.finances.iterateTransactions({
        transactionDate: { from, to },
        limit: 1000,
      })) {
        if (page.offsetLimitReached) {
          splits += 1;
          const [a, b] = splitDateWindow({ from, to });
          await walk(a.from, a.to);
          await walk(b.from, b.to);
          return;
        }
        for (const t of page.transactions) found.push(`${t.transactionType}|${t.transactionId}|${t.transactionDate}`);
      }
      lines.push(...found);
    };
    await walk(new Date(Date.now() - 729 * DAY).toISOString(), new Date().toISOString());

    expect(splits).toBeGreaterThan(0);
    expect(lines.length).toBe(truth.count);
    const checksum = createHash('sha256')
      .update([...lines].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).join('\n'))
      .digest('hex');
    expect(checksum).toBe(truth.checksum);
    const offsets = account.calls
      .filter((c) => c.operation === 'getTransactions')
      .map((c) => Number(new URL(c.url).searchParams.get('offset') ?? 0));
    expect(Math.max(...offsets)).toBeLessThan(5000);
    expect(account.calls.every((c) => c.status === 200 || c.status === 204)).toBe(true);
  }, 60_000);
});
