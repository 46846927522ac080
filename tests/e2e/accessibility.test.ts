import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseIsoWeek } from '~/server/domain/reports/iso-week';
import { runTenantReports } from '~/server/domain/reports/tenant';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, signIn, setupBrowser } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (overflow <= 0) return 0;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`);
    return `${overflow}px: ${wide.join(' | ')}`;
  });
}

describe('accessibility and responsiveness', () => {
  it.each(['/', '/sign-in', '/sign-up', '/forgot-password', '/contact'])('%s has no serious or critical axe violation', async (path) => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('the dashboard and workflow list have no serious or critical axe violation', async () => {
    const user = await makeUser(deps.db, { password: 'axe-test-password' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, user.email, 'axe-test-password');
    await page.waitForURL('**/dashboard');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/dashboard/workflows');
    await page.getByTestId('workflows-empty').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('fits a 375 px wide phone without sideways scrolling', async () => {
    const user = await makeUser(deps.db, { password: 'phone-test-password' });
    const context = await newContext(browser(), { width: 375, height: 812 });
    const page = await context.newPage();
    const headerHeight = async (p = page) => (await p.locator('header').first().boundingBox())!.height;
    for (const path of ['/', '/sign-in', '/sign-up']) {
      await page.goto(path);
      expect(await horizontalOverflow(page), path).toBe(0);
      // The public header takes at most two rows on a phone.
      expect(await headerHeight(), path).toBeLessThanOrEqual(100);
    }
    // Longer words in other languages too (a context of its own: visiting them sets the locale).
    const other = await newContext(browser(), { width: 375, height: 812 });
    const otherPage = await other.newPage();
    for (const path of ['/de', '/hi/pricing', '/fr/sign-in']) {
      await otherPage.goto(path);
      expect(await horizontalOverflow(otherPage), path).toBe(0);
      expect(await headerHeight(otherPage), path).toBeLessThanOrEqual(100);
    }
    await other.close();
    await signIn(page, user.email, 'phone-test-password');
    await page.waitForURL('**/dashboard');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await headerHeight()).toBeLessThanOrEqual(100);
    // Every section of the dashboard navigation is on screen (no hidden sideways scroll).
    const nav = page.getByRole('navigation', { name: t('Nav.dashboardSections') });
    const links = await nav.getByRole('link').all();
    expect(links.length).toBeGreaterThanOrEqual(9);
    for (const link of links) {
      const box = (await link.boundingBox())!;
      expect({ link: await link.textContent(), right: box.x + box.width <= 375, left: box.x >= 0 }).toMatchObject({ right: true, left: true });
    }
    // The weekly reports page, with a stored report, fits too.
    const week = `20${40 + Math.floor(Math.random() * 50)}-W${String(10 + Math.floor(Math.random() * 40)).padStart(2, '0')}`;
    await runTenantReports({ db: deps.db, now: () => new Date(parseIsoWeek(week).end.getTime() + 60_000) }, { week });
    await nav.getByRole('link', { name: t('Nav.weeklyReports') }).click();
    await page.waitForURL('**/dashboard/reports');
    await page.getByTestId('report-latest').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The workflows list keeps Open and Delete on screen, however long the name.
    await callerFor(deps, user).workflows.create({
      name: 'A workflow with a rather long name that would push its buttons away',
      steps: [{ id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } }],
    });
    await page.goto('/dashboard/workflows');
    const row = page.getByTestId('workflow-row').first();
    for (const name of [t('Workflows.open'), t('Common.delete')]) {
      const box = (await row.getByRole(name === t('Workflows.open') ? 'link' : 'button', { name, exact: true }).boundingBox())!;
      expect({ name, inside: box.x >= 0 && box.x + box.width <= 375 }).toEqual({ name, inside: true });
    }
    expect(await horizontalOverflow(page)).toBe(0);
    await context.close();
  });

  it('can be used with the keyboard: skip link, form, dialog with Escape', async () => {
    const user = await makeUser(deps.db, { password: 'keyboard-password' });
    const context = await newContext(browser(), { reducedMotion: true });
    const page = await context.newPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(t('Common.skipToContent'));

    await page.goto('/sign-in');
    await page.getByLabel(t('Auth.email')).focus();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('keyboard-password');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard');

    await page.goto('/dashboard/workflows');
    await page.getByRole('button', { name: t('Workflows.new') }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t('Workflows.createTitle') });
    await dialog.waitFor();
    // Focus moved into the dialog; typing fills its first field.
    await page.keyboard.type('Keyboard workflow');
    await expect(page.getByLabel(t('Workflows.name')).inputValue()).resolves.toBe('Keyboard workflow');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await context.close();
  });
});
