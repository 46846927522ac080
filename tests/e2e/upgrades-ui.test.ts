import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { upgradePlans } from '~/server/infra/db/schema';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k]));

describe('upgrade plans (SPEC P7)', () => {
  it('an admin reads a plan worded from its figures on a phone, and moves it by hand', async () => {
    const endpoint = `trpc:reports.slow${crypto.randomUUID().slice(0, 6)}`;
    const now = new Date();
    await deps.db.insert(upgradePlans).values({
      kind: 'slow_endpoint',
      subject: endpoint,
      fingerprint: `slow_endpoint:${endpoint}`,
      priority: 1,
      category: 'performance',
      risk: 'low',
      source: 'anomaly:slow_endpoint',
      evidence: { maxMs: 7421, requests: 88, thresholdMs: 2000 },
      firstSeenAt: now,
      lastSeenAt: now,
    });
    const admin = await makeUser(deps.db, { role: 'admin', password: 'planner-admin-1' });
    const context = await newContext(browser(), { width: 375, height: 740 });
    const page = await context.newPage();
    await signIn(page, admin.email, 'planner-admin-1');
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: t('Nav.upgrades') }).first().click();
    await page.getByRole('heading', { name: t('Planner.title'), level: 1 }).waitFor();

    const card = page.getByTestId('upgrade-plan').filter({ hasText: endpoint });
    await card.getByRole('heading', { name: fill(t('Planner.kinds.slow_endpoint.title'), { subject: endpoint }) }).waitFor();
    await expect(card.textContent()).resolves.toContain(t('Planner.designOnly'));
    await expect(card.textContent()).resolves.toMatch(/7,?421 ms/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(violations.map((v) => v.id)).toEqual([]);

    await card.getByLabel(t('Planner.moveTo')).selectOption('in_progress');
    await card.getByRole('button', { name: t('Planner.move') }).click();
    await page.getByText(fill(t('Planner.moved'), { status: t('Planner.statuses.in_progress') })).waitFor();
    await page.locator(`[data-testid="upgrade-plan"][data-status="in_progress"]`).filter({ hasText: endpoint }).waitFor();
    await context.close();
  });
});
