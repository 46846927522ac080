import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, signIn, setupBrowser } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

describe('workspace lifecycle for admins (SPEC P4)', () => {
  it('an admin suspends a workspace with a reason, sees the transition, and an illegal move is explained', async () => {
    const admin = await makeUser(deps.db, { role: 'admin', password: 'lifecycle-admin-1' });
    const target = await makeUser(deps.db);
    const context = await newContext(browser(), { width: 375, height: 740 });
    const page = await context.newPage();
    await signIn(page, admin.email, 'lifecycle-admin-1');
    await page.waitForURL('**/dashboard');
    await page.goto('/admin/lifecycle');
    await page.getByRole('heading', { name: t('Lifecycle.title'), level: 1 }).waitFor();

    await page.getByLabel(t('Lifecycle.tenantId')).fill(target.tenantId);
    const reason = `card testing from this workspace ${crypto.randomUUID().slice(0, 8)}`;
    await page.getByLabel(t('Lifecycle.reason')).fill(reason);
    await page.getByRole('button', { name: t('Lifecycle.actions.suspend') }).click();
    await page.getByText(`Workspace moved from ${t('TenantStatus.trialing')} to ${t('TenantStatus.suspended')}`).waitFor();
    // With a workspace id typed in, the list shows that workspace's transitions only (other
    // workspaces' moves cannot push this one out of view).
    await page.getByRole('heading', { name: t('Lifecycle.historyOfWorkspace') }).waitFor();
    await page.getByTestId('transition-row').filter({ hasText: reason }).waitFor();
    await expect(page.getByTestId('transition-row').count()).resolves.toBe(1);

    // Restoring a workspace that was never deleted is refused, with the reason.
    await page.getByLabel(t('Lifecycle.action')).selectOption('restore');
    await page.getByRole('button', { name: t('Lifecycle.actions.restore') }).click();
    await page.getByRole('alert').filter({ hasText: 'Only a deleted workspace can be restored.' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
