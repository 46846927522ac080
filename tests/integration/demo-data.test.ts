import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, gte, inArray, like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoHistory } from '../../scripts/lib/demo-history';
import { DEMO_WORKFLOWS } from '../../scripts/lib/seed';
import { validateSteps } from '~/server/domain/workflows/validation';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { addDays, dayOf } from '~/server/domain/growth/intelligence/dates';
import { getActivity, getFunnel, getRetention } from '~/server/domain/growth/intelligence/views';
import { lastCompleteWeek } from '~/server/domain/reports/iso-week';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { incidents, marketingDrafts, reports, supportTickets, tenantReports, tenants, users, workflowRuns } from '~/server/infra/db/schema';
import { makeUser, setupTestDeps } from '../helpers/deps';

/**
 * The first-start demo (issue 16): six weeks of history through the product's own tables and
 * jobs, so that growth intelligence, runs, incidents, marketing drafts and reports all show
 * something on a fresh install. Run on a clock of its own (the test database persists).
 */
const deps = setupTestDeps();
const logsDir = mkdtempSync(path.join(tmpdir(), 'levqor-demo-'));
afterAll(() => rmSync(logsDir, { recursive: true, force: true }));
const NOW = new Date(Date.UTC(2045 + Math.floor(Math.random() * 40), 2, 18, 10, 30));

describe('demo workflows (first start)', () => {
  it('pass the same validation as a user\'s save (a placeholder reading nothing would run empty)', () => {
    for (const w of DEMO_WORKFLOWS) expect(validateSteps(w.steps).issues).toEqual([]);
  });
});

describe('demo history (first start)', () => {
  it('fills every surface from the real tables and jobs', async () => {
    const acme = await makeUser(deps.db, { role: 'member' });
    const user = (await loadCurrentUser(deps, acme.id))!;
    const hook = { id: 'form', name: 'Form', type: 'webhook_trigger', config: { method: 'POST' } } as const;
    const logStep = { id: 'log', name: 'Log', type: 'log', config: { message: 'Lead {{ body.email }}' } } as const;
    const w = await createWorkflow({ db: deps.db }, user, { name: 'Demo leads', steps: [hook, logStep] });

    const admin = await makeUser(deps.db, { role: 'admin' });
    const result = await seedDemoHistory(deps.db, { now: NOW, workspace: { tenantId: acme.tenantId, userId: acme.id, workflowIds: [w.id], adminUserId: admin.id }, logsDir });
    expect(result.tenants).toBeGreaterThanOrEqual(20);
    expect(result.runs).toBeGreaterThan(10);
    expect(result.drafts).toBeGreaterThan(0);

    // Growth intelligence: the funnel, activity and cohorts of the last six weeks are not empty.
    const to = dayOf(NOW);
    const period = { from: addDays(to, -41), to };
    const funnel = await getFunnel({ db: deps.db, now: () => NOW }, period);
    const count = (k: string) => funnel.steps.find((s) => s.key === k)!.count;
    expect(count('visits')).toBeGreaterThan(500);
    expect(count('signups')).toBe(result.tenants);
    expect(count('trials')).toBe(result.tenants);
    expect(count('conversions')).toBeGreaterThan(0);
    expect(funnel.revenuePence).toBeGreaterThan(0);
    const activity = await getActivity({ db: deps.db, now: () => NOW }, { from: addDays(to, -13), to: addDays(to, -1) });
    expect(Math.max(...activity.series.map((p) => p.dau))).toBeGreaterThan(2);
    const retention = await getRetention({ db: deps.db, now: () => NOW }, { to });
    expect(retention.cohorts.filter((c) => c.size > 0).length).toBeGreaterThanOrEqual(4);
    expect(retention.cohorts.some((c) => c.cells.some((cell) => cell.offset > 0 && (cell.retained ?? 0) > 0))).toBe(true);

    // The demo workspace's runs, some failed with a reason; incidents in the timeline.
    const runs = await deps.db.select({ status: workflowRuns.status, error: workflowRuns.error }).from(workflowRuns).where(eq(workflowRuns.tenantId, acme.tenantId));
    expect(runs.some((r) => r.status === 'succeeded')).toBe(true);
    expect(runs.filter((r) => r.status === 'failed').every((r) => r.error)).toBe(true);
    const timeline = await deps.db.select().from(incidents).where(gte(incidents.openedAt, new Date(NOW.getTime() - 20 * 86_400_000)));
    expect(timeline.filter((i) => i.resolvedAt && i.openedAt < NOW).length).toBeGreaterThanOrEqual(3);

    // Drafts waiting for approval, for demo workspaces.
    const demoTenants = (await deps.db.select({ id: users.tenantId }).from(users).where(like(users.email, '%.demo.levqor.local'))).map((r) => r.id);
    const drafts = await deps.db
      .select()
      .from(marketingDrafts)
      .where(and(inArray(marketingDrafts.tenantId, demoTenants), eq(marketingDrafts.status, 'pending_approval')));
    expect(drafts.length).toBeGreaterThan(0);

    // Support: an answered, closed and rated ticket, one waiting for us, a contact-form message.
    const acmeTickets = await deps.db.select().from(supportTickets).where(eq(supportTickets.tenantId, acme.tenantId));
    expect(acmeTickets.map((t) => t.status).sort()).toEqual(['closed', 'open']);
    expect(acmeTickets.find((t) => t.status === 'closed')).toMatchObject({ satisfaction: 5, firstResponseAt: expect.any(Date) });
    expect(result.tickets).toBe(3);

    // Last week's reports: the admins' and the demo workspace's.
    const week = lastCompleteWeek(NOW);
    expect(await deps.db.select({ id: reports.id }).from(reports).where(eq(reports.period, week.label))).toHaveLength(1);
    expect(readFileSync(path.join(logsDir, 'weekly_report.md'), 'utf8')).toContain(week.label);
    const [own] = await deps.db.select().from(tenantReports).where(and(eq(tenantReports.tenantId, acme.tenantId), eq(tenantReports.period, week.label)));
    expect((own!.figures as { metrics: { runs: { thisWeek: number } } }).metrics.runs.thisWeek).toBeGreaterThan(0);

    // Lifecycle states that a business has: paying, trialing, suspended after the trial, churned.
    const states = new Set((await deps.db.select({ s: tenants.status }).from(tenants).where(inArray(tenants.id, demoTenants))).map((r) => r.s));
    for (const s of ['active', 'suspended'] as const) expect(states).toContain(s);
  });
});
