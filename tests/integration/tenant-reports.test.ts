import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { parseIsoWeek, previousWeek } from '~/server/domain/reports/iso-week';
import { runTenantReports } from '~/server/domain/reports/tenant';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { referralCodes, referrals, tenantReports, tenants, usageEvents, workflowRuns, workflows, workflowVersions } from '~/server/infra/db/schema';
import { createMailTransport } from '~/server/infra/mail/transport';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';
import { startSmtp } from '../helpers/smtp';

/**
 * Each workspace's weekly report (issue 16 #7): the figures of its own week (never another
 * workspace's), stored once per workspace and week, shown by reports.mine, and e-mailed to its
 * owners in the workspace's language once, through a local SMTP server.
 */
const deps = setupTestDeps();
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});
// A week of this run's own, in the future (the test database persists across runs).
const WEEK = `20${40 + Math.floor(Math.random() * 50)}-W${String(10 + Math.floor(Math.random() * 40)).padStart(2, '0')}`;
const week = parseIsoWeek(WEEK);
const prev = previousWeek(week);
const inWeek = (hours: number) => new Date(week.start.getTime() + hours * 3_600_000);
const inPrev = (hours: number) => new Date(prev.start.getTime() + hours * 3_600_000);
const AFTER = new Date(week.end.getTime() + 3_600_000);
const hook = { id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } } as const;

async function runsFor(tenantId: string, workflowId: string, rows: { status: 'succeeded' | 'failed' | 'skipped'; at: Date }[]) {
  const [v] = await deps.db.select({ id: workflowVersions.id, version: workflowVersions.version }).from(workflowVersions).where(eq(workflowVersions.workflowId, workflowId)).limit(1);
  await deps.db.insert(workflowRuns).values(
    rows.map((r) => ({ tenantId, workflowId, versionId: v!.id, version: v!.version, trigger: 'manual' as const, triggerPayload: {}, status: r.status, queuedAt: r.at })),
  );
}

describe('workspace weekly reports (issue 16 #7)', () => {
  it('stores each workspace’s own figures once, lists them to its members and mails its owners once, in its language', async () => {
    const a = await makeUser(deps.db, { role: 'owner' });
    const b = await makeUser(deps.db, { role: 'owner' });
    await deps.db.update(tenants).set({ locale: 'de' }).where(eq(tenants.id, a.tenantId));
    const userA = (await loadCurrentUser(deps, a.id))!;
    const w1 = await createWorkflow({ db: deps.db }, userA, { name: 'Weekly one', steps: [hook] });
    const w2 = await createWorkflow({ db: deps.db }, userA, { name: 'Weekly two', steps: [hook] });
    await deps.db.update(workflows).set({ createdAt: inWeek(2) }).where(eq(workflows.id, w2.id));
    await runsFor(a.tenantId, w1.id, [
      { status: 'succeeded', at: inWeek(1) },
      { status: 'succeeded', at: inWeek(30) },
      { status: 'succeeded', at: inWeek(50) },
      { status: 'failed', at: inWeek(60) },
      { status: 'skipped', at: inWeek(61) },
      { status: 'failed', at: inPrev(5) },
    ]);
    await deps.db.insert(usageEvents).values([
      { tenantId: a.tenantId, meter: 'api_call', quantity: 7, idempotencyKey: `wk-${crypto.randomUUID()}`, period: '2040-01-01', occurredAt: inWeek(3) },
      { tenantId: a.tenantId, meter: 'ai_credit', quantity: 4, idempotencyKey: `wk-${crypto.randomUUID()}`, period: '2040-01-01', occurredAt: inWeek(4) },
    ]);
    const code = `WK${crypto.randomUUID().slice(0, 10)}`;
    await deps.db.insert(referralCodes).values({ code, userId: a.id, tenantId: a.tenantId });
    await deps.db.insert(referrals).values({ code, referrerUserId: a.id, referredUserId: b.id, referredTenantId: b.tenantId, createdAt: inWeek(5) });
    // b's activity must not leak into a's report.
    const userB = (await loadCurrentUser(deps, b.id))!;
    const wb = await createWorkflow({ db: deps.db }, userB, { name: 'Other', steps: [hook] });
    await runsFor(b.tenantId, wb.id, [{ status: 'failed', at: inWeek(7) }]);

    const quiet = await makeUser(deps.db, { role: 'owner' });
    const smtp = await startSmtp(cleanups);
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    const first = await runTenantReports({ db: deps.db, mail, appUrl: 'https://app.levqor.test', now: () => AFTER }, { week: WEEK });
    expect(first).toMatchObject({ period: WEEK });
    expect(first.stored).toBeGreaterThanOrEqual(2);

    const [rowA] = await deps.db.select().from(tenantReports).where(and(eq(tenantReports.tenantId, a.tenantId), eq(tenantReports.period, WEEK)));
    const figures = rowA!.figures as { metrics: Record<string, { thisWeek: number; lastWeek: number }>; successRate: number; successRateLastWeek: number };
    expect(Object.fromEntries(Object.entries(figures.metrics).map(([k, m]) => [k, [m.thisWeek, m.lastWeek]]))).toEqual({
      workflowsTotal: [2, 1],
      workflowsNew: [1, 0],
      runs: [4, 1],
      runsSucceeded: [3, 0],
      runsFailed: [1, 1],
      runsSkipped: [1, 0],
      apiCalls: [7, 0],
      aiCredits: [4, 0],
      referralSignups: [1, 0],
      referralConversions: [0, 0],
    });
    expect(figures.successRate).toBe(0.75);
    expect(figures.successRateLastWeek).toBe(0);

    // Members of a see a's reports; b sees only its own.
    const mine = await callerFor(deps, a).reports.mine();
    expect(mine.items.find((r) => r.period === WEEK)?.figures.metrics.runs.thisWeek).toBe(4);
    const theirs = await callerFor(deps, b).reports.mine();
    expect(theirs.items.find((r) => r.period === WEEK)?.figures.metrics.runs.thisWeek).toBe(1);

    // The owners got it once, in German, with a link to their reports.
    const toA = smtp.to(a.email);
    expect(toA).toHaveLength(1);
    expect(toA[0]!.raw).toContain(`Levqor-Wochenbericht ${WEEK}`);
    expect(toA[0]!.raw).toContain('https://app.levqor.test/de/dashboard/reports');
    expect(smtp.to(b.email)).toHaveLength(1);
    // A quiet week is stored (the page shows it) but not e-mailed.
    const [quietRow] = await deps.db.select().from(tenantReports).where(and(eq(tenantReports.tenantId, quiet.tenantId), eq(tenantReports.period, WEEK)));
    expect(quietRow?.figures).toMatchObject({ quiet: true });
    expect(smtp.to(quiet.email)).toHaveLength(0);

    // A retried job stores nothing new and sends nothing again.
    const again = await runTenantReports({ db: deps.db, mail, appUrl: 'https://app.levqor.test', now: () => AFTER }, { week: WEEK });
    expect(again.stored).toBe(0);
    expect(again.emailed).toBe(0);
    expect(smtp.to(a.email)).toHaveLength(1);
    const stored = await deps.db.select({ id: tenantReports.id }).from(tenantReports).where(and(inArray(tenantReports.tenantId, [a.tenantId, b.tenantId]), eq(tenantReports.period, WEEK)));
    expect(stored).toHaveLength(2);
  });

  it('refuses a week that has not ended, and stores nothing without a transport but still reports', async () => {
    await expect(runTenantReports({ db: deps.db, now: () => week.start }, { week: WEEK })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const none = await runTenantReports({ db: deps.db, now: () => AFTER }, { week: prev.label, batchSize: 1000 });
    expect(none.emailed).toBe('not_configured');
  });
});
