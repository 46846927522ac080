import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { newContext, scriptWeight, signIn, setupBrowser } from './browser';

/**
 * Page weight as the browser sees it (SPEC §6): gzip bytes of all scripts a page loads.
 * Budgets: 150 kB for public pages, 230 kB for the dashboard. Sizes are deterministic for a
 * build, so this is a budget check, not a timing.
 */
const { browser } = setupBrowser();
const deps = setupTestDeps();
const KB = 1024;

describe('page weight', () => {
  it('keeps public pages and the dashboard within budget', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const results: Record<string, number> = {};
    for (const path of ['/', '/sign-in', '/sign-up']) {
      results[path] = (await scriptWeight(page, path)).gzipBytes;
    }
    const user = await makeUser(deps.db, { password: 'weight-password' });
    await signIn(page, user.email, 'weight-password');
    await page.waitForURL('**/dashboard');
    const fresh = await context.newPage();
    results['/dashboard'] = (await scriptWeight(fresh, '/dashboard')).gzipBytes;
    results['/dashboard/workflows'] = (await scriptWeight(fresh, '/dashboard/workflows')).gzipBytes;
    console.log(
      `[page weight] ${Object.entries(results)
        .map(([p, b]) => `${p}: ${(b / KB).toFixed(1)} kB`)
        .join(', ')}`,
    );
    for (const p of ['/', '/sign-in', '/sign-up']) expect(results[p]!, p).toBeLessThanOrEqual(150 * KB);
    expect(results['/dashboard']!).toBeLessThanOrEqual(230 * KB);
    await context.close();
  });
});
