import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openContext, screenshot, signIn } from './helpers/browser';
import { admin, freePort, startApiServer, type RunningApiServer } from './helpers/server';

// One server (in-process emulator with 1000 orders per seller) and one browser; the tests run in order:
// connect → sync with live progress → STOP → dashboard → admin system → viewer.
const viewer = { email: 'sync-viewer@example.com', password: 'viewer-password-1' } as const;

let server: RunningApiServer;
let browser: Browser | undefined;
let origin: string;
let emulatorPort: number;
let context: BrowserContext;
let page: Page;
let seller = '';

beforeAll(async () => {
  emulatorPort = await freePort();
  server = await startApiServer({ EMULATOR_PORT: String(emulatorPort), EMULATOR_ORDERS: '1000' });
  origin = `http://localhost:${server.port}`;
  browser = await launchBrowser();
  context = await newContext();
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const newContext = (viewport = { width: 1400, height: 900 }): Promise<BrowserContext> => openContext(browser, origin, viewport);

const shoot = (p: Page, name: string): Promise<void> => screenshot(p, name);


/** Emulator latency per call (control API), to make a sync take long enough to watch or stop. */
async function setLatency(latencyMs: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${emulatorPort}/__emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs }),
  });
  expect(res.status).toBeLessThan(300);
}

const ordersCell = () => page.getByTestId('sync-cell-orders');

describe('sync, dashboard and admin system pages', () => {
  it('connects a seller and shows an empty dashboard call to action first', async () => {
    await signIn(page, admin, '/dashboard');
    await page.getByTestId('empty-state').getByText('No eBay accounts yet').waitFor();
    await page.goto('/accounts');
    await page.getByRole('button', { name: 'Connect to eBay' }).first().click();
    await page.getByRole('dialog', { name: 'Connect to eBay' }).getByRole('button', { name: 'Continue to eBay' }).click();
    await page.waitForURL(/\/oauth2\/authorize/);
    const radio = page.locator('input[name="seller"]').first();
    seller = (await radio.getAttribute('value')) ?? '';
    await radio.check();
    await page.getByRole('button', { name: 'Agree' }).click();
    await page.waitForURL((url) => url.pathname === '/accounts' && url.searchParams.has('connected'));
  });

  it('starts an orders sync, shows live progress, and finishes with counters', async () => {
    const terminal = await context.newPage();
    await terminal.goto('/terminal');
    await terminal.getByTestId('stream-status').getByText('Live').waitFor();

    await page.goto('/sync');
    await page.getByTestId(`sync-account-${seller}`).waitFor();
    await page.getByTestId('sync-live').getByText('Live').waitFor();
    expect(await ordersCell().getByTestId('cell-status').textContent()).toBe('never');
    // Never fully synced: the next scheduled finances run is marked as a full one, orders runs stay incremental.
    const nextRun = (resource: string) =>
      page.getByTestId(`sync-cell-${resource}`).getByTestId('cell-next-run').textContent();
    expect(await nextRun('finances')).toContain('· full');
    expect(await nextRun('orders')).not.toContain('full');

    await setLatency(300);
    await ordersCell().getByRole('button', { name: 'Sync orders', exact: true }).click();
    const progress = ordersCell().getByTestId('cell-progress');
    await progress.waitFor();
    const seen = new Set<string>();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const status = await ordersCell().getByTestId('cell-status').textContent();
      if (status === 'succeeded') break;
      const fetched = await progress.getAttribute('data-fetched').catch(() => null);
      if (fetched !== null) seen.add(fetched);
      if (seen.size === 2) await shoot(page, 'sync-running');
      await page.waitForTimeout(100);
    }
    await setLatency(0);
    await ordersCell().getByTestId('cell-status').getByText('succeeded').waitFor();
    // The bar moved: more than one fetched count was shown while running.
    expect(seen.size).toBeGreaterThan(1);
    expect(Number(await ordersCell().getByTestId('cell-records').textContent())).toBe(1000);

    const row = page.getByTestId('runs-table').locator('tbody tr').first();
    expect(await row.getAttribute('data-status')).toBe('succeeded');
    expect(Number(await row.getByTestId('run-fetched').textContent())).toBeGreaterThanOrEqual(1000);
    const runId = ((await row.getAttribute('data-testid')) ?? '').replace('run-row-', '');
    expect(await row.getByRole('link', { name: 'events' }).getAttribute('href')).toBe(`/terminal?runId=${runId}`);
    expect(await row.getByRole('link', { name: 'calls' }).getAttribute('href')).toBe(`/logs?runId=${runId}`);
    await shoot(page, 'sync');

    const lines = terminal.getByTestId('terminal-line-sync.progress').filter({ hasText: 'orders' });
    await lines.first().waitFor();
    expect(await lines.count()).toBeGreaterThan(1);
    await terminal.getByTestId('terminal-line-sync.finished').filter({ hasText: 'succeeded' }).first().waitFor();
    await shoot(terminal, 'sync-terminal');
    await terminal.close();
  });

  it('stops a long full sync: the run ends cancelled within seconds', async () => {
    await setLatency(1500);
    try {
      await ordersCell().getByRole('button', { name: 'Full sync orders' }).click();
      await ordersCell().getByTestId('cell-progress').waitFor();
      const stopped = Date.now();
      await ordersCell().getByRole('button', { name: 'Stop orders' }).click();
      await ordersCell().getByTestId('cell-status').getByText('cancelled').waitFor({ timeout: 10_000 });
      expect(Date.now() - stopped).toBeLessThan(10_000);
      const row = page.getByTestId('runs-table').locator('tbody tr').first();
      await row.and(page.locator('[data-status="cancelled"]')).waitFor();
      await shoot(page, 'sync-cancelled');
    } finally {
      await setLatency(0);
    }
  });

  it('shows orders and the chart on the dashboard after the sync', async () => {
    await page.goto('/');
    await page.getByTestId('open-dashboard').click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await page.getByTestId('stat-orders').waitFor();
    await page.getByLabel('Period').selectOption('365');
    await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid="stat-orders-value"]')?.textContent;
      return v !== undefined && Number(v) > 0;
    });
    await page.getByTestId('orders-chart').locator('.recharts-area').first().waitFor();
    await page.getByTestId(`token-${seller}`).waitFor();
    await page.getByTestId('last-syncs').getByText('orders').first().waitFor();
    await shoot(page, 'dashboard');
  });

  it('shows queue, workers and settings on the admin system page', async () => {
    await page.goto('/admin/system');
    await page.getByTestId('db-migration').waitFor();
    await page.getByTestId('admin-system-panel').waitFor();
    expect(await page.getByTestId('setting-EBAY_ENV').textContent()).toContain('emulator');
    await page.getByTestId('queue-card').getByText('sync.run').first().waitFor();
    await page.getByTestId('no-active-runs').waitFor();
    await shoot(page, 'admin-system-runtime');
  });

  it('shows viewers the sync page read-only', async () => {
    const created = await page.evaluate(async (body) => {
      const res = await fetch('/api/admin/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return res.status;
    }, { ...viewer, role: 'viewer' });
    expect(created).toBe(201);
    const viewerContext = await newContext({ width: 1024, height: 900 });
    const viewerPage = await viewerContext.newPage();
    await signIn(viewerPage, viewer, '/sync');
    await viewerPage.getByTestId(`sync-account-${seller}`).waitFor();
    await viewerPage.getByTestId('runs-table').waitFor();
    expect(await viewerPage.getByRole('button', { name: /^(Sync|Full sync|Stop) / }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'Sync all' }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'STOP' }).count()).toBe(0);
    await viewerPage.getByRole('button', { name: 'Schedules' }).click();
    await viewerPage.getByTestId('schedules-table').waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Save schedules' }).count()).toBe(0);
    await shoot(viewerPage, 'sync-viewer');
    await viewerContext.close();
  });
});
