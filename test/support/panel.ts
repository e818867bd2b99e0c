import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/**
 * Helpers for back-office tests in Chromium (playwright-core): sessions that collect CSP errors,
 * sign-in through the login form, screenshots into test-artifacts/.
 */

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SESSION_COOKIE = 'creatorops.sid';

export function launchChromium(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PanelSession {
  context: BrowserContext;
  page: Page;
  /** Console errors the policy caused ("Refused to ... Content Security Policy"). */
  cspErrors: string[];
}

export async function newPanelSession(browser: Browser): Promise<PanelSession> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/content security policy|refused to (load|execute|apply|evaluate)/i.test(message.text())) cspErrors.push(message.text());
  });
  return { context, page, cspErrors };
}

/**
 * Closes the sessions a test opened (emptying the list), after checking the content-security
 * policy refused nothing the panel's own pages needed.
 */
export async function closePanelSessions(sessions: PanelSession[]): Promise<void> {
  for (const session of sessions.splice(0)) {
    expect(session.cspErrors).toEqual([]);
    await session.context.close();
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForLoadState('load'), page.locator('form button').click()]);
}
