import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { marketingDrafts } from '~/server/infra/db/schema';
import { runMarketingCycle } from '~/server/domain/marketing/cycle';
import { runWeeklyReport } from '~/server/domain/reports/weekly';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'levqor-e2e-'));

describe('automation jobs in the admin area (J2, J3)', () => {
  it('an admin approves a marketing draft; with no transport nothing is sent', async () => {
    const customer = await makeUser(deps.db, { name: 'Draft Customer' });
    await runMarketingCycle({ db: deps.db, logFile: path.join(tmp(), 'auto_marketing.log') });
    const [draft] = await deps.db.select().from(marketingDrafts).where(eq(marketingDrafts.tenantId, customer.tenantId));
    expect(draft).toMatchObject({ status: 'pending_approval', segment: 'new_signup' });
    // The test database holds drafts of other tests (some dated far ahead): put ours first.
    await deps.db.update(marketingDrafts).set({ createdAt: new Date('2999-01-01T00:00:00Z') }).where(eq(marketingDrafts.id, draft!.id));

    const admin = await makeUser(deps.db, { role: 'admin', password: 'jobs-ui-admin-pw' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, admin.email, 'jobs-ui-admin-pw');
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: t('Nav.marketing') }).click();
    await page.waitForURL('**/admin/marketing');
    await page.getByTestId('no-transport').waitFor();

    const card = page.getByRole('region', { name: draft!.subject }).or(page.getByTestId('draft').filter({ hasText: draft!.subject }));
    await card.first().waitFor();
    await card.first().getByRole('button', { name: t('Marketing.approve'), exact: true }).click();
    await page.getByText('1 draft approved, none sent.').waitFor();
    const [after] = await deps.db.select().from(marketingDrafts).where(eq(marketingDrafts.id, draft!.id));
    expect(after).toMatchObject({ status: 'approved', sentAt: null, decidedBy: admin.id });
    await context.close();
    await deps.db.delete(marketingDrafts).where(inArray(marketingDrafts.id, [draft!.id]));
  });

  it('an admin opens a weekly report', async () => {
    const stored = await runWeeklyReport({ db: deps.db, reportsDir: tmp() }, { week: '2025-W30' });
    const admin = await makeUser(deps.db, { role: 'admin', password: 'jobs-ui-admin-pw2' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, admin.email, 'jobs-ui-admin-pw2');
    await page.waitForURL('**/dashboard');
    await page.goto('/admin/reports');
    await page.getByRole('link', { name: '2025-W30' }).click();
    await page.waitForURL(`**/admin/reports/${stored.reportId}`);
    const article = page.getByTestId('report-markdown');
    await article.waitFor();
    await expect(article.locator('h1').textContent()).resolves.toContain('2025-W30');
    await expect(article.locator('table').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});
