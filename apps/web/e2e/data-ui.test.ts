import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent, launchBrowser, openContext, pageCall as call, screenshot, signIn } from './helpers/browser';
import { admin, freePort, startApiServer, type RunningApiServer } from './helpers/server';
import { LONG_LABELS } from './helpers/long-labels';

// One server with a small emulator dataset, one connected seller synced once; the tests run in order and browse
// what the sync stored: orders → detail → transaction → CSV → messages → payout → inventory → purchase → viewer on a
// tablet.
const viewer = { email: 'data-viewer@example.com', password: 'viewer-password-1' } as const;

let server: RunningApiServer;
let browser: Browser | undefined;
let origin: string;
let context: BrowserContext;
let page: Page;
let accountId = '';
let emulatorPort = 0;

beforeAll(async () => {
  emulatorPort = await freePort();
  server = await startApiServer({ EMULATOR_PORT: String(emulatorPort), EMULATOR_ORDERS: '60' });
  origin = `http://localhost:${server.port}`;
  browser = await launchBrowser();
  context = await newContext();
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const newContext = (viewport = { width: 1280, height: 900 }): Promise<BrowserContext> => openContext(browser, origin, viewport);

const shoot = (p: Page, name: string): Promise<void> => screenshot(p, name, false);


/** Every item of a list through the API (keyset pages of 200). */
async function countAll(p: Page, path: string): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: { items: unknown[]; nextCursor: string | null } } = await call(
      p,
      'GET',
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    total += res.body.items.length;
    cursor = res.body.nextCursor;
  } while (cursor);
  return total;
}

const rows = (p: Page, testId: string) => p.getByTestId(`${testId}-row`);

/**
 * Clicks "Load more" until the list shows its end (`endTestId`). The button goes away when the last page arrives,
 * which can happen between seeing it and clicking it: a click that finds no button is not an error.
 */
async function loadUntilEnd(p: Page, endTestId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await p.getByTestId(endTestId).isVisible())) {
    if (Date.now() > deadline) throw new Error(`the list never showed ${endTestId}`);
    await p
      .getByRole('button', { name: 'Load more' })
      .click({ timeout: 1000 })
      .catch(() => undefined);
    await p.waitForTimeout(200);
  }
}

/** Position (0-based) of the column headed `header`: tests find a column by its header, not by where it sits. */
async function columnIndex(table: Locator, header: string): Promise<number> {
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
  const index = headers.indexOf(header);
  expect(index, `${header} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return index;
}

/**
 * The `header` (Amount) cell of the first row of table `testId` is in view as the page opens: inside the window and inside every
 * box that clips it (the table's scroll container, the card), with nothing scrolled sideways.
 */
async function expectColumnInView(p: Page, testId: string, header = 'Amount'): Promise<void> {
  const table = p.getByTestId(testId);
  await table.locator('tbody tr').first().waitFor();
  const index = await columnIndex(table, header);
  const cell = table.locator('tbody tr').first().locator('td').nth(index);
  expect((await cell.textContent())?.trim(), testId).not.toBe('');
  const where = await cell.evaluate((td) => {
    const r = td.getBoundingClientRect();
    let clipRight = window.innerWidth;
    let scrolled = window.scrollX;
    for (let a = td.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') clipRight = Math.min(clipRight, a.getBoundingClientRect().right);
      scrolled += a.scrollLeft;
    }
    return { left: r.left, right: r.right, clipRight, scrolled };
  });
  expect(where.scrolled, testId).toBe(0);
  expect(where.left, testId).toBeGreaterThanOrEqual(0);
  expect(where.right, testId).toBeLessThanOrEqual(where.clipRight + 0.5);
}

/** A change at eBay through the emulator's control API, for the connected seller (`/sellers/{username}/…`). */
async function atEbay(what: 'orders' | 'messages', count: number): Promise<void> {
  const account = await call<{ account: { username: string } }>(page, 'GET', `/api/ebay/accounts/${accountId}`);
  const res = await fetch(`http://127.0.0.1:${emulatorPort}/__emulator/sellers/${account.body.account.username}/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count }),
  });
  expect(res.status).toBe(200);
}

/** Starts an incremental run of `resource` and waits for it to succeed. */
async function syncNow(resource: 'orders' | 'messages'): Promise<void> {
  const run = await call<{ runId: string }>(page, 'POST', `/api/ebay/sync/${resource}`, { accountId });
  expect(run.status).toBe(202);
  for (let i = 0; ; i += 1) {
    const r = await call<{ run: { status: string } }>(page, 'GET', `/api/ebay/sync/runs/${run.body.runId}`);
    if (r.body.run.status === 'succeeded') break;
    if (!['queued', 'running'].includes(r.body.run.status) || i > 120) throw new Error(`${resource} sync ${r.body.run.status}`);
    await page.waitForTimeout(250);
  }
}

describe('synced data pages', () => {
  it('connects a seller and syncs everything', async () => {
    await signIn(page, admin, '/accounts');
    await page.getByTestId('empty-state').waitFor();
    await page.getByRole('button', { name: 'Connect to eBay' }).first().click();
    await page.getByRole('dialog', { name: 'Connect to eBay' }).getByRole('button', { name: 'Continue to eBay' }).click();
    await page.waitForURL(/\/oauth2\/authorize/);
    await page.locator('input[name="seller"]').first().check();
    accountId = (await answerConsent(page, 'Agree')).get('connected') ?? '';

    const started = await call(page, 'POST', '/api/ebay/sync/all', { accountId });
    expect(started.status).toBe(202);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await call<{ status: Array<{ resource: string; lastRun: { status: string } | null }> }>(
        page,
        'GET',
        `/api/ebay/sync/status?accountId=${accountId}`,
      );
      const statuses = res.body.status.map((s) => `${s.resource}:${s.lastRun?.status ?? 'none'}`);
      if (res.body.status.length > 0 && res.body.status.every((s) => s.lastRun?.status === 'succeeded')) break;
      if (statuses.some((s) => /failed|cancelled|interrupted/.test(s)) || Date.now() > deadline) {
        throw new Error(`sync did not succeed: ${statuses.join(', ')}`);
      }
      await page.waitForTimeout(500);
    }
  });

  it('leaves the first steps off the home page once an account has synced', async () => {
    // The first steps decide from both answers: wait for each before looking.
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/ebay/sync/runs');
    const accountsAnswered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/ebay/accounts');
    await page.goto('/');
    expect((await answered).status()).toBe(200);
    expect((await accountsAnswered).status()).toBe(200);
    await page.getByTestId('whoami-email').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('getting-started').count()).toBe(0);
  });

  it('browses, sorts and pages orders', async () => {
    await page.goto('/data/orders');
    await page.getByTestId('nav-section-data').getByRole('link', { name: 'Orders' }).waitFor();
    await page.getByTestId('orders').waitFor();
    expect(await rows(page, 'orders').count()).toBe(50);
    expect(await page.getByTestId('list-count').textContent()).toBe('50 of 60 orders shown');
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByTestId('list-end').waitFor();
    expect(await rows(page, 'orders').count()).toBe(60);
    expect(await page.getByTestId('list-count').textContent()).toBe('60 of 60 orders shown');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'data-orders');

    // Oldest first: the header asks the server for the other order; the first row is the API's oldest order.
    const oldest = await call<{ items: Array<{ orderId: string }> }>(page, 'GET', '/api/orders?order=asc&limit=1');
    await page.getByTestId('sort-creationDate').click();
    await page.waitForURL((url) => url.searchParams.get('order') === 'asc');
    await rows(page, 'orders').first().filter({ hasText: oldest.body.items[0]?.orderId ?? '?' }).waitFor();
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Created');
  });

  it('filters by status and exports the filtered list as CSV', async () => {
    await page.goto('/data/orders');
    await page.getByTestId('orders').waitFor();
    await page.getByLabel('Fulfillment').selectOption('FULFILLED');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL((url) => url.searchParams.get('fulfillmentStatus') === 'FULFILLED');
    await page.getByTestId('orders').waitFor();
    const expected = await countAll(page, '/api/orders?fulfillmentStatus=FULFILLED');
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(60);
    await loadUntilEnd(page, 'list-end');
    expect(await rows(page, 'orders').count()).toBe(expected);
    const fulfillment = await rows(page, 'orders').locator('td:nth-child(7)').allTextContents();
    expect(new Set(fulfillment)).toEqual(new Set(['Fulfilled']));

    const href = (await page.getByTestId('export-csv').getAttribute('href')) ?? '';
    expect(href).toBe('/api/orders.csv?fulfillmentStatus=FULFILLED');
    const csv = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    }, href);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toContain('orderId');
    expect(lines.length - 1).toBe(expected);
  });

  it('searches an order id, opens it, and follows a link to its transaction', async () => {
    const tx = await call<{ items: Array<{ orderId: string | null; transactionId: string }> }>(
      page,
      'GET',
      '/api/finances/transactions?transactionType=SALE&limit=50',
    );
    const linked = tx.body.items.find((t) => t.orderId);
    expect(linked).toBeDefined();
    const orderId = linked?.orderId ?? '';

    await page.goto('/data/orders');
    await page.getByTestId('orders').waitFor();
    await page.getByLabel('Search').fill(orderId);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === orderId);
    await page.getByTestId('list-end').waitFor();
    expect(await rows(page, 'orders').count()).toBe(1);
    await rows(page, 'orders').getByRole('link', { name: orderId }).click();

    await page.waitForURL((url) => url.pathname === `/data/orders/${orderId}`);
    const detail = page.getByTestId('order-detail');
    await detail.waitFor();
    expect(await page.getByTestId('order-line-items').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Show raw eBay JSON' }).click();
    await page.getByTestId('raw-json').waitFor();
    expect(await page.getByTestId('raw-json').textContent()).toContain(`"orderId": "${orderId}"`);
    await shoot(page, 'data-order-detail');

    await page.getByTestId('order-transactions').getByRole('link', { name: linked?.transactionId ?? '?' }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/data/transactions/'));
    await page.getByTestId('transaction-detail').waitFor();
    expect(await page.getByTestId('transaction-detail').textContent()).toContain(orderId);

    await page.goto('/data/transactions');
    await page.getByTestId('transactions').waitFor();
    expect(await rows(page, 'transactions').count()).toBeGreaterThan(0);
    await shoot(page, 'data-transactions');
  });

  it('writes an order\'s creation, its sync run and the ledger\'s calls in one UTC form', async () => {
    const listed = await call<{ items: Array<{ orderId: string; creationDate: string }> }>(page, 'GET', '/api/orders?limit=1');
    const order = listed.body.items[0];
    expect(order).toBeDefined();
    const { orderId, creationDate } = order ?? { orderId: '', creationDate: '' };
    const utc = new Date(creationDate).toISOString().replace('T', ' ');
    const minute = /^\d{4}-\d\d-\d\d \d\d:\d\d/;

    await page.goto(`/data/orders?q=${encodeURIComponent(orderId)}`);
    await page.getByTestId('list-end').waitFor();
    // The first such time is the creation's (an order not modified since shows the same time as last modified).
    const cell = rows(page, 'orders').first().locator(`time[datetime="${creationDate}"]`).first();
    const inList = (await cell.textContent()) ?? '';
    expect(inList).toMatch(minute);
    expect(inList).toBe(utc.slice(0, 16));

    await rows(page, 'orders').getByRole('link', { name: orderId }).click();
    const inDetail = (await page.getByTestId('order-detail').locator(`time[datetime="${creationDate}"]`).first().textContent()) ?? '';
    expect(inDetail).toBe(utc.slice(0, 19));

    // The run that stored it (Sync page) and the calls that fetched it (API logs): the same form, to the second.
    await page.goto('/sync');
    const runTime = page.getByTestId('sync-cell-orders').first().locator('td').nth(2);
    await runTime.filter({ hasText: minute }).waitFor();
    const ofRun = await runTime.textContent();
    await page.goto('/logs');
    const ofCall = await page.getByTestId('logs-table').locator('tbody tr').first().locator('td').first().textContent();
    for (const text of [inDetail, ofRun, ofCall]) {
      expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
  });

  it('shows messages as conversations, in pages', async () => {
    let total = 0;
    let cursor: string | null = null;
    type Thread = { threadId: string; messageCount: number; subject: string | null; counterpart: string | null };
    let first: Thread | undefined;
    do {
      const res: { status: number; body: { threads: Thread[]; nextCursor: string | null } } =
        await call(page, 'GET', `/api/messages/threads?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      first ??= res.body.threads[0];
      total += res.body.threads.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(total).toBeGreaterThan(0);

    await page.goto('/data/messages');
    const threads = page.getByTestId('message-thread');
    await threads.first().waitFor();
    // Named by its subject and the buyer, not by its id.
    expect(first?.subject).toEqual(expect.any(String));
    expect(await threads.first().getByTestId('thread-title').textContent()).toBe(first?.subject);
    expect(await threads.first().getByTestId('thread-facts').textContent()).toContain(`${first?.counterpart} · `);
    await threads.first().click();
    await page.getByTestId('message').first().waitFor();
    expect(await page.getByTestId('thread-header').textContent()).toContain(`with ${first?.counterpart}`);
    expect(await page.getByTestId('message').count()).toBe(first?.messageCount);
    expect(await threads.first().getAttribute('aria-current')).toBe('true');
    await shoot(page, 'data-messages');

    expect(await threads.count()).toBe(Math.min(total, 50));
    const noun = total === 1 ? 'conversation' : 'conversations';
    // Counted from the first page on.
    expect(await page.getByTestId('thread-count').textContent()).toBe(`${Math.min(total, 50)} of ${total.toLocaleString('en-US')} ${noun} shown`);
    await loadUntilEnd(page, 'thread-list-end');
    expect(await threads.count()).toBe(total);
    expect(await page.getByTestId('thread-count').textContent()).toBe(`${total} of ${total.toLocaleString('en-US')} ${noun} shown`);
  });

  it("opens the dashboard's unread messages as the messages page filtered to them", async () => {
    // Two buyers write (unread until answered), then an incremental messages sync brings them in.
    await atEbay('messages', 2);
    await syncNow('messages');
    const dashboard = (await call<{ unreadMessages: number }>(page, 'GET', '/api/dashboard')).body;
    const unread = await countAll(page, '/api/messages?unread=true');
    expect(unread).toBeGreaterThan(0);
    expect(dashboard.unreadMessages).toBe(unread);

    await page.goto('/dashboard');
    await page.getByTestId('stat-unread-link').click();
    await page.waitForURL((url) => url.pathname === '/data/messages' && url.searchParams.get('unread') === 'true');
    expect(await page.getByLabel('Read state').inputValue()).toBe('true');
    await page.getByTestId('message-result').first().waitFor();
    expect(await page.getByTestId('message-count').textContent()).toMatch(new RegExp(`of ${unread.toLocaleString('en-US')} matching message`));
    await loadUntilEnd(page, 'message-list-end');
    expect(await page.getByTestId('message-result').count()).toBe(unread);
  });

  it("opens the dashboard's orders awaiting shipment as the orders page filtered to them", async () => {
    // Two new orders at eBay (not shipped yet), then an incremental orders sync brings them in.
    await atEbay('orders', 2);
    await syncNow('orders');

    const dashboard = (await call<{ orders: { awaitingShipment: number } }>(page, 'GET', '/api/dashboard')).body;
    const awaiting = await countAll(page, '/api/orders?awaitingShipment=true');
    expect(awaiting).toBeGreaterThan(0);
    expect(dashboard.orders.awaitingShipment).toBe(awaiting);

    await page.goto('/dashboard');
    expect(await page.getByTestId('stat-orders').textContent()).toContain(`${awaiting.toLocaleString('en-US')} awaiting shipment`);
    await page.getByTestId('stat-orders-link').click();
    await page.waitForURL((url) => url.pathname === '/data/orders' && url.searchParams.get('awaitingShipment') === 'true');
    expect(await page.getByLabel('Shipping').inputValue()).toBe('true');
    await page.getByTestId('list-count').filter({ hasText: ` of ${awaiting.toLocaleString('en-US')} order` }).waitFor();
  });

  it('filters disputes to open or closed ones, as the dashboard counts them', async () => {
    const dashboard = (await call<{ openDisputes: number }>(page, 'GET', '/api/dashboard')).body;
    const open = await countAll(page, '/api/disputes?open=true');
    const closed = await countAll(page, '/api/disputes?open=false');
    expect(dashboard.openDisputes).toBe(open);
    expect(closed).toBeGreaterThan(0);
    expect(open + closed).toBe(await countAll(page, '/api/disputes'));

    // The dashboard links its count to the list only when there is something to show.
    await page.goto('/dashboard');
    await page.getByTestId('stat-disputes').waitFor();
    expect(await page.getByTestId('stat-disputes-link').count()).toBe(open > 0 ? 1 : 0);

    await page.goto('/data/disputes');
    await rows(page, 'disputes').first().waitFor();
    await page.getByLabel('Open or closed').selectOption('false');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL((url) => url.searchParams.get('open') === 'false');
    await page.getByTestId('list-count').filter({ hasText: ` of ${closed.toLocaleString('en-US')} dispute` }).waitFor();
  });

  it('filters messages by sender, text and dates, and opens a match in its conversation', async () => {
    type Message = { accountId: string; threadId: string; sender: string | null; subject: string | null };
    const all = await call<{ items: Message[] }>(page, 'GET', '/api/messages?limit=200');
    const sample = all.body.items.find((m) => m.sender && m.subject);
    expect(sample).toBeDefined();
    const sender = sample?.sender ?? '';
    const bySender = await countAll(page, `/api/messages?${new URLSearchParams({ sender })}`);
    expect(bySender).toBeLessThan(await countAll(page, '/api/messages'));

    await page.goto('/data/messages');
    await page.getByTestId('message-thread').first().waitFor();
    await page.getByLabel('Sender').fill(sender);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL((url) => url.searchParams.get('sender') === sender);
    const results = page.getByTestId('message-result');
    await results.first().waitFor();
    await loadUntilEnd(page, 'message-list-end');
    expect(await results.count()).toBe(bySender);
    for (const facts of await page.getByTestId('message-result-facts').allTextContents()) expect(facts.startsWith(`${sender} → `)).toBe(true);
    expect(await page.getByTestId('export-csv').getAttribute('href')).toBe(`/api/messages.csv?${new URLSearchParams({ sender })}`);
    await shoot(page, 'data-messages-filtered');

    // Search covers subjects: the sample's subject finds it, and a match opens its conversation.
    const subject = sample?.subject ?? '';
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByTestId('message-thread').first().waitFor();
    await page.getByLabel('Search').fill(subject);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === subject && !url.searchParams.has('sender'));
    await loadUntilEnd(page, 'message-list-end');
    expect(await results.count()).toBe(await countAll(page, `/api/messages?${new URLSearchParams({ q: subject })}`));
    const newest = await call<{ items: Message[] }>(page, 'GET', `/api/messages?${new URLSearchParams({ q: subject, limit: '1' })}`);
    const match = results.first();
    await match.click();
    await page.waitForURL((url) => url.searchParams.get('thread') === `${newest.body.items[0]?.accountId}:${newest.body.items[0]?.threadId}`);
    await page.getByTestId('message').first().waitFor();
    expect(await match.getAttribute('aria-current')).toBe('true');

    // A range that ends before it starts is marked, not queried.
    await page.getByLabel('Received from').fill('2024-03-02');
    await page.getByLabel('Received to').fill('2024-03-01');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Must be on or after “Received from” (2024-03-02)').waitFor();
    expect(new URL(page.url()).searchParams.has('from')).toBe(false);
  });

  it('opens a payout with its transactions and follows one', async () => {
    const payouts = await call<{ items: Array<{ payoutId: string; transactionCount: number | null }> }>(
      page,
      'GET',
      '/api/finances/payouts?limit=50',
    );
    const payout = payouts.body.items.find((p) => (p.transactionCount ?? 0) > 0);
    expect(payout).toBeDefined();
    const payoutId = payout?.payoutId ?? '';
    await page.goto('/data/payouts');
    await page.getByTestId('payouts').waitFor();
    await rows(page, 'payouts').getByRole('link', { name: payoutId }).click();
    await page.waitForURL((url) => url.pathname === `/data/payouts/${payoutId}`);
    await page.getByTestId('payout-detail').waitFor();
    const linked = page.getByTestId('payout-transactions').locator('tbody tr');
    await linked.first().waitFor();
    expect(await linked.count()).toBe(await countAll(page, `/api/finances/transactions?payoutId=${payoutId}`));
    await linked.first().getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/data/transactions/') && url.searchParams.has('type'));
    await page.getByTestId('transaction-detail').waitFor();
    expect(await page.getByTestId('transaction-detail').textContent()).toContain(payoutId);
  });

  it('signs debits in a payout and an order: a payout\'s amounts add up to it', async () => {
    type Tx = { transactionId: string; orderId: string | null; payoutId: string | null; accountId: string; bookingEntry: string | null; amountValue: string | null };
    const refunds = await call<{ items: Tx[] }>(page, 'GET', '/api/finances/transactions?transactionType=REFUND&limit=200');
    const debit = refunds.body.items.find((t) => t.bookingEntry === 'DEBIT' && t.payoutId && t.orderId);
    expect(debit).toBeDefined();
    const { payoutId, orderId, transactionId, accountId: owner } = debit as Tx & { payoutId: string; orderId: string };
    const payout = await call<{ payout: { amountValue: string } }>(page, 'GET', `/api/finances/payouts/${payoutId}?accountId=${owner}`);
    expect(payout.status).toBe(200);

    // "− $109.58" (en-US) as a number.
    const signed = (text: string) => (text.includes('−') ? -1 : 1) * Number(text.replace(/[^0-9.]/g, ''));
    await page.goto(`/data/payouts/${payoutId}?accountId=${owner}`);
    const table = page.getByTestId('payout-transactions');
    await table.locator('tbody tr').first().waitFor();
    const refundRow = table.locator('tbody tr').filter({ hasText: transactionId }).filter({ hasText: 'Refund' });
    const amount = await columnIndex(table, 'Amount');
    expect(await refundRow.locator('td').nth(amount).textContent()).toMatch(/^− /);
    const amounts = await table.locator(`tbody tr td:nth-child(${amount + 1})`).allTextContents();
    const total = amounts.reduce((sum, text) => sum + signed(text), 0);
    expect(total).toBeCloseTo(Number(payout.body.payout.amountValue), 2);
    await shoot(page, 'data-payout-signed');

    await page.goto(`/data/orders/${orderId}?accountId=${owner}`);
    const orderRow = page.getByTestId('order-transactions').locator('tbody tr').filter({ hasText: 'Refund' }).first();
    await orderRow.waitFor();
    const inOrder = await columnIndex(page.getByTestId('order-transactions'), 'Amount');
    expect(await orderRow.locator('td').nth(inOrder).textContent()).toMatch(/^− /);
  });

  it('marks a date range that ends before it starts, and does not query it', async () => {
    const queried: string[] = [];
    const onRequest = (r: { url: () => string }) => {
      if (new URL(r.url()).pathname === '/api/orders') queried.push(r.url());
    };
    await page.goto('/data/orders');
    await page.getByTestId('orders').waitFor();
    page.on('request', onRequest);
    try {
      // Date filters are UTC days, and say so.
      await page.getByLabel('Created from (UTC)', { exact: true }).fill('2024-03-02');
      await page.getByLabel('Created to (UTC)', { exact: true }).fill('2024-03-01');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('Must be on or after “Created from” (2024-03-02)').waitFor();
      expect(new URL(page.url()).searchParams.has('from')).toBe(false);

      // A shared link with such a range says so instead of an empty list.
      await page.goto('/data/orders?from=2024-03-02&to=2024-03-01');
      await page.getByText('Must be on or after “Created from” (2024-03-02)').waitFor();
      await page.getByText('The date range ends before it starts').waitFor();
      await page.waitForTimeout(300);
      expect(queried).toEqual([]);
      await shoot(page, 'data-orders-bad-range');
    } finally {
      page.off('request', onRequest);
    }
  });

  it('keeps every column in view at 1400 px, and the footer off the filters at 390 px', async () => {
    /** The widths of a table and of the card around it: a wider table hides columns past the card's edge. */
    const fits = (p: Page, testId: string) =>
      p.getByTestId(testId).evaluate((table) => {
        const card = table.closest('.mantine-Card-root') as HTMLElement;
        return { table: Math.round(table.getBoundingClientRect().width), box: card.clientWidth };
      });
    const wide = await newContext({ width: 1400, height: 900 });
    const desk = await wide.newPage();
    await signIn(desk, admin, '/accounts');
    await desk.getByTestId('accounts-table').waitFor();
    const accounts = await fits(desk, 'accounts-table');
    expect(accounts.table).toBeLessThanOrEqual(accounts.box);
    // Nothing sits on top of the last columns: the cell at the middle of each header is that header.
    for (const name of ['Last refresh', 'Created / updated']) {
      const header = desk.getByTestId('accounts-table').getByRole('columnheader', { name });
      const hit = await header.evaluate((th) => {
        const r = th.getBoundingClientRect();
        return th.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      });
      expect(hit, name).toBe(true);
    }
    await desk.getByRole('button', { name: /^Refresh token of / }).waitFor();
    await shoot(desk, 'layout-accounts-1400');
    await desk.goto('/data/disputes');
    await desk.getByTestId('disputes').waitFor();
    const disputes = await fits(desk, 'disputes');
    expect(disputes.table).toBeLessThanOrEqual(disputes.box);
    await desk.goto('/logs');
    await desk.getByTestId('logs-table').locator('tbody tr').first().waitFor();
    const logs = await fits(desk, 'logs-table');
    expect(logs.table).toBeLessThanOrEqual(logs.box);
    await shoot(desk, 'layout-logs-1400');
    await wide.close();

    const phone = await newContext({ width: 390, height: 800 });
    const mobile = await phone.newPage();
    await signIn(mobile, admin, '/data/orders');
    await mobile.getByTestId('orders').waitFor();
    const apply = mobile.getByRole('button', { name: 'Apply' });
    await apply.scrollIntoViewIfNeeded();
    const covered = await apply.evaluate((button) => {
      const r = button.getBoundingClientRect();
      return !button.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    expect(covered).toBe(false);
    expect(await mobile.getByTestId('build-info').evaluate((el) => getComputedStyle(el.closest('footer') ?? el).position)).not.toBe('fixed');
    await shoot(mobile, 'layout-orders-390');
    await phone.close();
  });

  it('folds the filters on a phone behind "More filters", so the first orders show on the first screen', async () => {
    const phone = await newContext({ width: 390, height: 800 });
    const mobile = await phone.newPage();
    await signIn(mobile, admin, '/data/orders');
    const firstRow = rows(mobile, 'orders').first();
    await firstRow.waitFor();
    const fulfillment = mobile.getByLabel('Fulfillment');
    expect(await mobile.getByLabel('Search').isVisible()).toBe(true);
    expect(await fulfillment.count()).toBe(0);
    expect((await firstRow.boundingBox())?.y ?? 9999).toBeLessThan(800);
    await shoot(mobile, 'layout-orders-390-folded');

    const more = mobile.getByTestId('more-filters');
    expect(await more.textContent()).toBe('More filters');
    await more.click();
    await fulfillment.selectOption('FULFILLED');
    await mobile.getByRole('button', { name: 'Apply' }).click();
    await mobile.waitForURL((url) => url.searchParams.get('fulfillmentStatus') === 'FULFILLED');
    // Applied: folded again, saying how many filters it hides.
    await mobile.getByTestId('more-filters').filter({ hasText: 'More filters (1 set)' }).waitFor();
    expect(await fulfillment.count()).toBe(0);
    await phone.close();
  });

  it('shows the amount of payouts and transactions at 390 px without sideways scrolling', async () => {
    type Tx = { orderId: string | null; payoutId: string | null; accountId: string };
    const tx = await call<{ items: Tx[] }>(page, 'GET', '/api/finances/transactions?transactionType=SALE&limit=50');
    const linked = tx.body.items.find((t) => t.orderId && t.payoutId);
    expect(linked).toBeDefined();
    const { orderId, payoutId, accountId: owner } = linked as Tx & { orderId: string; payoutId: string };

    const phone = await newContext({ width: 390, height: 800 });
    const mobile = await phone.newPage();
    await signIn(mobile, admin, '/data/payouts');
    await expectColumnInView(mobile, 'payouts');
    await mobile.goto('/data/transactions');
    await expectColumnInView(mobile, 'transactions');
    await mobile.goto(`/data/payouts/${payoutId}?accountId=${owner}`);
    await expectColumnInView(mobile, 'payout-transactions');
    await shoot(mobile, 'layout-payout-390');
    await mobile.goto(`/data/orders/${orderId}?accountId=${owner}`);
    await expectColumnInView(mobile, 'order-transactions');
    await expectColumnInView(mobile, 'order-payouts');
    await expectColumnInView(mobile, 'order-line-items', 'Total');
    await mobile.getByTestId('order-transactions').scrollIntoViewIfNeeded();
    await shoot(mobile, 'layout-order-390');
    await phone.close();
  });

  it('shows inventory items with their offers', async () => {
    await page.goto('/data/inventory');
    await page.getByTestId('inventory').waitFor();
    await rows(page, 'inventory').first().getByRole('link').click();
    await page.getByTestId('inventory-offers').waitFor();
    expect(await page.getByTestId('inventory-offer-row').count()).toBeGreaterThan(0);
    await shoot(page, 'data-inventory');

    // Filters: condition and stock, counted as the API counts them.
    const fresh = await countAll(page, '/api/inventory?condition=NEW&inStock=true');
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThan(await countAll(page, '/api/inventory'));
    await page.goto('/data/inventory');
    await page.getByLabel('Condition').selectOption('NEW');
    await page.getByLabel('Stock').selectOption('true');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL((url) => url.searchParams.get('condition') === 'NEW' && url.searchParams.get('inStock') === 'true');
    await page.getByTestId('list-count').filter({ hasText: ` of ${fresh.toLocaleString('en-US')} ` }).waitFor();
  });

  it('opens a purchase from the list and shows its fields', async () => {
    const res = await call<{
      items: Array<{ purchaseId: string; title: string | null; itemId: string | null; sellerUsername: string | null }>;
    }>(page, 'GET', '/api/purchases?limit=1');
    const purchase = res.body.items[0];
    expect(purchase).toBeDefined();
    const { purchaseId, title, itemId, sellerUsername } = purchase ?? { purchaseId: '', title: null, itemId: null, sellerUsername: null };

    await page.goto('/data/purchases');
    await page.getByTestId('purchases').waitFor();
    await rows(page, 'purchases').first().getByRole('link', { name: title ?? purchaseId }).click();
    await page.waitForURL((url) => url.pathname === `/data/purchases/${encodeURIComponent(purchaseId)}`);
    const detail = page.getByTestId('purchase-detail');
    await detail.waitFor();
    await page.getByRole('heading', { level: 1, name: `Purchase ${purchaseId}` }).waitFor();
    const text = (await detail.textContent()) ?? '';
    for (const value of [title, itemId, sellerUsername]) if (value) expect(text).toContain(value);
    await page.getByText('No synced messages about this item.').waitFor();
    await page.getByRole('button', { name: 'Show raw eBay JSON' }).click();
    await page.getByTestId('raw-json').waitFor();
    expect(await page.getByTestId('raw-json').textContent()).toContain(itemId ?? purchaseId);
    await shoot(page, 'data-purchase-detail');

    await page.getByRole('link', { name: '← Purchases' }).click();
    await page.waitForURL((url) => url.pathname === '/data/purchases');
    await page.getByTestId('purchases').waitFor();
  });

  it('says plainly that an unknown order is not stored, with the way back to the list highlighted', async () => {
    await page.goto('/data/orders/does-not-exist');
    const empty = page.getByTestId('empty-state');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('Order does-not-exist is not in the synced data');
    expect(await page.getByTestId('error-alert').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const ordersLink = nav.getByRole('link', { name: 'Orders', exact: true });
    await expect.poll(() => ordersLink.getAttribute('aria-current')).toBe('true');
    await empty.getByRole('link', { name: 'Go to Orders' }).click();
    await page.waitForURL((url) => url.pathname === '/data/orders');
    // The sidebar follows the URL on its next render.
    await expect.poll(() => ordersLink.getAttribute('aria-current')).toBe('page');
  });

  it("explains filters in the page's address the server refuses, and resets them", async () => {
    await page.goto('/data/orders?accountId=nope&sort=cheapest');
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain("The filters in this page's address are not valid");
    expect(text).toContain('accountId');
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.waitForURL((url) => url.pathname === '/data/orders' && url.search === '');
    await rows(page, 'orders').first().waitFor();
    expect(await alert.count()).toBe(0);
  });

  it("cuts a long account label in the lists' and the API logs' Account column, whole on hover", async () => {
    const before = (await call<{ account: { label: string } }>(page, 'GET', `/api/ebay/accounts/${accountId}`)).body.account.label;
    const label = LONG_LABELS.unbroken;
    expect((await call(page, 'PATCH', `/api/ebay/accounts/${accountId}`, { label })).status).toBe(200);
    try {
      for (const [path, table] of [['/data/orders', 'orders'], ['/data/transactions', 'transactions'], ['/logs', 'logs-table']] as const) {
        await page.goto(path);
        const cell = page.getByTestId(table).getByTestId('account-label-cell').filter({ hasText: label }).first();
        await cell.waitFor();
        expect(await cell.getAttribute('title'), path).toBe(label);
        expect((await cell.boundingBox())?.width ?? 999, path).toBeLessThanOrEqual(181);
      }
      await shoot(page, 'layout-logs-long-label');
      // A select showing the account cuts its name at its width and names it whole on hover.
      for (const path of [`/data/orders?accountId=${accountId}`, `/logs?accountId=${accountId}`]) {
        await page.goto(path);
        const select = page.getByRole('combobox', { name: 'Account' });
        await expect.poll(() => select.getAttribute('title'), { timeout: 5000 }).toMatch(new RegExp(`^${label} \\(`));
        expect((await select.boundingBox())?.width ?? 999, path).toBeLessThanOrEqual(200);
      }
    } finally {
      await call(page, 'PATCH', `/api/ebay/accounts/${accountId}`, { label: before });
    }
  });

  it('lets a viewer browse data on a tablet', async () => {
    const created = await call(page, 'POST', '/api/admin/users', { ...viewer, role: 'viewer' });
    expect(created.status).toBe(201);
    const tablet = await newContext({ width: 768, height: 1024 });
    const viewerPage = await tablet.newPage();
    await signIn(viewerPage, viewer, '/data/orders');
    await viewerPage.getByTestId('orders').waitFor();
    expect(await rows(viewerPage, 'orders').count()).toBe(50);
    await shoot(viewerPage, 'data-orders-viewer-tablet');
    await viewerPage.goto('/data/payouts');
    await viewerPage.getByTestId('payouts').waitFor();
    await tablet.close();
  });
});
