import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
