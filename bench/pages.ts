/**
 * Page weight and lab LCP (SPEC §6), measured in Debian's Chromium against the production web server:
 * gzip bytes of every script a page loads (Next 16's build no longer prints it) and the
 * largest-contentful-paint of the dashboard, median of several cold loads.
 * Targets: public pages (home, pricing, sign-in) <= 150 kB, dashboard <= 230 kB, dashboard
 * LCP <= 1.2 s.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { drizzle } from 'drizzle-orm/postgres-js';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import postgres from 'postgres';
import { hashPassword } from '../src/server/domain/accounts/password';
import { createTenantWithOwner } from '../src/server/domain/accounts/signup';
import * as schema from '../src/server/infra/db/schema';
import { BENCH_ENV } from './lib/server';
import { check, type Bench } from './lib/types';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const LOADS = 5;
const KB = 1024;

async function createBenchUser(): Promise<{ email: string; password: string }> {
  const sql = postgres(BENCH_ENV.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(sql, { schema, casing: 'snake_case' });
    const email = `pages-${randomUUID().slice(0, 8)}@bench.levqor.local`;
    const password = 'bench-pages-password';
    await createTenantWithOwner({ db }, { name: 'Bench User', email, passwordHash: await hashPassword(password), companyName: 'Bench Ltd' });
    return { email, password };
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/** Loads `url` in a fresh page and returns the gzip size of its scripts and its LCP. */
async function measurePage(browser: Browser, baseUrl: string, path: string, cookies: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', viewport: { width: 1280, height: 800 }, ...cookies });
  const page: Page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (res: Response) => {
    if (res.request().resourceType() === 'script') bodies.push(res.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(Number.NaN), 3000);
      }),
  );
  const gzip = (await Promise.all(bodies)).reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  await context.close();
  return { gzip, lcp };
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : Number.NaN;
};

export const pages: Bench = {
  name: 'pages',
  description: 'page weight (gzip JS) and dashboard LCP in Chromium',
  needsServer: true,
  async run({ server, log }) {
    if (!server) throw new Error('the pages benchmark needs the server');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const user = await createBenchUser();
      const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByLabel('E-mail').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL('**/dashboard');
      const storageState = await context.storageState();
      await context.close();

      const targets = [
        { path: '/', budget: 150, signedIn: false },
        { path: '/pricing', budget: 150, signedIn: false },
        { path: '/sign-in', budget: 150, signedIn: false },
        { path: '/dashboard', budget: 230, signedIn: true },
      ];
      const rows: { path: string; gzipKb: number; lcpMs: number; budget: number }[] = [];
      for (const t of targets) {
        const runs = [];
        for (let i = 0; i < LOADS; i++) runs.push(await measurePage(browser, server.baseUrl, t.path, t.signedIn ? { storageState } : {}));
        rows.push({ path: t.path, gzipKb: median(runs.map((r) => r.gzip)) / KB, lcpMs: median(runs.map((r) => r.lcp)), budget: t.budget });
        log(`${t.path}: ${rows.at(-1)!.gzipKb.toFixed(1)} kB, LCP ${rows.at(-1)!.lcpMs.toFixed(0)} ms`);
      }
      const table = [
        'page           scripts (gzip)  budget   lab LCP (median of 5)',
        '-------------  --------------  -------  ---------------------',
        ...rows.map((r) => `${r.path.padEnd(13)}  ${`${r.gzipKb.toFixed(1)} kB`.padStart(14)}  ${`${r.budget} kB`.padStart(7)}  ${`${r.lcpMs.toFixed(0)} ms`.padStart(21)}`),
      ].join('\n');
      const dashboard = rows.find((r) => r.path === '/dashboard')!;
      return {
        table,
        checks: [
          ...rows.map((r) => check(`${r.path} scripts gzip (kB)`, r.gzipKb, '<=', r.budget)),
          check('/dashboard lab LCP (ms)', dashboard.lcpMs, '<=', 1200),
        ],
        data: { rows, loads: LOADS },
      };
    } finally {
      await browser.close();
    }
  },
};
