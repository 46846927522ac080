import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { growthEvents } from '~/server/infra/db/schema';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const source = `e2e-growth-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await deps.db.delete(growthEvents).where(eq(growthEvents.source, source));
});

describe('growth intelligence page (G4, G5)', () => {
  it('an admin opens /admin/growth and sees the funnel table, its chart and the discount section', async () => {
    const admin = await makeUser(deps.db, { role: 'admin', password: 'growth-ui-admin-pw' });
    // Events of today (inside the default "last 30 days"), under a source of this test only.
    const now = new Date();
    await deps.db.insert(growthEvents).values([
      ...Array.from({ length: 3 }, () => ({ type: 'visit' as const, visitorHash: `v-${randomUUID()}`, source, occurredAt: now })),
      { type: 'signup', tenantId: admin.tenantId, source, occurredAt: now },
      { type: 'trial_start', tenantId: admin.tenantId, source, occurredAt: now },
      { type: 'conversion', tenantId: admin.tenantId, source, amountPence: 2900, occurredAt: now },
    ]);

    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, admin.email, 'growth-ui-admin-pw');
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: t('Nav.growth'), exact: true }).click();
    await page.waitForURL('**/admin/growth');
    await page.getByRole('heading', { level: 1, name: t('GrowthIntel.title') }).waitFor();

    // The funnel as an accessible table: caption, a row header per step.
    const funnel = page.getByRole('table', { name: /^Funnel from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/ });
    await funnel.waitFor();
    for (const step of ['visits', 'signups', 'trials', 'conversions']) {
      await expect(funnel.getByRole('rowheader', { name: t(`GrowthIntel.funnel.steps.${step}`) }).count()).resolves.toBe(1);
    }
    // A recharts chart next to it.
    await page.locator('[data-testid="growth-chart"] svg.recharts-surface').first().waitFor();
    await expect(page.locator('[data-testid="growth-chart"] .recharts-bar-rectangle').count()).resolves.toBeGreaterThan(0);

    // Our source in the ROI table; the retention grid; the discount section (auto-apply off here).
    await page.getByRole('table', { name: /^Results by source/ }).getByRole('rowheader', { name: source }).waitFor();
    await page.getByRole('table', { name: /^Retention of the 12 weekly cohorts/ }).waitFor();
    await page.getByTestId('auto-apply-off').waitFor();

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);

    // A shorter period from the picker refetches; the table follows.
    await page.getByLabel(t('GrowthIntel.preset')).selectOption('7');
    await funnel.waitFor();
    await context.close();
  });
});
