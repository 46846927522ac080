import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const BASE = `http://localhost:${process.env.E2E_PORT}`;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One headless Chromium per test file (Debian's, never a downloaded one). */
export function setupBrowser(): { browser: () => Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { browser: () => browser! };
}

/**
 * A browser context. `consent`: the cookie choice the visitor already made (default: only
 * necessary, as a returning visitor — so the banner does not cover the page); null: a first
 * visit, with the banner.
 */
export async function newContext(
  browser: Browser,
  opts: { width?: number; height?: number; reducedMotion?: boolean; consent?: 'all' | 'necessary' | null; base?: string } = {},
): Promise<BrowserContext> {
  const base = opts.base ?? BASE;
  const context = await browser.newContext({
    baseURL: base,
    locale: 'en-US',
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference',
  });
  context.setDefaultTimeout(15_000);
  const consent = opts.consent === undefined ? 'necessary' : opts.consent;
  if (consent) await context.addCookies([{ name: 'levqor_consent', value: consent, url: base }]);
  return context;
}

type Messages = { [k: string]: string | Messages };
export function messages(locale: string): (key: string) => string {
  const tree = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}.json`), 'utf8')) as Messages;
  return (key) => {
    let node: string | Messages = tree;
    for (const part of key.split('.')) node = (node as Messages)[part]!;
    return node as string;
  };
}

export async function signIn(page: Page, email: string, password: string) {
  const t = messages('en');
  await page.goto('/sign-in');
  await page.getByLabel(t('Auth.email')).fill(email);
  await page.getByLabel(t('Auth.password')).fill(password);
  await page.getByRole('button', { name: t('Auth.submitSignIn'), exact: true }).click();
}

/** Sum of the gzip sizes of every script a page loads (Next 16 no longer prints it). */
export async function scriptWeight(page: Page, url: string): Promise<{ gzipBytes: number; scripts: number }> {
  const bodies: Promise<Buffer>[] = [];
  const onResponse = (res: Response) => {
    if (res.request().resourceType() === 'script') bodies.push(res.body().catch(() => Buffer.alloc(0)));
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  const all = await Promise.all(bodies);
  return { gzipBytes: all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), scripts: all.length };
}

/** Signs in over HTTP the way a browser form does; returns the session cookie header. */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return session.split(';')[0]!;
}
