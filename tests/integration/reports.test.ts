import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, isNotNull, lt, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  incidents,
  referralCodes,
  referrals,
  reports,
  subscriptions,
  type subscriptionStatusEnum,
  tenants,
  users,
  workflows,
} from '~/server/infra/db/schema';
import { logger } from '~/server/infra/logger';
import { computeWeeklyFigures, type WeeklyFigures } from '~/server/domain/reports/figures';
import { getReport, listReports, listReportsOutputSchema, reportDetailSchema } from '~/server/domain/reports/list';
import { parseIsoWeek, previousWeek, type IsoWeek } from '~/server/domain/reports/iso-week';
import { runWeeklyReport } from '~/server/domain/reports/weekly';
import { formatPence } from '~/server/domain/reports/render';
import { makeUser, setupTestDeps, uniqueEmail } from '../helpers/deps';

/**
 * SPEC J3 / J4. Other test files share this database and create their rows *now*; this file
 * seeds rows with explicit timestamps in two past weeks around the spring DST change
 * (2024-W13 runs Monday 25 March 00:00 GMT to Monday 1 April 00:00 BST = 31 March 23:00 UTC),
 * so nothing else lands in them. Expected figures are computed here in plain JavaScript over
 * the rows that were already in the database before seeding (normally none) plus the seeded
 * rows, never with the module's SQL.
 */
const deps = setupTestDeps();
const root = path.resolve(import.meta.dirname, '../..');
const WEEK = parseIsoWeek('2024-W13');
const PREV = previousWeek(WEEK);
const DRY_WEEK = '2024-W10';
const MONDAY_8AM = new Date('2024-04-01T07:00:00Z'); // Monday 08:00 BST, the week after WEEK
const at = (s: string) => new Date(s);

// Locked prices (DEV_SAFETY §1), written out again on purpose: GBP per month / per year.
const MONTHLY = { starter: 9, growth: 29, pro: 59, business: 149 } as const;
const YEARLY = { starter: 90, growth: 290, pro: 590, business: 1490 } as const;
type Plan = keyof typeof MONTHLY;
const pence = (plan: Plan, interval: 'month' | 'year') =>
  interval === 'month' ? MONTHLY[plan] * 100 : Math.round((YEARLY[plan] * 100) / 12);

type Rows = {
  tenants: { createdAt: Date; deletedAt: Date | null }[];
  users: { lastLoginAt: Date | null }[];
  workflows: { createdAt: Date }[];
  subscriptions: {
    plan: Plan;
    interval: 'month' | 'year';
    status: (typeof subscriptionStatusEnum.enumValues)[number];
    startedAt: Date;
    canceledAt: Date | null;
  }[];
  referrals: { createdAt: Date; convertedAt: Date | null }[];
  incidents: { openedAt: Date }[];
};

const within = (d: Date | null, w: IsoWeek) => d !== null && d >= w.start && d < w.end;
function countsFor(rows: Rows, w: IsoWeek) {
  return {
    newTenants: rows.tenants.filter((t) => within(t.createdAt, w) && t.deletedAt === null).length,
    activeUsers: rows.users.filter((u) => within(u.lastLoginAt, w)).length,
    workflowsTotal: rows.workflows.filter((x) => x.createdAt < w.end).length,
    workflowsNew: rows.workflows.filter((x) => within(x.createdAt, w)).length,
    mrrPence: rows.subscriptions
      .filter((s) => s.status === 'active' && s.startedAt < w.end && (s.canceledAt === null || s.canceledAt >= w.end))
      .reduce((sum, s) => sum + pence(s.plan, s.interval), 0),
    referrals: rows.referrals.filter((r) => within(r.createdAt, w)).length,
    referralConversions: rows.referrals.filter((r) => within(r.convertedAt, w)).length,
    incidents: rows.incidents.filter((i) => within(i.openedAt, w)).length,
  };
}
function expectedMetrics(rows: Rows): WeeklyFigures['metrics'] {
  const cur = countsFor(rows, WEEK);
  const prev = countsFor(rows, PREV);
  return Object.fromEntries(
    (Object.keys(cur) as (keyof typeof cur)[]).map((k) => [
      k,
      {
        thisWeek: cur[k],
        lastWeek: prev[k],
        change: cur[k] - prev[k],
        changePercent: prev[k] === 0 ? null : Math.round(((cur[k] - prev[k]) / prev[k]) * 1000) / 10,
      },
    ]),
  ) as WeeklyFigures['metrics'];
}
const merge = (a: Rows, b: Rows): Rows => ({
  tenants: [...a.tenants, ...b.tenants],
  users: [...a.users, ...b.users],
  workflows: [...a.workflows, ...b.workflows],
  subscriptions: [...a.subscriptions, ...b.subscriptions],
  referrals: [...a.referrals, ...b.referrals],
  incidents: [...a.incidents, ...b.incidents],
});

/** Rows already in the database that could fall in (or before) the two weeks. */
async function loadBaseline(): Promise<Rows> {
  const { db } = deps;
  const end = WEEK.end;
  return {
    tenants: await db.select({ createdAt: tenants.createdAt, deletedAt: tenants.deletedAt }).from(tenants).where(lt(tenants.createdAt, end)),
    users: await db.select({ lastLoginAt: users.lastLoginAt }).from(users).where(lt(users.lastLoginAt, end)),
    workflows: await db.select({ createdAt: workflows.createdAt }).from(workflows).where(lt(workflows.createdAt, end)),
    subscriptions: await db
      .select({
        plan: subscriptions.plan,
        interval: subscriptions.interval,
        status: subscriptions.status,
        startedAt: subscriptions.startedAt,
        canceledAt: subscriptions.canceledAt,
      })
      .from(subscriptions)
      .where(lt(subscriptions.startedAt, end)),
    referrals: await db
      .select({ createdAt: referrals.createdAt, convertedAt: referrals.convertedAt })
      .from(referrals)
      .where(or(lt(referrals.createdAt, end), and(isNotNull(referrals.convertedAt), lt(referrals.convertedAt, end)))),
    incidents: await db.select({ openedAt: incidents.openedAt }).from(incidents).where(lt(incidents.openedAt, end)),
  };
}

// What this file seeds (W = 2024-W13, P = 2024-W12, E = W's end = 2024-03-31T23:00Z).
const SEED: Rows = {
  tenants: [
    { createdAt: at('2024-03-01T12:00:00Z'), deletedAt: null }, // home tenant, before both weeks
    { createdAt: at('2024-03-25T00:00:00Z'), deletedAt: null }, // W, first instant
    { createdAt: at('2024-03-27T10:00:00Z'), deletedAt: null }, // W
    { createdAt: at('2024-03-31T22:59:59.999Z'), deletedAt: null }, // W, last instant (23:59:59.999 BST)
    { createdAt: at('2024-03-31T23:30:00Z'), deletedAt: null }, // Monday 00:30 BST: next week
    { createdAt: at('2024-03-28T10:00:00Z'), deletedAt: at('2024-03-29T10:00:00Z') }, // W, soft-deleted
    { createdAt: at('2024-03-18T00:00:00Z'), deletedAt: null }, // P, first instant
    { createdAt: at('2024-03-24T23:59:59Z'), deletedAt: null }, // P, last second
    { createdAt: at('2024-03-17T23:59:59Z'), deletedAt: null }, // before P
  ],
  users: [
    { lastLoginAt: at('2024-03-25T08:00:00Z') }, // W
    { lastLoginAt: at('2024-03-30T12:00:00Z') }, // W
    { lastLoginAt: at('2024-03-31T22:30:00Z') }, // W (23:30 BST Sunday)
    { lastLoginAt: at('2024-03-31T23:00:00Z') }, // E: next week
    { lastLoginAt: at('2024-03-20T09:00:00Z') }, // P
    { lastLoginAt: null },
  ],
  workflows: [
    { createdAt: at('2024-01-10T00:00:00Z') },
    { createdAt: at('2024-03-19T00:00:00Z') }, // P
    { createdAt: at('2024-03-22T00:00:00Z') }, // P
    { createdAt: at('2024-03-26T00:00:00Z') }, // W
    { createdAt: at('2024-03-31T23:00:00Z') }, // E: not in the total
    { createdAt: at('2024-04-05T00:00:00Z') },
  ],
  subscriptions: [
    { plan: 'growth', interval: 'month', status: 'active', startedAt: at('2024-01-01T00:00:00Z'), canceledAt: null }, // 2900 both
    { plan: 'growth', interval: 'year', status: 'active', startedAt: at('2024-02-01T00:00:00Z'), canceledAt: null }, // 290/12 -> 2417 both
    { plan: 'business', interval: 'year', status: 'active', startedAt: at('2024-03-27T00:00:00Z'), canceledAt: null }, // 12417 W only
    { plan: 'pro', interval: 'month', status: 'active', startedAt: at('2024-01-01T00:00:00Z'), canceledAt: at('2024-03-28T00:00:00Z') }, // canceled in W: P only
    { plan: 'starter', interval: 'month', status: 'canceled', startedAt: at('2024-01-01T00:00:00Z'), canceledAt: at('2024-03-20T00:00:00Z') },
    { plan: 'pro', interval: 'year', status: 'active', startedAt: at('2024-04-02T00:00:00Z'), canceledAt: null }, // starts after E
    { plan: 'business', interval: 'month', status: 'past_due', startedAt: at('2024-01-01T00:00:00Z'), canceledAt: null }, // excluded
    { plan: 'starter', interval: 'year', status: 'active', startedAt: at('2024-01-01T00:00:00Z'), canceledAt: at('2024-03-31T23:00:00Z') }, // canceled at E: 750 both
    { plan: 'starter', interval: 'month', status: 'active', startedAt: at('2024-03-31T23:00:00Z'), canceledAt: null }, // starts at E
    // Status is today's: a subscription canceled later is no longer 'active' and counts in no snapshot.
    { plan: 'pro', interval: 'month', status: 'canceled', startedAt: at('2024-01-01T00:00:00Z'), canceledAt: at('2024-04-10T00:00:00Z') },
  ],
  referrals: [
    { createdAt: at('2024-03-26T00:00:00Z'), convertedAt: null }, // W
    { createdAt: at('2024-03-27T00:00:00Z'), convertedAt: at('2024-03-29T00:00:00Z') }, // W, converted W
    { createdAt: at('2024-03-19T00:00:00Z'), convertedAt: at('2024-03-25T00:00:00Z') }, // P, converted W
    { createdAt: at('2024-03-20T00:00:00Z'), convertedAt: at('2024-03-22T00:00:00Z') }, // P, converted P
    { createdAt: at('2024-03-01T00:00:00Z'), convertedAt: at('2024-03-18T00:00:00Z') }, // before, converted P
    { createdAt: at('2024-03-31T23:00:00Z'), convertedAt: null }, // E: next week
    { createdAt: at('2024-03-30T00:00:00Z'), convertedAt: at('2024-03-31T23:30:00Z') }, // W, converted next week
  ],
  incidents: [
    { openedAt: at('2024-03-26T03:00:00Z') }, // W
    { openedAt: at('2024-03-31T22:00:00Z') }, // W
    { openedAt: at('2024-03-31T23:00:00Z') }, // E
    { openedAt: at('2024-03-10T00:00:00Z') },
  ],
};

const created = { tenantIds: [] as string[], incidentIds: [] as string[] };
let expected: WeeklyFigures['metrics'];
let baseline: Rows;
const tmpDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'levqor-reports-'));
  tmpDirs.push(dir);
  return dir;
};
const reportRows = (period: string) =>
  deps.db.select().from(reports).where(and(eq(reports.kind, 'weekly'), eq(reports.period, period)));

async function seedIncident(openedAt: Date) {
  const [row] = await deps.db
    .insert(incidents)
    .values({ check: `reports-test-${randomUUID()}`, summary: 'seeded by reports.test', openedAt, resolvedAt: new Date(openedAt.getTime() + 60_000) })
    .returning({ id: incidents.id });
  created.incidentIds.push(row!.id);
}

beforeAll(async () => {
  const { db } = deps;
  // Leftovers of an interrupted earlier run of this file.
  await db.delete(reports).where(and(eq(reports.kind, 'weekly'), inArray(reports.period, [WEEK.label, PREV.label, DRY_WEEK])));
  baseline = await loadBaseline();

  const tenantRows = await db
    .insert(tenants)
    .values(SEED.tenants.map((t, i) => ({ name: `Reports test ${i}`, createdAt: t.createdAt, deletedAt: t.deletedAt })))
    .returning({ id: tenants.id });
  created.tenantIds.push(...tenantRows.map((t) => t.id));
  const home = tenantRows[0]!.id;

  await db.insert(users).values(SEED.users.map((u) => ({ email: uniqueEmail('report'), tenantId: home, lastLoginAt: u.lastLoginAt })));
  const [referrer] = await db.insert(users).values({ email: uniqueEmail('referrer'), tenantId: home }).returning({ id: users.id });
  const referred = await db
    .insert(users)
    .values(SEED.referrals.map(() => ({ email: uniqueEmail('referred'), tenantId: home })))
    .returning({ id: users.id });
  const code = `rpt-${randomUUID().slice(0, 12)}`;
  await db.insert(referralCodes).values({ code, userId: referrer!.id, tenantId: home });
  await db.insert(referrals).values(
    SEED.referrals.map((r, i) => ({
      code,
      referrerUserId: referrer!.id,
      referredUserId: referred[i]!.id,
      referredTenantId: home,
      status: r.convertedAt ? ('converted' as const) : ('signed_up' as const),
      createdAt: r.createdAt,
      convertedAt: r.convertedAt,
    })),
  );
  await db.insert(workflows).values(SEED.workflows.map((w, i) => ({ tenantId: home, name: `Report wf ${i}`, steps: [], createdAt: w.createdAt })));
  await db.insert(subscriptions).values(SEED.subscriptions.map((s) => ({ tenantId: home, ...s })));
  for (const i of SEED.incidents) await seedIncident(i.openedAt);

  expected = expectedMetrics(merge(baseline, SEED));
});

afterAll(async () => {
  const { db } = deps;
  if (created.tenantIds.length) await db.delete(tenants).where(inArray(tenants.id, created.tenantIds));
  if (created.incidentIds.length) await db.delete(incidents).where(inArray(incidents.id, created.incidentIds));
  await db.delete(reports).where(and(eq(reports.kind, 'weekly'), inArray(reports.period, [WEEK.label, PREV.label, DRY_WEEK])));
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

describe('weekly figures (SPEC J3)', () => {
  it('the seeded rows alone give the figures worked out by hand', () => {
    const seedOnly = expectedMetrics(SEED);
    expect(seedOnly.newTenants).toEqual({ thisWeek: 3, lastWeek: 2, change: 1, changePercent: 50 });
    expect(seedOnly.activeUsers).toEqual({ thisWeek: 3, lastWeek: 1, change: 2, changePercent: 200 });
    expect(seedOnly.workflowsTotal).toEqual({ thisWeek: 4, lastWeek: 3, change: 1, changePercent: 33.3 });
    expect(seedOnly.workflowsNew).toEqual({ thisWeek: 1, lastWeek: 2, change: -1, changePercent: -50 });
    // 2900 + 2417 (growth yearly 290/12) + 12417 (business yearly 1490/12) + 750; last week pro monthly 5900 instead of business.
    expect(seedOnly.mrrPence).toEqual({ thisWeek: 18484, lastWeek: 11967, change: 6517, changePercent: 54.5 });
    expect(seedOnly.referrals).toEqual({ thisWeek: 3, lastWeek: 2, change: 1, changePercent: 50 });
    expect(seedOnly.referralConversions).toEqual({ thisWeek: 2, lastWeek: 2, change: 0, changePercent: 0 });
    expect(seedOnly.incidents).toEqual({ thisWeek: 2, lastWeek: 0, change: 2, changePercent: null });
  });

  it('computes every figure for the week and the week before, across the DST change', async () => {
    const figures = await computeWeeklyFigures(deps, { weekStart: WEEK.start });
    expect(figures.metrics).toEqual(expected);
    expect(figures).toMatchObject({
      version: 1,
      period: '2024-W13',
      periodStart: '2024-03-25T00:00:00.000Z',
      periodEnd: '2024-03-31T23:00:00.000Z',
      firstDay: '2024-03-25',
      lastDay: '2024-03-31',
      previousPeriod: '2024-W12',
      previousStart: '2024-03-18T00:00:00.000Z',
      previousEnd: '2024-03-25T00:00:00.000Z',
      timeZone: 'Europe/London',
      currency: 'GBP',
    });
    // Any instant inside the week names the same week.
    const midweek = await computeWeeklyFigures(deps, { weekStart: at('2024-03-28T15:00:00Z') });
    expect(midweek.metrics).toEqual(expected);
  });
});

describe('runWeeklyReport (SPEC J3, J4)', () => {
  it('on Monday 08:00 reports the week that just ended: one row, the Markdown file, progress', async () => {
    const dir = tempDir();
    const progress: [number, string][] = [];
    const result = await runWeeklyReport(
      { ...deps, now: () => MONDAY_8AM, reportsDir: path.join(dir, 'nested', 'logs') },
      { onProgress: (pct, step) => void progress.push([pct, step]) },
    );
    expect(result.period).toBe('2024-W13');
    expect(result.figures.metrics).toEqual(expected);
    expect(result).toMatchObject({ stored: true, emailed: 'not_configured', file: path.join(dir, 'nested', 'logs', 'weekly_report.md') });
    expect(readFileSync(result.file!, 'utf8')).toBe(result.markdown);
    expect(result.markdown).toContain('# Levqor weekly report: 2024-W13');
    expect(result.markdown).toContain('Monday 25 March 2024 to Sunday 31 March 2024');
    expect(result.markdown).toContain(
      `| MRR (GBP, end of week) | ${formatPence(expected.mrrPence.thisWeek)} | ${formatPence(expected.mrrPence.lastWeek)} |`,
    );

    const rows = await reportRows('2024-W13');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: result.reportId, markdown: result.markdown, figures: result.figures });
    expect(rows[0]!.periodStart.toISOString()).toBe('2024-03-25T00:00:00.000Z');
    expect(rows[0]!.periodEnd.toISOString()).toBe('2024-03-31T23:00:00.000Z');

    const pcts = progress.map(([p]) => p);
    expect(pcts).toEqual([...pcts].sort((a, b) => a - b));
    expect(pcts.at(-1)).toBe(100);
    expect(progress.map(([, s]) => s)).toEqual(
      expect.arrayContaining(['computing figures', 'storing the report', 'writing the Markdown file', 'done']),
    );
  });

  it('a re-run of the same week replaces the row (same id, new figures) and the file, never duplicates', async () => {
    const dir = tempDir();
    const first = await runWeeklyReport({ ...deps, now: () => MONDAY_8AM, reportsDir: dir }, { week: '2024-W13' });
    await seedIncident(at('2024-03-29T12:00:00Z'));
    const later = new Date(MONDAY_8AM.getTime() + 3_600_000);
    const [second] = await Promise.all([
      runWeeklyReport({ ...deps, now: () => later, reportsDir: dir }, { week: '2024-w13' }),
      runWeeklyReport({ ...deps, now: () => later, reportsDir: dir }, { week: '2024-W13' }),
    ]);
    expect(second.reportId).toBe(first.reportId);
    expect(second.figures.metrics.incidents.thisWeek).toBe(first.figures.metrics.incidents.thisWeek + 1);
    expect(second.figures.generatedAt).toBe(later.toISOString());

    const rows = await reportRows('2024-W13');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.figures).toEqual(second.figures);
    expect(rows[0]!.markdown).toBe(second.markdown);
    expect(second.markdown).not.toBe(first.markdown);
    expect(readFileSync(path.join(dir, 'weekly_report.md'), 'utf8')).toBe(second.markdown);
  });

  it('a dry run stores nothing, writes no file and sends nothing', async () => {
    const dir = path.join(tempDir(), 'logs');
    const sendMail = vi.fn(async () => {});
    const result = await runWeeklyReport(
      { ...deps, now: () => MONDAY_8AM, reportsDir: dir, sendMail, adminRecipients: async () => ['a@example.test'] },
      { week: DRY_WEEK, dryRun: true },
    );
    expect(result).toMatchObject({ period: DRY_WEEK, stored: false, reportId: null, file: null, emailed: 0 });
    expect(result.markdown).toContain(`# Levqor weekly report: ${DRY_WEEK}`);
    expect(await reportRows(DRY_WEEK)).toHaveLength(0);
    expect(existsSync(dir)).toBe(false);
    expect(sendMail).not.toHaveBeenCalled();
  });

  it('e-mails the Markdown once to the admin recipients when a transport is given', async () => {
    const sendMail = vi.fn(async (_msg: { to: string[]; subject: string; text: string }) => {});
    const to = ['founder-a@example.test', 'founder-b@example.test'];
    const result = await runWeeklyReport(
      { ...deps, log: logger, now: () => MONDAY_8AM, reportsDir: tempDir(), sendMail, adminRecipients: async () => to },
      { week: '2024-W13' },
    );
    expect(result.emailed).toBe(2);
    expect(sendMail).toHaveBeenCalledTimes(1);
    expect(sendMail.mock.calls[0]![0]).toMatchObject({ to, subject: 'Levqor weekly report 2024-W13', text: result.markdown });
  });

  it('by default e-mails the admin users read from the database', async () => {
    const admin = await makeUser(deps.db, { role: 'admin' });
    const member = await makeUser(deps.db, { role: 'member' });
    created.tenantIds.push(admin.tenantId, member.tenantId);
    const sendMail = vi.fn(async (_msg: { to: string[] }) => {});
    await runWeeklyReport({ ...deps, now: () => MONDAY_8AM, reportsDir: tempDir(), sendMail }, { week: '2024-W13' });
    expect(sendMail).toHaveBeenCalledTimes(1);
    const recipients = sendMail.mock.calls[0]![0].to;
    expect(recipients).toContain(admin.email);
    expect(recipients).not.toContain(member.email);
    const roles = await deps.db.select({ role: users.role }).from(users).where(inArray(users.email, recipients));
    expect(roles.every((r) => r.role === 'admin')).toBe(true);
  });

  it('without a transport nothing is sent and the result says so', async () => {
    const result = await runWeeklyReport({ ...deps, now: () => MONDAY_8AM, reportsDir: tempDir() }, { week: '2024-W13' });
    expect(result.emailed).toBe('not_configured');
  });

  it('a failing progress callback does not fail the report', async () => {
    const result = await runWeeklyReport(
      { ...deps, now: () => MONDAY_8AM },
      { week: '2024-W13', dryRun: true, onProgress: () => Promise.reject(new Error('redis down')) },
    );
    expect(result.figures.metrics).toBeDefined();
  });

  it('refuses a malformed week and a week that has not ended, with the reason', async () => {
    await expect(runWeeklyReport({ ...deps, now: () => MONDAY_8AM }, { week: 'nonsense' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('ISO week such as 2026-W47'),
    });
    await expect(runWeeklyReport({ ...deps, now: () => MONDAY_8AM }, { week: '2024-W14' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('2024-W14 has not ended yet'),
    });
  });
});

describe('stored reports for the admin page', () => {
  it('lists newest week first and returns one report with its Markdown and figures', async () => {
    await runWeeklyReport({ ...deps, now: () => MONDAY_8AM, reportsDir: tempDir() }, { week: PREV.label });
    const list = listReportsOutputSchema.parse(await listReports(deps, { limit: 100, offset: 0 }));
    const mine = list.items.filter((r) => r.period === WEEK.label || r.period === PREV.label);
    expect(mine.map((r) => r.period)).toEqual([WEEK.label, PREV.label]);
    expect(list.total).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < list.items.length; i++) {
      expect(list.items[i - 1]!.periodStart.getTime()).toBeGreaterThanOrEqual(list.items[i]!.periodStart.getTime());
    }
    expect(Object.keys(mine[0]!).sort()).toEqual(['createdAt', 'id', 'period', 'periodEnd', 'periodStart']);

    const report = reportDetailSchema.parse(await getReport(deps, { id: mine[0]!.id }));
    expect(report.period).toBe(WEEK.label);
    expect(report.markdown).toContain('# Levqor weekly report: 2024-W13');
    expect(report.figures.metrics.mrrPence).toEqual(expected.mrrPence);

    await expect(getReport(deps, { id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getReport(deps, { id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('npm run report:weekly (SPEC J4)', () => {
  const cli = (...args: string[]) =>
    spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/report-weekly.ts', ...args], {
      cwd: root,
      env: process.env,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('exits 1 with the reason for a malformed --week', () => {
    const r = cli('--week', 'nonsense');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Invalid week "nonsense": expected an ISO week such as 2026-W47');
    expect(r.stdout).not.toContain('# Levqor weekly report');
  });

  it('exits 1 for an unknown flag', () => {
    const r = cli('--nope');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--nope');
  });

  it('--dry-run prints the report, its progress and the e-mail status, and stores nothing', async () => {
    const [before] = await reportRows('2024-W13');
    const r = cli('--dry-run', '--week', '2024-W13');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('weekly report: 10% computing figures');
    expect(r.stdout).toContain('weekly report: 100% done');
    expect(r.stdout).toContain('# Levqor weekly report: 2024-W13');
    expect(r.stdout).toContain(
      `| MRR (GBP, end of week) | ${formatPence(expected.mrrPence.thisWeek)} | ${formatPence(expected.mrrPence.lastWeek)} |`,
    );
    expect(r.stdout).toContain('dry run: 2024-W13 computed; nothing stored, no file written');
    expect(r.stdout).toContain('e-mail: not configured');
    const [after] = await reportRows('2024-W13');
    expect(after).toEqual(before);
  });
});
