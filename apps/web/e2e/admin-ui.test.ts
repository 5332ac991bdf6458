import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionResponse } from '@ebay-connector/contract';
import { launchBrowser, screenshotDir } from './helpers/browser';
import { admin, startApiServer, type RunningApiServer } from './helpers/server';

// One server and one browser for the file; the tests run in order and the admin flow shares one page.
const viewer = { email: 'viewer@example.com', password: 'viewer-password-1' } as const;
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: RunningApiServer;
let browser: Browser | undefined;
let adminPage: Page;

beforeAll(async () => {
  server = await startApiServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh browser context (no cookies). */
async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({ baseURL: server.url, viewport });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel(/^Email/).fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('signed out', () => {
  it('asks the server once who is signed in, and does not ask again on the login page', async () => {
    for (const path of ['/dashboard', '/login']) {
      const page = await newPage();
      const asked: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/auth/me') asked.push(r.url());
      });
      await page.goto(path);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      // Neither a retry, nor coming back to the tab, asks again.
      await page.waitForTimeout(1500);
      await page.evaluate(() => {
        document.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new Event('focus'));
      });
      await page.waitForTimeout(500);
      expect(asked, path).toHaveLength(1);
      await page.context().close();
    }
  });
});

describe('login page', () => {
  let page: Page;
  const scripts: Array<{ url: string; encoding: string | undefined; cache: string | undefined; bytes: number }> = [];
  beforeAll(async () => {
    page = await newPage();
    page.on('response', (res) => {
      if (/\/assets\/[^/]+\.js$/.test(res.url())) {
        const headers = res.headers();
        scripts.push({
          url: res.url(),
          encoding: headers['content-encoding'],
          cache: headers['cache-control'],
          bytes: Number(headers['content-length']),
        });
      }
    });
    await page.goto('/login');
  });

  it('loads the UI scripts compressed and cacheable for good', async () => {
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Every script but the tiny runtime (under 1 KB, not worth a compressed copy) comes compressed.
    expect(scripts.filter((s) => s.encoding !== undefined).length).toBeGreaterThanOrEqual(4);
    for (const s of scripts) {
      if (s.encoding === undefined) expect(s.bytes).toBeLessThan(1024);
      else expect(['br', 'gzip']).toContain(s.encoding);
      expect(s.cache).toBe('public, max-age=31536000, immutable');
    }
  });

  it('does not load the chart library, which only the dashboard uses', async () => {
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const names = scripts.map((s) => new URL(s.url).pathname.split('/').pop() ?? '');
    expect(names.some((n) => n.startsWith('mantine-'))).toBe(true);
    expect(names.filter((n) => n.startsWith('charts-') || n.startsWith('orders-chart-'))).toEqual([]);
  });

  it('validates the form before sending it', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your email address').waitFor();
    await page.getByText('Enter your password').waitFor();
    await shoot(page, 'login');
  });

  it('shows a wrong password as one message with its request id, without an error code', async () => {
    await signIn(page, { email: admin.email, password: 'not-the-password' });
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Email or password is not correct');
    // Said once, not as a heading and again as the message.
    expect(text.match(/not correct|incorrect|wrong/gi)).toHaveLength(1);
    expect(await alert.getByTestId('error-code').count()).toBe(0);
    expect(text).not.toContain('unauthenticated');
    expect(await alert.getByTestId('error-request-id').textContent()).toMatch(uuidLike);
    await shoot(page, 'login-error');
  });

  it('shows the rate-limit message with the time to wait', async () => {
    const target = { email: 'nobody@example.com', password: 'wrong-password' };
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 429; attempt++) {
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login');
      await signIn(page, target);
      status = (await answered).status();
    }
    expect(status).toBe(429);
    const alert = page.getByTestId('error-alert');
    await alert.getByText('Too many failed sign-in attempts').waitFor();
    expect(await page.getByTestId('retry-countdown').textContent()).toMatch(/^You can try again in \d+ (seconds?|minutes?)\.$/);
    expect(await alert.getByTestId('error-code').count()).toBe(0);
    expect(await alert.getByTestId('error-request-id').textContent()).toMatch(uuidLike);
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    await shoot(page, 'login-rate-limited');
  });
});

describe('admin', () => {
  it('is sent from a deep link to the login page and back after signing in', async () => {
    adminPage = await newPage();
    await adminPage.goto('/admin/users');
    await adminPage.waitForURL(/\/login\?next=%2Fadmin%2Fusers$/);
    await signIn(adminPage, admin);
    await adminPage.waitForURL(`${server.url}/admin/users`);
    await adminPage.getByTestId(`user-row-${admin.email}`).waitFor();
  });

  it('creates a viewer; a duplicate email shows its code and request id', async () => {
    const page = adminPage;
    await page.getByRole('button', { name: 'Add user' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel(/^Email/).fill(viewer.email);
    await dialog.getByLabel(/^Initial password/).fill('short');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText(/Password must be at least 10 characters/).waitFor();
    await dialog.getByLabel(/^Initial password/).fill(viewer.password);
    await dialog.getByLabel(/^Role/).selectOption('viewer');
    await shoot(page, 'admin-create-user');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId(`user-row-${viewer.email}`);
    await row.waitFor();
    expect(await row.getByLabel(`Role of ${viewer.email}`).inputValue()).toBe('viewer');

    await page.getByRole('button', { name: 'Add user' }).first().click();
    await dialog.getByLabel(/^Email/).fill(viewer.email);
    await dialog.getByLabel(/^Initial password/).fill('another-password-1');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByTestId('error-alert').waitFor();
    expect(await dialog.getByTestId('error-code').textContent()).toBe('conflict');
    expect(await dialog.getByTestId('error-request-id').textContent()).toMatch(uuidLike);
    await shoot(page, 'admin-duplicate-user-error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('describes each role as the API grants it', async () => {
    const page = adminPage;
    expect(await page.getByText(/operators run syncs/i).count()).toBe(0);
    const text = async (role: string) => (await page.getByTestId(`role-description-${role}`).textContent()) ?? '';
    expect(await text('viewer')).toContain('Reads everything');
    expect(await text('operator')).toContain(
      "connects, relabels and disconnects eBay accounts (a disconnect can also delete the account's synced data)",
    );
    expect(await text('operator')).toContain('starts and stops syncs and edits schedules');
    expect(await text('admin')).toContain('adds users, changes their roles, disables and enables them');
  });

  it('changes a role and disables (after a confirmation) / enables a user', async () => {
    const page = adminPage;
    const row = page.getByTestId(`user-row-${viewer.email}`);
    const role = row.getByLabel(`Role of ${viewer.email}`);
    await role.selectOption('operator');
    const patches: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => {
      if (r.method() === 'PATCH') patches.push(r.url());
    };
    page.on('request', onRequest);
    const confirm = page.getByRole('dialog', { name: 'Disable user' });
    await row.getByRole('button', { name: `Disable ${viewer.email}` }).click();
    await confirm.waitFor();
    const said = (await confirm.textContent()) ?? '';
    expect(said).toContain(`Disable ${viewer.email}?`);
    expect(said).toContain('Every session of this user ends at once');
    expect(said).toContain('cannot sign in until an admin enables the account again');
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await shoot(page, 'admin-disable-user-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(patches).toEqual([]);
    expect(await row.getByText('Active').count()).toBe(1);
    await row.getByRole('button', { name: `Disable ${viewer.email}` }).click();
    await confirm.getByRole('button', { name: 'Disable user' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('Disabled').waitFor();
    expect(patches).toHaveLength(1);
    page.off('request', onRequest);
    await page.reload();
    await row.getByText('Disabled').waitFor();
    expect(await role.inputValue()).toBe('operator');
    await row.getByRole('button', { name: `Enable ${viewer.email}` }).click();
    await row.getByText('Active').waitFor();
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/admin/users/'));
    await role.selectOption('viewer');
    expect((await saved).status()).toBe(200);
    expect(await role.inputValue()).toBe('viewer');
    await shoot(page, 'admin-users');
  });

  it('shows system health and the build number in the footer', async () => {
    const page = adminPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'System health' }).click();
    await page.getByTestId('db-migration').waitFor();
    expect(await page.getByTestId('db-migration').textContent()).toMatch(/up to date/);
    expect(await page.getByTestId('db-status').textContent()).toBe('Healthy');

    const version = (await (await fetch(`${server.url}/api/version`)).json()) as VersionResponse;
    const text = (await page.getByTestId('build-info').textContent()) ?? '';
    expect(text).toContain(`v${version.version}`);
    expect(text).toContain(`commit ${version.commit.slice(0, 7)}`);
    // The build time when the server knows it, and no "built unknown" when it does not.
    if (Number.isNaN(Date.parse(version.builtAt))) expect(text).not.toContain('built');
    else expect(text).toContain(' · built ');
    await shoot(page, 'admin-system');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    expect(await page.getByTestId('whoami-email').textContent()).toBe(admin.email);
    await page.getByTestId('db-status').waitFor();
    // No account yet: the home page shows the first steps, the first one not done, with the way to do it.
    await page.getByTestId('getting-started').waitFor();
    expect(await page.getByTestId('step-connect').getAttribute('data-done')).toBe('false');
    expect(await page.getByTestId('step-sync').getAttribute('data-done')).toBe('false');
    await shoot(page, 'home');
    await page.getByRole('link', { name: 'Connect an account' }).click();
    await page.waitForURL((url) => url.pathname === '/accounts');
    await page.getByRole('button', { name: 'Connect to eBay' }).first().waitFor();
  });

  it('is sent to the login page when the session ends, and back after signing in', async () => {
    const page = adminPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users & roles' }).click();
    await page.getByTestId('users-table').waitFor();
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Add user' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel(/^Email/).fill('late@example.com');
    await dialog.getByLabel(/^Initial password/).fill('late-password-1');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers$/);
    await signIn(page, admin);
    await page.waitForURL(`${server.url}/admin/users`);
    await page.getByTestId('users-table').waitFor();
  });

  it('changes its own password: other sessions end, this one stays, the new password signs in', async () => {
    const page = adminPage;
    const next = 'admin-password-2';
    const other = await newPage();
    await other.goto('/login');
    await signIn(other, admin);
    await other.waitForURL(`${server.url}/`);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('change-password').click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    const submit = dialog.getByRole('button', { name: 'Change password' });
    // Checked in the browser first: length and the repeated password.
    await dialog.getByLabel(/^Current password/).fill(admin.password);
    await dialog.getByLabel(/^New password/).fill('short');
    await submit.click();
    await dialog.getByText('Password must be at least 10 characters').waitFor();
    await dialog.getByLabel(/^New password/).fill(next);
    await dialog.getByLabel(/^Confirm new password/).fill(`${next}x`);
    await submit.click();
    await dialog.getByText('The two new passwords differ').waitFor();
    // The server's answer about a wrong current password lands on that field.
    await dialog.getByLabel(/^Confirm new password/).fill(next);
    await dialog.getByLabel(/^Current password/).fill('not-the-password');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/auth/password'));
    await submit.click();
    expect((await refused).status()).toBe(422);
    const current = dialog.getByLabel(/^Current password/);
    await dialog.getByText('The current password is not correct').waitFor();
    expect(await current.getAttribute('data-invalid')).toBe('true');
    expect(await dialog.getByTestId('error-alert').count()).toBe(0);
    await shoot(page, 'change-password-wrong-current');

    // The server refuses the current password as the new one, on the new-password field.
    await current.fill(admin.password);
    const newPassword = dialog.getByLabel(/^New password/);
    await newPassword.fill(admin.password);
    await dialog.getByLabel(/^Confirm new password/).fill(admin.password);
    const same = page.waitForResponse((r) => r.url().endsWith('/api/auth/password'));
    await submit.click();
    expect((await same).status()).toBe(422);
    await dialog.getByText('The new password must differ from the current one').waitFor();
    expect(await newPassword.getAttribute('data-invalid')).toBe('true');
    expect(await dialog.getByTestId('error-alert').count()).toBe(0);
    expect(await page.getByTestId('password-changed').count()).toBe(0);
    await shoot(page, 'change-password-same-as-current');

    await newPassword.fill(next);
    await dialog.getByLabel(/^Confirm new password/).fill(next);
    const changed = page.waitForResponse((r) => r.url().endsWith('/api/auth/password'));
    await submit.click();
    expect((await changed).status()).toBe(204);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('password-changed').getByText('Password changed').waitFor();
    await shoot(page, 'change-password-done');
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(200);
    expect(await other.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
    await other.context().close();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${server.url}/login`);
    await signIn(page, { email: admin.email, password: admin.password });
    await page.getByTestId('error-alert').getByText('Email or password is not correct').waitFor();
    await signIn(page, { email: admin.email, password: next });
    await page.waitForURL(`${server.url}/`);
    expect(await page.getByTestId('whoami-email').textContent()).toBe(admin.email);
  });

  it('signs out and then needs to sign in again', async () => {
    const page = adminPage;
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${server.url}/login`);
    await page.goto('/admin/system');
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fsystem$/);
  });
});

describe('viewer', () => {
  it('signs in, lands on home and sees no admin pages, without a login loop (tablet width)', async () => {
    const page = await newPage({ width: 768, height: 1024 });
    await page.goto('/login');
    await signIn(page, viewer);
    await page.waitForURL(`${server.url}/`);
    expect(await page.getByTestId('whoami-email').textContent()).toBe(viewer.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).waitFor();
    expect(await page.getByTestId('nav-section-admin').count()).toBe(0);
    await shoot(page, 'viewer-home-tablet');

    await page.goto('/admin/users');
    await page.getByTestId('permission-denied').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    await shoot(page, 'viewer-permission-denied');

    // The API agrees: a viewer gets 403, not 401.
    const status = await page.evaluate(async () => (await fetch('/api/admin/users')).status);
    expect(status).toBe(403);
  });
});

describe('a disabled user', () => {
  it('is sent to the login page with the reason, and told at sign-in only after the right password', async () => {
    const signedIn = await newPage();
    await signedIn.goto('/login');
    await signIn(signedIn, viewer);
    await signedIn.waitForURL(`${server.url}/`);

    const page = await newPage();
    await page.goto('/admin/users');
    await signIn(page, { email: admin.email, password: 'admin-password-2' });
    await page.waitForURL(`${server.url}/admin/users`);
    const row = page.getByTestId(`user-row-${viewer.email}`);
    await row.getByRole('button', { name: `Disable ${viewer.email}` }).click();
    await page.getByRole('dialog', { name: 'Disable user' }).getByRole('button', { name: 'Disable user' }).click();
    await row.getByText('Disabled').waitFor();
    await page.context().close();

    // The viewer's next request finds the session ended; the login page says why.
    await signedIn.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API logs' }).click();
    await signedIn.waitForURL((url) => url.pathname === '/login');
    const notice = signedIn.getByTestId('account-disabled');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Your account was disabled by an administrator');
    expect(await notice.getByTestId('error-code').count()).toBe(0);
    await shoot(signedIn, 'login-account-disabled');

    // Without the password nothing tells a disabled account from a wrong password or an unknown email.
    await signIn(signedIn, { email: viewer.email, password: 'not-the-password' });
    const alert = signedIn.getByTestId('error-alert');
    await alert.getByText('Email or password is not correct').waitFor();
    expect(await signedIn.getByTestId('account-disabled').count()).toBe(0);
    await signIn(signedIn, viewer);
    await alert.getByText('Your account is disabled').waitFor();
    expect(await alert.textContent()).toContain('You cannot sign in until an administrator enables it again.');
    expect(new URL(signedIn.url()).pathname).toBe('/login');
    await shoot(signedIn, 'login-disabled-account');
    await signedIn.context().close();
  });
});
