import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent, launchBrowser, openContext, pageCall as call, screenshot, signIn } from './helpers/browser';
import { admin, freePort, startApiServer, type RunningApiServer } from './helpers/server';
import { LONG_LABELS } from './helpers/long-labels';

// One server (with the in-process eBay emulator) and one browser for the file; the tests run in order and
// share the admin's context: connect → terminal → logs → decline → viewer.
const viewer = { email: 'ebay-viewer@example.com', password: 'viewer-password-1' } as const;
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: RunningApiServer;
let browser: Browser | undefined;
let origin: string;
let adminContext: BrowserContext;
let page: Page;
let accountId = '';
let seller = '';
/** The second emulated seller, signed in to by mistake during a reconnect. */
let other = '';

beforeAll(async () => {
  server = await startApiServer({ EMULATOR_PORT: String(await freePort()), EMULATOR_ORDERS: '20' });
  // The OAuth callback goes to the server's public URL, http://localhost:<port>: use that origin for the cookie.
  origin = `http://localhost:${server.port}`;
  browser = await launchBrowser();
  adminContext = await newContext();
  page = await adminContext.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const newContext = (viewport = { width: 1280, height: 860 }): Promise<BrowserContext> => openContext(browser, origin, viewport);

const shoot = (p: Page, name: string): Promise<void> => screenshot(p, name, true);


/** Accounts page → Connect to eBay → Continue: ends on the emulator's consent page. */
async function openConsent(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Connect to eBay' }).first().click();
  const dialog = p.getByRole('dialog', { name: 'Connect to eBay' });
  await dialog.getByRole('radio', { name: /Emulator/ }).waitFor();
  expect(await dialog.getByRole('radio', { name: /Emulator/ }).isChecked()).toBe(true);
  expect(await dialog.getByRole('radio', { name: /production/ }).isDisabled()).toBe(true);
  await dialog.getByRole('button', { name: 'Continue to eBay' }).click();
  await p.waitForURL(/\/oauth2\/authorize/);
}

describe('eBay accounts, terminal and logs', () => {
  it('connects a seller through the emulator consent page', async () => {
    await signIn(page, admin, '/accounts');
    await page.getByTestId('empty-state').waitFor();
    // The server runs the emulator: the empty page says how to try it.
    expect(await page.getByTestId('empty-state').textContent()).toContain('Demo mode');
    // The demo's sellers keep selling (EMULATOR_LIVE_ORDERS_PER_DAY, 24 by default), and the page says so.
    expect(await page.getByTestId('empty-state').textContent()).toContain('about 24 new orders a day each');
    await openConsent(page);
    const radio = page.locator('input[name="seller"]').first();
    seller = (await radio.getAttribute('value')) ?? '';
    await radio.check();
    accountId = (await answerConsent(page, 'Agree')).get('connected') ?? '';
    expect(accountId).toMatch(uuidLike);

    const notice = page.getByTestId('connect-success');
    await notice.filter({ hasText: seller }).waitFor();
    // Shown once: the URL forgets the outcome, the notice stays until dismissed, and a reload does not bring it back.
    await page.waitForURL((url) => url.pathname === '/accounts' && url.search === '');
    expect(await notice.count()).toBe(1);
    const row = page.getByTestId(`account-row-${seller}`);
    await row.waitFor();
    expect(await row.getByTestId('account-status').textContent()).toBe('active');
    expect(await row.getByTestId('access-expires').textContent()).toMatch(/UTC.*in \d+ (h|min)/);
    expect(await row.getByTestId('has-refresh-token').textContent()).toBe('Stored');
    expect((await row.getByTestId('account-user-id').textContent())?.length).toBeGreaterThan(0);
    await shoot(page, 'ebay-accounts');
    await page.reload();
    await row.waitFor();
    expect(await notice.count()).toBe(0);
  });

  it('explains a dry-run refresh without refreshing', async () => {
    await page.getByRole('button', { name: /^Dry-run refresh of / }).click();
    const result = page.getByTestId('refresh-result');
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/Dry run for .+: a refresh would run/);
    expect(text).toMatch(/Access token expires \d{4}-\d\d-\d\d/);
    // Says plainly what would happen and why, in hours and minutes, not "valid for 7160s more".
    expect(await result.getByTestId('refresh-reason').textContent()).toMatch(
      /^The access token is valid for another (1 h )?\d+ min, so syncs keep using it until less than 5 min is left; a refresh would replace it now because you asked for it \(a forced refresh\)\.$/,
    );
    expect(text).not.toMatch(/\d+s\b/);
  });

  it('shows a refresh that just happened as "just now", never in the future', async () => {
    const row = page.getByTestId(`account-row-${seller}`);
    expect(await row.getByTestId('last-refresh').textContent()).toBe('Never');
    // The page's clock was read when it opened, seconds before this refresh.
    await page.waitForTimeout(2000);
    await row.getByRole('button', { name: /^Refresh token of / }).click();
    const result = page.getByTestId('refresh-result');
    await result.filter({ hasText: 'refreshed' }).waitFor();
    await row.getByTestId('last-refresh').filter({ hasNotText: 'Never' }).waitFor();
    expect(await row.getByTestId('last-refresh').textContent()).toBe('just now');
    // Said once, in the title: no stray "refreshed" line under it.
    expect(await result.locator('.mantine-Alert-title').textContent()).toBe(`Token of ${seller} refreshed`);
    expect((await result.textContent())?.match(/refreshed/g)).toHaveLength(1);
    expect(await result.getByTestId('refresh-reason').count()).toBe(0);
  });

  it('fits a long account label (up to 100 characters) in the accounts table and the Disconnect dialog', async () => {
    const row = page.getByTestId(`account-row-${seller}`);
    const rename = async (label: string) => {
      await row.getByRole('button', { name: /^Rename / }).click();
      const dialog = page.getByRole('dialog', { name: /^Rename / });
      await dialog.getByLabel(/^Label/).fill(label);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByTestId('account-label').filter({ hasText: label }).waitFor();
    };
    const labels = LONG_LABELS;
    expect(labels.unbroken).toHaveLength(100);
    try {
      for (const [name, label] of Object.entries(labels)) {
        await rename(label);
        // The label wraps inside its cell, which stays about as wide as its buttons.
        const cell = await row.getByTestId('account-label').evaluate((el) => {
          const td = (el.closest('td') as Element).getBoundingClientRect();
          const r = el.getBoundingClientRect();
          return { inside: r.left >= td.left - 1 && r.right <= td.right + 1, whole: el.scrollWidth <= el.clientWidth + 1, width: td.width };
        });
        expect(cell, name).toMatchObject({ inside: true, whole: true });
        expect(cell.width, name).toBeLessThan(360);

        await row.getByRole('button', { name: /^Disconnect / }).click();
        const dialog = page.getByRole('dialog', { name: /^Disconnect / });
        await dialog.getByRole('button', { name: 'Cancel' }).waitFor();
        // Measured once it has opened (it grows into place).
        await page.waitForFunction(() => {
          const content = document.querySelector('.mantine-Modal-content');
          const style = content && getComputedStyle(content);
          return style?.opacity === '1' && ['none', 'matrix(1, 0, 0, 1, 0, 0)'].includes(style.transform);
        });
        const fits = await dialog.evaluate((el) => {
          const content = el.closest('.mantine-Modal-content') ?? el;
          const box = content.getBoundingClientRect();
          const fitsIn = (part: Element) => {
            const r = part.getBoundingClientRect();
            return r.left >= box.left - 1 && r.right <= box.right + 1 && part.scrollWidth <= part.clientWidth + 1;
          };
          const title = content.querySelector('.mantine-Modal-title') as Element;
          const body = content.querySelector('.mantine-Modal-body') as Element;
          return {
            title: fitsIn(title),
            body: fitsIn(body) && [...body.querySelectorAll('p')].every(fitsIn),
            content: content.scrollWidth <= content.clientWidth + 1,
          };
        });
        expect(fits, name).toEqual({ title: true, body: true, content: true });
        // The whole label can be read there.
        expect(await dialog.locator('.mantine-Modal-title').textContent(), name).toBe(`Disconnect ${label}?`);
        await shoot(page, `ebay-accounts-long-label-${name}`);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'detached' });
      }
    } finally {
      await call(page, 'PATCH', `/api/ebay/accounts/${accountId}`, { label: seller });
    }
    await page.reload();
    await row.getByTestId('account-label').filter({ hasText: seller }).waitFor();
  });

  it('opens the terminal with the kept events and shows a token refresh live', async () => {
    const terminal = await adminContext.newPage();
    await terminal.goto('/terminal');
    await terminal.getByTestId('stream-status').getByText('Live').waitFor();
    // Opened without a filter, it shows what just happened first: the connect and the refresh of the test before.
    const refreshes = terminal.getByTestId('terminal-line-ebay.call').filter({ hasText: 'refreshToken' });
    await terminal.getByTestId('terminal-line-account.connected').first().waitFor();
    await refreshes.first().waitFor();
    await terminal.waitForTimeout(1500);
    const kept = await refreshes.count();
    const refreshed = await call(page, 'POST', `/api/ebay/accounts/${accountId}/refresh`);
    expect(refreshed.status).toBe(200);
    const line = refreshes.nth(kept);
    await line.waitFor();
    expect(await refreshes.count()).toBe(kept + 1);
    expect(await line.textContent()).toMatch(/POST\s+oauth refreshToken\s+200\s+\d+ ms/);
    await terminal.getByTestId('terminal-line-account.status').or(terminal.getByTestId('terminal-line-ebay.call')).first().waitFor();
    await shoot(terminal, 'ebay-terminal');

    // A call line opens its ledger detail on the logs page.
    await line.getByRole('link').click();
    await terminal.waitForURL(/\/logs\?id=\d+/);
    const detail = terminal.getByTestId('call-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('refreshToken');
    await terminal.close();
  });

  it('replays the kept events when the terminal\'s account or event type filter changes, each line once', async () => {
    const terminal = await adminContext.newPage();
    await terminal.goto('/terminal');
    await terminal.getByTestId('stream-status').getByText('Live').waitFor();
    const output = terminal.getByTestId('terminal-output');
    const lineIds = () => output.locator('[data-event-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id') ?? ''));
    const refreshes = terminal.getByTestId('terminal-line-ebay.call').filter({ hasText: 'refreshToken' });
    const connected = terminal.getByTestId('terminal-line-account.connected');
    const settled = async () => {
      await terminal.getByTestId('stream-status').getByText('Live').waitFor();
      await terminal.waitForTimeout(1500);
    };

    // The account's events happened before the terminal opened: choosing it replays them.
    await terminal.getByRole('combobox', { name: 'Account' }).selectOption(accountId);
    await connected.first().waitFor();
    await refreshes.first().waitFor();
    await settled();
    const ofAccount = await lineIds();
    expect(new Set(ofAccount).size).toBe(ofAccount.length);
    expect(await connected.count()).toBe(1);
    expect(await refreshes.count()).toBeGreaterThanOrEqual(2);
    await shoot(terminal, 'ebay-terminal-account-filter');

    // Only calls: the kept calls of the account, no other type.
    await terminal.getByRole('combobox', { name: 'Event type' }).selectOption('ebay.call');
    await connected.waitFor({ state: 'detached' });
    await refreshes.first().waitFor();
    await settled();
    const calls = await lineIds();
    expect(new Set(calls).size).toBe(calls.length);
    expect(calls.length).toBe(await output.getByTestId('terminal-line-ebay.call').count());
    expect(calls.length).toBeGreaterThanOrEqual(2);

    // Back to every type: the same events as before, once each, and a new one follows live.
    await terminal.getByRole('combobox', { name: 'Event type' }).selectOption('');
    await connected.first().waitFor();
    await settled();
    const again = await lineIds();
    expect(again).toEqual(ofAccount);
    const count = await refreshes.count();
    expect((await call(page, 'POST', `/api/ebay/accounts/${accountId}/refresh`)).status).toBe(200);
    await refreshes.nth(count).waitFor();
    await settled();
    const live = await lineIds();
    expect(new Set(live).size).toBe(live.length);
    expect(await refreshes.count()).toBe(count + 1);
    await terminal.close();
  });

  it('lists exchangeCode, getUser and refreshToken calls and opens one', async () => {
    await page.goto('/logs');
    const table = page.getByTestId('logs-table');
    await table.waitFor();
    for (const operation of ['exchangeCode', 'getUser', 'refreshToken']) {
      await page.getByTestId(`log-row-${operation}`).first().waitFor();
    }
    // eBay's id of each call is in its row (what eBay's support asks for).
    const ebayId = await page.getByTestId('log-row-getUser').first().getByTestId('ebay-request-id').getAttribute('title');
    expect(ebayId).toMatch(/^ri=\w+,rci=\w+$/);
    await page.getByTestId('log-row-getUser').first().click();
    const detail = page.getByTestId('call-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('getUser');
    expect(await detail.textContent()).toContain(ebayId);
    expect(await page.getByRole('button', { name: 'Copy URL' }).count()).toBe(1);
    await shoot(page, 'ebay-logs-detail');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('id')).toBe(false);

    // Filters go to the server: no 5xx calls happened.
    await page.getByRole('combobox', { name: 'Status' }).fill('5xx');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('empty-state').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    await table.waitFor();
    await shoot(page, 'ebay-logs');
    // The request id filter finds a call by eBay's id.
    await page.getByRole('textbox', { name: 'Request id' }).fill(ebayId ?? '');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="log-row-"]').length === 1);
    expect(await page.getByTestId('log-row-getUser').count()).toBe(1);
    await page.getByRole('button', { name: 'Reset' }).click();
  });

  it('shows a declined consent as an error with its code and request id', async () => {
    await page.goto('/accounts');
    await page.getByTestId(`account-row-${seller}`).waitFor();
    await openConsent(page);
    const landed = await answerConsent(page, 'Decline');
    expect(landed.get('error')).toBe('access_denied');
    const notice = page.getByTestId('connect-error');
    await notice.waitFor();
    expect(await notice.getByTestId('error-code').textContent()).toBe('access_denied');
    expect(await notice.getByTestId('error-request-id').textContent()).toBe(landed.get('requestId'));
    expect(landed.get('requestId')).toMatch(/\S{8,}/);
    await page.waitForURL((url) => url.pathname === '/accounts' && url.search === '');
    expect(await notice.count()).toBe(1);
    await shoot(page, 'ebay-accounts-declined');
    await page.reload();
    await page.getByTestId(`account-row-${seller}`).waitFor();
    expect(await notice.count()).toBe(0);
  });

  it('warns when a reconnect signs in to eBay as another seller', async () => {
    const disconnected = await call(page, 'DELETE', `/api/ebay/accounts/${accountId}`);
    expect(disconnected.status).toBe(200);
    await page.goto('/accounts');
    const row = page.getByTestId(`account-row-${seller}`);
    await row.getByTestId('account-status').filter({ hasText: 'revoked' }).waitFor();
    await row.getByRole('button', { name: /^Reconnect / }).click();
    await page.waitForURL(/\/oauth2\/authorize/);
    const radio = page.locator('input[name="seller"]').nth(1);
    other = (await radio.getAttribute('value')) ?? '';
    expect(other).not.toBe(seller);
    await radio.check();
    const landed = await answerConsent(page, 'Agree');
    expect(landed.get('reconnecting')).toBe(accountId);
    expect(landed.get('connected')).not.toBe(accountId);

    const warning = page.getByTestId('connect-mismatch');
    await warning.filter({ hasText: other }).waitFor();
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain(`You signed in to eBay as ${other}, not ${seller}`);
    expect(text).toContain(`${other} was connected as a separate account`);
    expect(text).toContain(`${seller} still needs reconnecting`);
    expect(await page.getByTestId('connect-success').count()).toBe(0);
    await page.getByTestId(`account-row-${other}`).waitFor();
    expect(await row.getByTestId('account-status').textContent()).toBe('revoked');
    await shoot(page, 'ebay-accounts-reconnect-mismatch');
  });

  it('says so when the seller signed in to by mistake was already connected here', async () => {
    const row = page.getByTestId(`account-row-${seller}`);
    await row.getByRole('button', { name: /^Reconnect / }).click();
    await page.waitForURL(/\/oauth2\/authorize/);
    await page.locator(`input[name="seller"][value="${other}"]`).check();
    const landed = await answerConsent(page, 'Agree');
    expect(landed.get('reconnecting')).toBe(accountId);

    const warning = page.getByTestId('connect-mismatch');
    await warning.filter({ hasText: other }).waitFor();
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain(`You signed in to eBay as ${other}, not ${seller}`);
    expect(text).toContain(`${other} was already connected here`);
    expect(text).not.toContain('was connected as a separate account');
    expect(text).toContain(`${seller} still needs reconnecting`);
    expect(await page.getByTestId('accounts-table').locator('tbody tr').count()).toBe(2);
    expect(await row.getByTestId('account-status').textContent()).toBe('revoked');
    await shoot(page, 'ebay-accounts-reconnect-mismatch-known');
  });

  it('deletes the synced data of a disconnected account, and leaves it out of the Account filters', async () => {
    const accountOptions = async (p: Page) => {
      const select = p.getByRole('combobox', { name: 'Account' });
      await select.locator('option').nth(1).waitFor({ state: 'attached' });
      return select.locator('option').allTextContents();
    };
    await page.goto('/logs');
    await page.getByTestId('logs-table').waitFor();
    expect((await accountOptions(page)).some((o) => o.includes(`(${seller})`))).toBe(true);

    await page.goto('/accounts');
    const row = page.getByTestId(`account-row-${seller}`);
    await row.getByRole('button', { name: /^Delete synced data of / }).click();
    const dialog = page.getByRole('dialog', { name: /^Delete the synced data of / });
    const confirm = (await dialog.getByTestId('purge-confirm').textContent()) ?? '';
    for (const what of ['orders', 'sync runs and schedules', 'API logs', 'live events', 'cannot be undone']) expect(confirm).toContain(what);
    await shoot(page, 'ebay-accounts-purge-confirm');
    await dialog.getByRole('button', { name: 'Delete synced data' }).click();
    await dialog.getByTestId('disconnect-result').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await row.getByTestId('account-purged').waitFor();
    // Nothing left to delete; the account stays listed, to be connected again.
    expect(await row.getByRole('button', { name: /^Delete synced data of / }).count()).toBe(0);
    await row.getByRole('button', { name: /^Reconnect / }).waitFor();

    for (const [path, ready] of [['/logs', 'logs-table'], ['/data/orders', 'empty-state'], ['/terminal', 'stream-status']] as const) {
      await page.goto(path);
      await page.getByTestId(ready).first().waitFor();
      const options = await accountOptions(page);
      expect(options.some((o) => o.includes(`(${other})`)), path).toBe(true);
      expect(options.some((o) => o.includes(`(${seller})`)), path).toBe(false);
    }
  });

  it('shows viewers the accounts read-only', async () => {
    const created = await call(page, 'POST', '/api/admin/users', { ...viewer, role: 'viewer' });
    expect(created.status).toBe(201);
    const context = await newContext({ width: 768, height: 1024 });
    const viewerPage = await context.newPage();
    await signIn(viewerPage, viewer, '/accounts');
    await viewerPage.getByTestId(`account-row-${seller}`).waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Connect to eBay' }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: /^Disconnect/ }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: /^Refresh token of/ }).count()).toBe(0);
    await shoot(viewerPage, 'ebay-accounts-viewer-tablet');
    await viewerPage.goto('/logs');
    await viewerPage.getByTestId('log-row-getUser').first().waitFor();
    await context.close();
  });
});
