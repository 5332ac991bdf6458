import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emulatorUrl, findRunningEmulator, startEmulator, type RunningEmulator } from '../src/index';
import { connectSeller, control, get, tokenRequest } from './helpers/emulator.helper';

const running: RunningEmulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A flowing-clock emulator (as the app's demo mode runs it), optionally keeping its state in `stateFile`. */
async function start(stateFile?: string): Promise<RunningEmulator> {
  const emu = await startEmulator({ port: 0, ordersPerSeller: 30, ...(stateFile ? { stateFile } : {}) });
  running.push(emu);
  return emu;
}

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-state-'));
  dirs.push(dir);
  return join(dir, 'emulator-state.json');
}

async function orderDates(url: string, token: string): Promise<Array<[string, string]>> {
  const res = await get(`${url}/sell/fulfillment/v1/order?limit=10`, token);
  expect(res.status).toBe(200);
  const { orders } = res.body as { orders: Array<{ orderId: string; creationDate: string }> };
  return orders.map((o) => [o.orderId, o.creationDate]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('restarts with a state file', () => {
  it('keeps the grants it issued and the dates of its orders, as eBay does across our restarts', async () => {
    const file = tempFile();
    const first = await start(file);
    const [seller1, seller2] = first.state.sellers.map((s) => s.profile.username);
    const kept = await connectSeller(first.url, seller1 ?? '');
    const revoked = await connectSeller(first.url, seller2 ?? '');
    await control(first.url, 'POST', `/sellers/${seller2 ?? ''}/revoke-tokens`);
    const before = await orderDates(first.url, kept.access_token);
    await first.close();
    running.splice(running.indexOf(first), 1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await sleep(25);

    const second = await start(file);
    // The access token still works, and the same order ids have the same dates (the history's anchor is kept).
    expect(await orderDates(second.url, kept.access_token)).toEqual(before);
    const refreshed = await tokenRequest(second.url, {
      grant_type: 'refresh_token',
      refresh_token: kept.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    const { access_token: fresh } = (await refreshed.json()) as { access_token: string };
    expect((await get(`${second.url}/sell/fulfillment/v1/order?limit=1`, fresh)).status).toBe(200);
    // A grant revoked before the restart stays revoked.
    const denied = await tokenRequest(second.url, {
      grant_type: 'refresh_token',
      refresh_token: revoked.refresh_token,
    });
    expect(denied.status).toBe(400);
    expect(((await denied.json()) as { error: string }).error).toBe('invalid_grant');
    await second.close();
    running.splice(running.indexOf(second), 1);

    // The token issued by the second run's refresh is kept too.
    const third = await start(file);
    expect((await get(`${third.url}/sell/fulfillment/v1/order?limit=1`, fresh)).status).toBe(200);
  });

  it('without a state file forgets its grants and regenerates the history ending at the new start', async () => {
    const first = await start();
    const tokens = await connectSeller(first.url, first.state.sellers[0]?.profile.username ?? '');
    const before = await orderDates(first.url, tokens.access_token);
    await first.close();
    running.splice(running.indexOf(first), 1);
    await sleep(25);

    const second = await start();
    const refreshed = await tokenRequest(second.url, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(400);
    const again = await connectSeller(second.url, second.state.sellers[0]?.profile.username ?? '');
    const after = await orderDates(second.url, again.access_token);
    expect(after.map(([id]) => id)).toEqual(before.map(([id]) => id));
    expect(after.map(([, date]) => date)).not.toEqual(before.map(([, date]) => date));
  });

  it('refuses to start over a file that is not its state, naming the file', async () => {
    const notJson = tempFile();
    writeFileSync(notJson, 'not json');
    await expect(start(notJson)).rejects.toThrow(
      /emulator state file .*emulator-state\.json is not JSON.*delete it/,
    );
    const other = tempFile();
    writeFileSync(other, JSON.stringify({ version: 7, tokens: [] }));
    await expect(start(other)).rejects.toThrow(/is not an emulator state/);
  });
});

describe('findRunningEmulator', () => {
  it('finds this emulator at a URL, and nothing where something else or nobody answers', async () => {
    const emu = await start();
    expect(await findRunningEmulator(emu.url)).toEqual({ acceptUrl: `${emu.url}/__emulator/accept` });
    expect(emulatorUrl('0.0.0.0', emu.port)).toBe(`http://127.0.0.1:${emu.port}`);
    expect(emulatorUrl('::1', emu.port)).toBe(`http://[::1]:${emu.port}`);

    const other = createServer((_req, res) => res.end('{"clientId":"someone else"}'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    try {
      expect(await findRunningEmulator(`http://127.0.0.1:${port}`)).toBeNull();
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
    expect(await findRunningEmulator(`http://127.0.0.1:${port}`, 500)).toBeNull();
  });
});
