/**
 * Browser tests: Debian's Chromium driven by playwright-core (no downloaded browser). `browserUnavailable()` says
 * why a browser test cannot run here (null when it can); in CI that is a failure, elsewhere a skip.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../config/paths.js';
import { WEB_ROOT } from '../server/serve.js';

/** The browser: $PARALLAX_CHROMIUM, else Debian's package (`apt-get install -y chromium`). */
export const CHROMIUM = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';

/** Where browser tests save screenshots (git-ignored). */
export const SCREENSHOTS = join(REPO_ROOT, 'test-output', 'e2e');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Why the browser tests cannot run (no Chromium, no built web UI), or null. */
export function browserUnavailable(): string | null {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    return `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set PARALLAX_CHROMIUM)`;
  }
  if (!existsSync(join(WEB_ROOT, 'index.html'))) return `the web UI is not built (${join(WEB_ROOT, 'index.html')} is missing; npm run build makes it)`;
  return null;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * What went wrong in a page that no assertion looks at: console errors and warnings, uncaught exceptions, failed
 * requests, and any request that leaves the server's origin (the UI must work offline).
 */
export function watchPage(page: Page, origin: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`external request: ${url}`);
  });
  return { problems };
}
