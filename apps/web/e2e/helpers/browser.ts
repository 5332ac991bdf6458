import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './server';

export const screenshotDir = join(repoRoot, 'artifacts', 'screenshots');

/**
 * Debian's Chromium, headless. Playwright gives every launch a fresh temporary profile of its own (it refuses
 * a `--user-data-dir` argument with `launch()`), and every test uses a fresh context on top of it.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context on `origin` (cookies are per origin: use the server's public URL). */
export async function openContext(
  browser: Browser | undefined,
  origin: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({ baseURL: origin, viewport });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Saves `artifacts/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

/** Signs in through the login page, deep-linked to `next`, and waits to land there. */
export async function signIn(page: Page, user: { email: string; password: string }, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^Email/).fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** Same-origin JSON request from the page (session cookie, Origin header), as the UI itself would send it. */
export async function pageCall<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as never };
    },
    { method, path, body },
  );
}

/**
 * Answers eBay's (the emulator's) consent page and waits for the accounts page's notice of the outcome. Returns the
 * parameters the OAuth callback redirected with (`connected`, or `error` and `requestId`, and `reconnecting`): the
 * page reads them once and then drops them from its URL.
 */
export async function answerConsent(page: Page, answer: 'Agree' | 'Decline'): Promise<URLSearchParams> {
  const landed = page.waitForRequest((r) => {
    const url = new URL(r.url());
    return url.pathname === '/accounts' && (url.searchParams.has('connected') || url.searchParams.has('error'));
  });
  await page.getByRole('button', { name: answer }).click();
  const params = new URL((await landed).url()).searchParams;
  await page.getByTestId('connect-success').or(page.getByTestId('connect-mismatch')).or(page.getByTestId('connect-error')).waitFor();
  return params;
}
