import { describe, expect, it } from 'vitest';
import { USAGE_LIMITS } from '~/server/domain/billing/limits';
import { recordUsage } from '~/server/domain/usage/ledger';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

/**
 * SPEC P3 in the browser: a trial workspace at its monthly run limit sees it on the dashboard
 * (figures, the banner, the upgrade button), "Run now" answers with the limit and when it resets,
 * on a phone; an admin finds the workspace on the usage page.
 */
describe('usage limits in the dashboard', () => {
  it('shows a workspace at its run limit, refuses Run now with the reason, and lists it for admins', async () => {
    const user = await makeUser(deps.db, { password: 'usage-ui-password' });
    const current = await loadCurrentUser({ db: deps.db }, user.id);
    const wf = await createWorkflow({ db: deps.db }, current!, {
      name: 'Usage UI workflow',
      description: '',
      steps: [
        { id: 'go', name: 'Go', type: 'webhook_trigger', config: { method: 'POST' } },
        { id: 'note', name: 'Note', type: 'log', config: { message: 'hi', level: 'info' } },
      ] as never,
    });
    const limit = USAGE_LIMITS.trial.workflow_run;
    // The month's runs, as the ledger records them.
    await recordUsage(deps.db, { tenantId: user.tenantId, meter: 'workflow_run', quantity: limit, key: `run:e2e-${crypto.randomUUID()}`, at: new Date() });

    const context = await newContext(browser(), { width: 375, height: 800 });
    const page = await context.newPage();
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    await signIn(page, user.email, 'usage-ui-password');
    await page.waitForURL('**/dashboard');
    const panel = page.getByTestId('usage-panel');
    await panel.getByTestId('usage-workflow_run').waitFor();
    await expect(panel.getByTestId('usage-workflow_run').getByTestId('usage-figures').textContent()).resolves.toBe(`${limit} of ${limit}`);
    const banner = panel.getByTestId('usage-limit-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain(t('Usage.meters.workflow_run'));
    // The panel fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await banner.getByRole('link', { name: t('Usage.upgrade') }).click();
    await page.waitForURL('**/dashboard/billing');
    await page.getByTestId('usage-panel').waitFor();

    await page.goto(`/dashboard/workflows/${wf.id}`);
    await page.getByTestId('run-now').click();
    await expect(page.getByText(/used all 200 workflow runs of this month/).first().textContent()).resolves.toMatch(/upgrade your plan/);
    // The refused mutation is shown to the user, not logged by tRPC's logger link (development only).
    expect(consoleLines.filter((l) => /<< (mutation|query)|>> (mutation|query)/.test(l))).toEqual([]);
    await context.close();

    const admin = await makeUser(deps.db, { role: 'admin', password: 'usage-admin-password' });
    const adminContext = await newContext(browser());
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin.email, 'usage-admin-password');
    await adminPage.waitForURL('**/dashboard');
    await adminPage.goto('/admin/usage?sort=workflow_run');
    const row = adminPage.getByRole('row').filter({ hasText: `Tenant ${user.email}` });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(t('Usage.admin.over'));
    await adminContext.close();
  });
});
