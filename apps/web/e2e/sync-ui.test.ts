import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent, launchBrowser, openContext, pageCall, screenshot, signIn } from './helpers/browser';
import { admin, freePort, startApiServer, type RunningApiServer } from './helpers/server';
import { LONG_LABELS } from './helpers/long-labels';

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
/** The second seller's account id (another currency), connected for the dashboard. */
let secondAccountId = '';

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


/** Same-origin JSON request from the signed-in page. */
const call = <T>(method: string, path: string, body?: unknown) => pageCall<T>(page, method, path, body);

/** Emulator latency per call (control API), to make a sync take long enough to watch or stop. */
async function setLatency(latencyMs: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${emulatorPort}/__emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs }),
  });
  expect(res.status).toBeLessThan(300);
}

// The first seller's row: a second seller (another currency) is connected for the dashboard.
const ordersCell = () => page.getByTestId(`sync-account-${seller}`).getByTestId('sync-cell-orders');

type RunStatus = { status: Array<{ resource: string; lastRun: { status: string } | null }> };

/** Starts a sync of `resource` through the API and waits for it to succeed. */
async function syncAndWait(accountId: string, resource: string): Promise<void> {
  const started = await call('POST', `/api/ebay/sync/${resource}`, { accountId });
  expect(started.status).toBe(202);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await call<RunStatus>('GET', `/api/ebay/sync/status?accountId=${accountId}`);
    const run = res.body.status.find((s) => s.resource === resource)?.lastRun?.status;
    if (run === 'succeeded') return;
    if ((run && /failed|cancelled|interrupted/.test(run)) || Date.now() > deadline) throw new Error(`${resource} sync: ${run}`);
    await page.waitForTimeout(500);
  }
}

/** Connects the emulator's `index`th seller through the consent page; returns its username and account id. */
async function connectSeller(index: number): Promise<{ username: string; accountId: string }> {
  await page.goto('/accounts');
  await page.getByRole('button', { name: 'Connect to eBay' }).first().click();
  await page.getByRole('dialog', { name: 'Connect to eBay' }).getByRole('button', { name: 'Continue to eBay' }).click();
  await page.waitForURL(/\/oauth2\/authorize/);
  const radio = page.locator('input[name="seller"]').nth(index);
  const username = (await radio.getAttribute('value')) ?? '';
  await radio.check();
  const landed = await answerConsent(page, 'Agree');
  return { username, accountId: landed.get('connected') ?? '' };
}

describe('sync, dashboard and admin system pages', () => {
  it('connects a seller and shows an empty dashboard call to action first', async () => {
    await signIn(page, admin, '/dashboard');
    await page.getByTestId('empty-state').getByText('No eBay accounts yet').waitFor();
    seller = (await connectSeller(0)).username;
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
    await ordersCell().getByRole('button', { name: `Sync orders of ${seller}`, exact: true }).click();
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
    // Counts are written with thousands separators, as the progress next to them is.
    expect(await ordersCell().getByTestId('cell-records').textContent()).toBe('1,000');
    expect(await ordersCell().getByTestId('cell-fetched').textContent()).toBe('1,000 fetched');

    const row = page.getByTestId('runs-table').locator('tbody tr').first();
    expect(await row.getAttribute('data-status')).toBe('succeeded');
    const fetchedText = (await row.getByTestId('run-fetched').textContent()) ?? '';
    expect(fetchedText).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect(Number(fetchedText.replaceAll(',', ''))).toBeGreaterThanOrEqual(1000);
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
      await ordersCell().getByRole('button', { name: `Full sync orders of ${seller}`, exact: true }).click();
      // Stopped once running, so that it cuts a call short (a queued run ends without any).
      await ordersCell().getByTestId('cell-status').getByText('running').waitFor();
      const stopped = Date.now();
      await ordersCell().getByRole('button', { name: `Stop orders of ${seller}`, exact: true }).click();
      await ordersCell().getByTestId('cell-status').getByText('cancelled').waitFor({ timeout: 10_000 });
      expect(Date.now() - stopped).toBeLessThan(10_000);
      const row = page.getByTestId('runs-table').locator('tbody tr').first();
      await row.and(page.locator('[data-status="cancelled"]')).waitFor();
      await shoot(page, 'sync-cancelled');
    } finally {
      await setLatency(0);
    }
  });

  it('replays a finished run from its "events" link, and shows its aborted call unabridged in the API logs', async () => {
    const runs = page.getByTestId('runs-table').locator('tbody tr');
    const cancelledId = ((await runs.and(page.locator('[data-status="cancelled"]')).first().getAttribute('data-testid')) ?? '').replace('run-row-', '');
    await runs.and(page.locator('[data-status="succeeded"]')).first().getByRole('link', { name: 'events' }).click();
    await page.waitForURL((url) => url.pathname === '/terminal' && url.searchParams.has('runId'));
    // The run ended before the terminal opened: its kept events come first, from its start to its end.
    await page.getByTestId('terminal-line-sync.started').first().waitFor();
    await page.getByTestId('terminal-line-sync.finished').filter({ hasText: 'succeeded' }).first().waitFor();
    expect(await page.getByTestId('terminal-line-sync.progress').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('terminal-count').textContent()).not.toMatch(/^0 of 0/);
    await shoot(page, 'sync-run-replayed');

    // The call cut short by STOP reads ABORTED in full, not "ABO…".
    await page.goto(`/logs?runId=${cancelledId}`);
    const aborted = page.getByTestId('call-status').filter({ hasText: /aborted/i }).first();
    await aborted.waitFor();
    const label = aborted.locator('.mantine-Badge-label');
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await aborted.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(55);
    await page.goto('/sync');
    await page.getByTestId(`sync-account-${seller}`).waitFor();
  });

  it('shows a resumed run that succeeded by what it fetched and the run it resumed, never as a partial percentage', async () => {
    const fetchedSoFar = () =>
      page.evaluate((username) => {
        const el = document.querySelector(`[data-testid="sync-account-${username}"] [data-testid="sync-cell-orders"] [data-testid="cell-progress"]`);
        return Number(el?.getAttribute('data-fetched') ?? 0);
      }, seller);
    await setLatency(800);
    try {
      // A full run stopped after its first pages: the next full run resumes it and fetches only the rest.
      await ordersCell().getByRole('button', { name: `Full sync orders of ${seller}`, exact: true }).click();
      await ordersCell().getByTestId('cell-progress').waitFor();
      const deadline = Date.now() + 20_000;
      while ((await fetchedSoFar()) === 0 && Date.now() < deadline) await page.waitForTimeout(100);
      await ordersCell().getByRole('button', { name: `Stop orders of ${seller}`, exact: true }).click();
      await ordersCell().getByTestId('cell-status').getByText('cancelled').waitFor({ timeout: 10_000 });
    } finally {
      await setLatency(0);
    }
    await ordersCell().getByRole('button', { name: `Full sync orders of ${seller}`, exact: true }).click();
    await ordersCell().getByTestId('cell-status').getByText('succeeded').waitFor({ timeout: 30_000 });

    type Run = { id: string; status: string; resumedFrom: string | null; total: number | null; counters: { recordsFetched: number } };
    const runs = await call<{ runs: Run[] }>('GET', '/api/ebay/sync/runs?resource=orders&limit=2');
    const [resumed, stopped] = runs.body.runs;
    expect(resumed?.status).toBe('succeeded');
    expect(stopped?.status).toBe('cancelled');
    expect(resumed?.resumedFrom).toBe(stopped?.id);
    const fetched = resumed?.counters.recordsFetched ?? 0;
    const total = resumed?.total ?? 0;
    expect(fetched).toBeLessThan(total);

    const words = `${fetched.toLocaleString('en-US')} fetched of ${total.toLocaleString('en-US')} (the rest by the run it resumed)`;
    expect(await ordersCell().getByTestId('cell-fetched').textContent()).toBe(words);
    expect(await ordersCell().getByTestId('resumed-from').textContent()).toBe(`resumed from run ${stopped?.id.slice(0, 8)}`);
    const row = page.getByTestId(`run-row-${resumed?.id}`);
    const progress = row.getByTestId('run-progress');
    await progress.getByText(words).waitFor();
    expect(await progress.textContent()).not.toContain('%');
    // No run shows more fetched than its total ("30 / 21").
    for (const text of await page.getByTestId('run-progress').allTextContents()) {
      const [, done, of] = /([\d,]+) \/ ([\d,]+)/.exec(text) ?? [];
      if (done && of) expect(Number(done.replace(/,/g, '')), text).toBeLessThanOrEqual(Number(of.replace(/,/g, '')));
    }
    await progress.scrollIntoViewIfNeeded();
    await shoot(page, 'sync-resumed');

    // The link opens the run it resumed.
    await progress.getByRole('button', { name: `run ${stopped?.id.slice(0, 8)}` }).click();
    const detail = page.getByTestId('run-detail');
    await detail.getByText(stopped?.id ?? '?').waitFor();
    expect(await detail.getByTestId('run-detail-status').textContent()).toBe('cancelled');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it('refuses a schedule interval outside the range the server takes, without saving', async () => {
    const puts: string[] = [];
    const onRequest = (r: { method: () => string; url: () => string }) => {
      if (r.method() === 'PUT' && r.url().includes('/api/ebay/sync/schedules')) puts.push(r.url());
    };
    page.on('request', onRequest);
    try {
      await page.getByTestId(`sync-account-${seller}`).getByRole('button', { name: 'Edit schedules' }).click();
      const dialog = page.getByRole('dialog', { name: /^Schedules of / });
      // The resources in the order of the account's table.
      await dialog.getByTestId('schedules-table').locator('tbody tr').first().waitFor();
      const tableOrder = await page
        .getByTestId(`sync-account-${seller}`)
        .locator('[data-testid^="sync-cell-"]')
        .evaluateAll((rows) => rows.map((r) => (r.getAttribute('data-testid') ?? '').replace('sync-cell-', '')));
      const dialogOrder = await dialog.getByTestId('schedules-table').locator('tbody tr td:first-child').allTextContents();
      expect(tableOrder.length).toBeGreaterThan(1);
      expect(dialogOrder).toEqual(tableOrder);
      const interval = dialog.getByLabel('Interval of orders in minutes');
      const width = async () => (await interval.boundingBox())?.width ?? 0;
      const validWidth = await width();
      await interval.fill('0');
      await interval.blur();
      // Not silently turned into 1.
      expect(await interval.inputValue()).toBe('0');
      await dialog.getByRole('button', { name: 'Save schedules' }).click();
      await dialog.getByText('Whole minutes from 1 to 10080 (a week)').waitFor();
      await dialog.getByTestId('schedules-invalid').waitFor();
      // The field keeps its width; only the message is added under it.
      expect(await width()).toBe(validWidth);
      await interval.fill('');
      await dialog.getByRole('button', { name: 'Save schedules' }).click();
      await dialog.getByText('Enter an interval in minutes').waitFor();
      await page.waitForTimeout(300);
      expect(puts).toEqual([]);
      expect(await dialog.getByText('Saved.').count()).toBe(0);
      await shoot(page, 'sync-schedules-invalid');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    } finally {
      page.off('request', onRequest);
    }
  });

  it('shows orders and the chart on the dashboard after the sync, one currency at a time', async () => {
    // A second seller sells in another currency (the emulator's sellers are USD, GBP, EUR in turn).
    const second = await connectSeller(1);
    secondAccountId = second.accountId;
    await syncAndWait(second.accountId, 'orders');

    await page.goto('/');
    await page.getByTestId('open-dashboard').click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    // Named as its navbar entry.
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).count()).toBe(1);
    await page.getByTestId('stat-orders').waitFor();
    await page.getByLabel('Period').selectOption('365');
    await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid="stat-orders-value"]')?.textContent;
      return v !== undefined && Number(v.replaceAll(',', '')) > 0;
    });
    const chart = page.getByTestId('orders-chart');
    await chart.locator('.recharts-area').first().waitFor();

    type Dashboard = { orders: { count: number; revenue: Array<{ currency: string; value: string }>; perDay: Array<{ currency: string; orders: number }> } };
    const dashboard = (await call<Dashboard>('GET', '/api/dashboard?days=365')).body;
    // Counts are written like the amounts, with thousands separators.
    expect(await page.getByTestId('stat-orders-value').textContent()).toBe(dashboard.orders.count.toLocaleString('en-US'));
    // Currencies in one order whatever the period: by their code.
    const currencies = dashboard.orders.revenue.map((r) => r.currency).sort();
    expect(currencies.length).toBe(2);
    const ordersIn = (currency: string) => dashboard.orders.perDay.filter((d) => d.currency === currency).reduce((n, d) => n + d.orders, 0);
    // The headline names every currency's revenue.
    const revenue = (await page.getByTestId('stat-revenue-value').textContent()) ?? '';
    expect(revenue.split(' · ')).toHaveLength(2);
    expect(revenue).toMatch(/^£.+ · \$.+$/);
    // The chart starts on the first of them, its orders only, and says so.
    const [first = '', other = ''] = currencies;
    expect(await chart.getAttribute('data-currency')).toBe(first);
    expect(Number(await chart.getAttribute('data-orders'))).toBe(ordersIn(first));
    expect(ordersIn(first)).toBeLessThan(dashboard.orders.count);
    expect(await chart.getByTestId('orders-chart-caption').textContent()).toContain(`Only the orders in ${first} and their revenue`);
    await chart.getByTestId('chart-currency').getByText(other, { exact: true }).click();
    await chart.and(page.locator(`[data-currency="${other}"]`)).waitFor();
    expect(Number(await chart.getAttribute('data-orders'))).toBe(ordersIn(other));
    expect(await chart.getByTestId('orders-chart-caption').textContent()).toContain(`Only the orders in ${other}`);
    await shoot(page, 'dashboard-currencies');
    await chart.getByTestId('chart-currency').getByText(first, { exact: true }).click();
    await page.getByTestId(`token-${seller}`).waitFor();
    await page.getByTestId('last-syncs').getByText('orders').first().waitFor();
    await shoot(page, 'dashboard');
  });

  it('keeps the period, the account and the chart currency in the URL, and lists currencies in one order', async () => {
    await syncAndWait(secondAccountId, 'payouts');
    await page.goto('/dashboard');
    const period = page.getByLabel('Period');
    const accountSelect = page.getByRole('combobox', { name: 'Account' });
    const chart = page.getByTestId('orders-chart');
    const showing = (days: string) => page.getByTestId('stat-orders-label').filter({ hasText: `Orders, last ${days} days` }).waitFor();
    const chartOn = (currency: string) => chart.and(page.locator(`[data-currency="${currency}"]`)).waitFor();
    type Dashboard = { orders: { revenue: Array<{ currency: string }> }; payouts: { count: number } };
    await showing('30');
    expect(new URL(page.url()).search).toBe('');

    for (const days of ['7', '30', '90', '365']) {
      await period.selectOption(days);
      await page.waitForURL((url) => url.searchParams.get('days') === days);
      await showing(days);
      const body = (await call<Dashboard>('GET', `/api/dashboard?days=${days}`)).body;
      // The same currency order for every period (by code), whichever sold more in it.
      const codes = body.orders.revenue.map((r) => r.currency).sort();
      const symbols = ((await page.getByTestId('stat-revenue-value').textContent()) ?? '').split(' · ').map((m) => m.replace(/[\d.,\s]/g, ''));
      expect(symbols, days).toEqual(codes.map((c) => ({ GBP: '£', USD: '$' })[c] ?? c));
      // Payouts of the same days, counted in words.
      expect(await page.getByTestId('stat-payouts-label').textContent()).toBe(`Payouts, last ${days} days`);
      const n = body.payouts.count;
      expect(await page.getByTestId('stat-payouts').textContent(), days).toContain(n === 0 ? 'No payouts in these days' : `${n.toLocaleString('en-US')} payout${n === 1 ? '' : 's'}`);
    }
    expect((await call<Dashboard>('GET', '/api/dashboard?days=365')).body.payouts.count).toBeGreaterThan(0);

    // The currency picked in the chart stays for another period, and after a reload.
    await chartOn('GBP');
    await chart.getByTestId('chart-currency').getByText('USD', { exact: true }).click();
    await chartOn('USD');
    await period.selectOption('90');
    await showing('90');
    expect(await chart.getAttribute('data-currency')).toBe('USD');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ days: '90', currency: 'USD' });
    await page.reload();
    await showing('90');
    await chartOn('USD');
    expect(await period.inputValue()).toBe('90');

    // One account, one currency; Back returns to both, the chart on the currency picked before.
    await accountSelect.selectOption(secondAccountId);
    await page.waitForURL((url) => url.searchParams.get('accountId') === secondAccountId);
    await chartOn('GBP');
    await page.reload();
    await chartOn('GBP');
    expect(await accountSelect.inputValue()).toBe(secondAccountId);
    expect(await period.inputValue()).toBe('90');
    await shoot(page, 'dashboard-one-account');
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('accountId'));
    await chartOn('USD');
    expect(await accountSelect.inputValue()).toBe('');
    expect(await period.inputValue()).toBe('90');
    await showing('90');
    await shoot(page, 'dashboard-period-in-url');
  });

  it('names the account and the resource in every sync button of the sync page', async () => {
    await page.goto('/sync');
    const cards = page.locator('[data-testid^="sync-account-"]');
    await page.getByTestId('runs-table').waitFor();
    expect(await cards.count()).toBe(2);
    const names = await page.getByRole('button', { name: /^(Sync|Full sync|Stop) / }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    // Two accounts, a Sync and a Full sync per resource each: no two buttons read the same.
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(new Set(names).size).toBe(names.length);
    for (const card of await cards.all()) {
      const username = ((await card.getAttribute('data-testid')) ?? '').replace('sync-account-', '');
      const cell = card.getByTestId('sync-cell-orders');
      // The visible words stay short.
      expect(await cell.getByRole('button', { name: `Sync orders of ${username}`, exact: true }).textContent()).toBe('Sync');
      expect(await cell.getByRole('button', { name: `Full sync orders of ${username}`, exact: true }).textContent()).toBe('Full');
      await card.getByRole('button', { name: `Sync all of ${username}`, exact: true }).waitFor();
      await card.getByRole('button', { name: `Edit schedules of ${username}`, exact: true }).waitFor();
    }
  });

  it('fits a long account label (up to 100 characters) in its sync card, the run history and the dashboard', async () => {
    const accounts = await call<{ accounts: Array<{ id: string; username: string }> }>('GET', '/api/ebay/accounts');
    const accountId = accounts.body.accounts.find((a) => a.username === seller)?.id ?? '';
    const labels = LONG_LABELS;
    expect(labels.unbroken).toHaveLength(100);
    try {
      for (const [name, label] of Object.entries(labels)) {
        expect((await call('PATCH', `/api/ebay/accounts/${accountId}`, { label })).status).toBe(200);

        await page.goto('/sync');
        const card = page.getByTestId(`sync-account-${seller}`);
        const title = card.getByRole('heading', { level: 2, name: label });
        await title.waitFor();
        // Cut with an ellipsis inside the card, the whole label on hover; the card's buttons stay in it.
        const shown = await title.evaluate((el) => {
          const card = (el.closest('[data-testid^="sync-account-"]') as Element).getBoundingClientRect();
          const r = el.getBoundingClientRect();
          return {
            inside: r.left >= card.left && r.right <= card.right,
            whole: el.scrollWidth <= el.clientWidth + 1,
            ellipsis: getComputedStyle(el).textOverflow === 'ellipsis',
            title: el.getAttribute('title'),
          };
        });
        expect(shown.inside, name).toBe(true);
        expect(shown.whole || (shown.ellipsis && shown.title === label), name).toBe(true);
        for (const button of ['Edit schedules', 'Sync all']) {
          const b = await card.getByRole('button', { name: button, exact: false }).first().boundingBox();
          const c = await card.boundingBox();
          expect((b?.x ?? 0) + (b?.width ?? 0), `${name} ${button}`).toBeLessThanOrEqual((c?.x ?? 0) + (c?.width ?? 0));
        }
        // The run history still fits its card.
        const runs = page.getByTestId('runs-table');
        await runs.locator('tbody tr').first().waitFor();
        await shoot(page, `sync-long-label-${name}`);
        const widths = await runs.evaluate((el) => {
          const card = el.closest('.mantine-Card-root') as HTMLElement;
          const style = getComputedStyle(card);
          return { table: el.getBoundingClientRect().width, inner: card.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
        });
        expect(widths.table, name).toBeLessThanOrEqual(widths.inner + 1);

        await page.goto('/dashboard');
        const accountSelect = page.getByRole('combobox', { name: 'Account' });
        await accountSelect.locator('option').filter({ hasText: label }).waitFor({ state: 'attached' });
        for (const value of [accountId, '']) {
          await accountSelect.selectOption(value);
          await page.waitForURL((url) => (url.searchParams.get('accountId') ?? '') === value);
          await page.getByTestId('stat-orders').waitFor();
          const account = await accountSelect.boundingBox();
          const periodBox = await page.getByLabel('Period').boundingBox();
          // A fixed width, beside the period on one row.
          expect(account?.width, name).toBeLessThanOrEqual(320);
          expect(Math.abs((account?.y ?? 0) - (periodBox?.y ?? -100)), name).toBeLessThan(2);
        }
        await accountSelect.selectOption(accountId);
        // Cut inside the select, named in full on hover.
        await expect.poll(() => accountSelect.getAttribute('title'), { timeout: 5000 }).toBe(label);
        // The last syncs keep their last column inside their card.
        const lastSyncs = page.getByTestId('last-syncs');
        await lastSyncs.getByText('orders').first().waitFor();
        expect(
          await lastSyncs.evaluate((el) => el.getBoundingClientRect().right <= (el.closest('.mantine-Card-root') as Element).getBoundingClientRect().right),
          name,
        ).toBe(true);
        await shoot(page, `dashboard-long-label-${name}`);
      }
    } finally {
      await call('PATCH', `/api/ebay/accounts/${accountId}`, { label: seller });
    }
  });

  it('puts the sync buttons next to their resource on a phone, in view without scrolling sideways', async () => {
    const phone = await newContext({ width: 390, height: 844 });
    const mobile = await phone.newPage();
    await signIn(mobile, admin, '/sync');
    const sync = mobile.getByTestId(`sync-account-${seller}`).getByRole('button', { name: /^Sync orders of / });
    await sync.waitFor();
    const box = await sync.boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 999) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await shoot(mobile, 'sync-390');
    await phone.close();
  });

  it('fits the run history at 1400 px: its last columns are in view, not clipped', async () => {
    expect(page.viewportSize()?.width).toBe(1400);
    await page.goto('/sync');
    const table = page.getByTestId('runs-table');
    await table.locator('tbody tr').first().waitFor();
    const box = await table.evaluate((el) => {
      const card = el.closest('.mantine-Card-root') as HTMLElement;
      const c = card.getBoundingClientRect();
      const style = getComputedStyle(card);
      return {
        table: el.getBoundingClientRect().width,
        inner: c.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        cardRight: c.right - parseFloat(style.paddingRight),
      };
    });
    expect(box.table).toBeLessThanOrEqual(box.inner + 1);
    await table.locator('thead').scrollIntoViewIfNeeded();
    for (const name of ['Progress', 'Error', 'Links']) {
      const header = table.getByRole('columnheader', { name });
      const r = await header.boundingBox();
      expect(r, name).not.toBeNull();
      expect((r?.x ?? 0) + (r?.width ?? 0), name).toBeLessThanOrEqual(box.cardRight + 1);
      const hit = await header.evaluate((th) => {
        const b = th.getBoundingClientRect();
        return th.contains(document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2));
      });
      expect(hit, name).toBe(true);
    }
    // Squeezed to fit, but no status is cut short ("SUC…").
    for (const label of await table.getByTestId('run-status').locator('.mantine-Badge-label').all()) {
      expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth), (await label.textContent()) ?? '').toBe(true);
    }
    const links = table.locator('tbody tr').first().getByRole('link', { name: 'calls' });
    const l = await links.boundingBox();
    expect((l?.x ?? 0) + (l?.width ?? 0)).toBeLessThanOrEqual(box.cardRight + 1);
    await shoot(page, 'sync-runs-1400');
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
    await viewerPage.getByTestId(`sync-account-${seller}`).getByRole('button', { name: 'Schedules' }).click();
    await viewerPage.getByTestId('schedules-table').waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Save schedules' }).count()).toBe(0);
    await shoot(viewerPage, 'sync-viewer');
    await viewerContext.close();
  });

  it('stops every run of an account at once after a full sync all', async () => {
    await page.goto('/sync');
    const card = page.getByTestId(`sync-account-${seller}`);
    await card.waitFor();
    const stopAll = card.getByRole('button', { name: /^Stop all \d+ runs of / });
    expect(await stopAll.count()).toBe(0);
    await setLatency(1500);
    try {
      await card.getByRole('button', { name: /^Sync all of / }).click();
      await page.getByRole('menuitem', { name: /^Full/ }).click();
      await stopAll.waitFor();
      const stopped = Date.now();
      await stopAll.click();
      // Gone once fewer than two runs of the account are queued or running.
      await stopAll.waitFor({ state: 'detached', timeout: 15_000 });
      expect(Date.now() - stopped).toBeLessThan(15_000);
    } finally {
      await setLatency(0);
    }
    const accountId = (await call<{ accounts: Array<{ id: string; username: string }> }>('GET', '/api/ebay/accounts')).body.accounts.find(
      (a) => a.username === seller,
    )?.id;
    const lastRuns = async () =>
      (await call<RunStatus>('GET', `/api/ebay/sync/status?accountId=${accountId ?? ''}`)).body.status.map((s) => s.lastRun?.status);
    // None left: a run cut short mid-call ends as soon as its worker sees the stop.
    await expect.poll(async () => (await lastRuns()).filter((s) => s === 'queued' || s === 'running'), { timeout: 10_000 }).toEqual([]);
    const last = await lastRuns();
    // Stopped at 1.5 s a call, most runs had not finished: they end cancelled.
    expect(last.filter((s) => s === 'cancelled').length).toBeGreaterThan(1);
    await shoot(page, 'sync-stopped-all');
  });

  it('pauses a disconnected account: no sync buttons work, and the page says why', async () => {
    const accountId = await page.evaluate(async (username) => {
      const res = await fetch('/api/ebay/accounts');
      const body = (await res.json()) as { accounts: Array<{ id: string; username: string }> };
      return body.accounts.find((a) => a.username === username)?.id ?? '';
    }, seller);
    const disconnected = await page.evaluate(async (id) => (await fetch(`/api/ebay/accounts/${id}`, { method: 'DELETE' })).status, accountId);
    expect(disconnected).toBe(200);

    await page.goto('/sync');
    const card = page.getByTestId(`sync-account-${seller}`);
    const hint = card.getByTestId('paused-hint');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('the account was disconnected; connect it again to sync');
    expect(await hint.textContent()).not.toContain('grant');

    const starts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/ebay/sync/')) starts.push(r.url());
    });
    const sync = ordersCell().getByRole('button', { name: `Sync orders of ${seller}`, exact: true });
    expect(await sync.isDisabled()).toBe(true);
    expect(await ordersCell().getByRole('button', { name: `Full sync orders of ${seller}`, exact: true }).isDisabled()).toBe(true);
    expect(await card.getByRole('button', { name: 'Sync all' }).isDisabled()).toBe(true);
    await sync.hover();
    await page.getByRole('tooltip').filter({ hasText: 'Paused: the account was disconnected; connect it again to sync.' }).waitFor();
    await sync.click({ force: true });
    await card.getByRole('button', { name: 'Sync all' }).click({ force: true });
    await page.waitForTimeout(300);
    expect(starts).toEqual([]);
    expect(await page.getByRole('menu').count()).toBe(0);
    await shoot(page, 'sync-paused');
  });
});
