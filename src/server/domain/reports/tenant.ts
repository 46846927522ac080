import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { localizedPath } from '~/i18n/paths';
import { locales, type Locale } from '~/i18n/locales';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { CATALOGS, fillMessage } from '~/server/domain/i18n/catalogs';
import type { Db } from '~/server/infra/db/client';
import { tenantReports, tenants, users } from '~/server/infra/db/schema';
import type { Logger } from '~/server/infra/logger';
import type { MailTransport } from '~/server/infra/mail/transport';
import { AppError } from '~/server/errors';
import { metric, metricSchema } from './figures';
import { isoWeekLabelSchema, lastCompleteWeek, parseIsoWeek, previousWeek, REPORT_TIME_ZONE, type IsoWeek } from './iso-week';

/**
 * Each workspace's own weekly report (issue 16 #7; the Starter plan's "a weekly report every
 * Monday"): its workflows, runs and success rate, usage and referrals for the ISO week that
 * ended (Europe/London), each beside the week before. Computed for a batch of workspaces with
 * one grouped query per source, stored once per workspace and week (a re-run or a retried job
 * stores nothing twice), shown at /dashboard/reports and e-mailed to the owners in the
 * workspace's language when a mail transport is configured — claimed first, so never twice —
 * unless the week was quiet (nothing ran, nothing new): no weekly e-mail of zeros.
 */
export const TENANT_REPORT_METRICS = [
  'workflowsTotal',
  'workflowsNew',
  'runs',
  'runsSucceeded',
  'runsFailed',
  'runsSkipped',
  'apiCalls',
  'aiCredits',
  'referralSignups',
  'referralConversions',
] as const;
export type TenantReportMetric = (typeof TENANT_REPORT_METRICS)[number];

export const tenantReportFiguresSchema = z.object({
  version: z.literal(1),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** Local calendar dates of the week's Monday and Sunday. */
  firstDay: z.string(),
  lastDay: z.string(),
  previousPeriod: z.string(),
  /** Succeeded / finished (succeeded + failed) runs of the week; null without finished runs. */
  successRate: z.number().nullable(),
  successRateLastWeek: z.number().nullable(),
  /** Nothing happened this week (no runs, new workflows, API calls, AI credits or referrals): no e-mail. */
  quiet: z.boolean(),
  metrics: z.object(Object.fromEntries(TENANT_REPORT_METRICS.map((k) => [k, metricSchema])) as Record<TenantReportMetric, typeof metricSchema>),
});
export type TenantReportFigures = z.infer<typeof tenantReportFiguresSchema>;

export type TenantReportsDeps = { db: Db; now?: () => Date; log?: Logger; mail?: MailTransport; appUrl?: string };

export const tenantReportsInputSchema = z.strictObject({
  week: isoWeekLabelSchema.optional(),
  batchSize: z.number().int().min(1).max(5000).optional(),
});
export type TenantReportsInput = z.input<typeof tenantReportsInputSchema>;
export type TenantReportsResult = { period: string; scanned: number; stored: number; emailed: number | 'not_configured' };

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
type Counts = Record<TenantReportMetric, number>;
const zero = (): Counts => Object.fromEntries(TENANT_REPORT_METRICS.map((k) => [k, 0])) as Counts;

/** Figures of one week for a batch of workspaces: one grouped query per source table. */
async function countsFor(db: Db, ids: string[], week: IsoWeek): Promise<Map<string, Counts>> {
  const out = new Map(ids.map((id) => [id, zero()]));
  const idList = sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const [wf, runs, usage, refs] = await Promise.all([
    db.execute<{ tenant_id: string; total: number; new: number }>(sql`
      select tenant_id, count(*) filter (where created_at < ${ts(week.end)})::int as total,
             count(*) filter (where created_at >= ${ts(week.start)} and created_at < ${ts(week.end)})::int as new
      from workflows where tenant_id = any(${idList}) group by tenant_id`),
    db.execute<{ tenant_id: string; runs: number; succeeded: number; failed: number; skipped: number }>(sql`
      select tenant_id, count(*) filter (where status <> 'skipped')::int as runs,
             count(*) filter (where status = 'succeeded')::int as succeeded,
             count(*) filter (where status = 'failed')::int as failed,
             count(*) filter (where status = 'skipped')::int as skipped
      from workflow_runs
      where tenant_id = any(${idList}) and queued_at >= ${ts(week.start)} and queued_at < ${ts(week.end)}
      group by tenant_id`),
    db.execute<{ tenant_id: string; api: number; ai: number }>(sql`
      select tenant_id, coalesce(sum(quantity) filter (where meter = 'api_call'), 0)::int as api,
             coalesce(sum(quantity) filter (where meter = 'ai_credit'), 0)::int as ai
      from usage_events
      where tenant_id = any(${idList}) and occurred_at >= ${ts(week.start)} and occurred_at < ${ts(week.end)}
      group by tenant_id`),
    db.execute<{ tenant_id: string; signups: number; conversions: number }>(sql`
      select c.tenant_id,
             count(*) filter (where r.created_at >= ${ts(week.start)} and r.created_at < ${ts(week.end)})::int as signups,
             count(*) filter (where r.converted_at >= ${ts(week.start)} and r.converted_at < ${ts(week.end)})::int as conversions
      from referrals r join referral_codes c on c.code = r.code
      where c.tenant_id = any(${idList}) group by c.tenant_id`),
  ]);
  for (const r of wf) Object.assign(out.get(r.tenant_id)!, { workflowsTotal: Number(r.total), workflowsNew: Number(r.new) });
  for (const r of runs) {
    Object.assign(out.get(r.tenant_id)!, { runs: Number(r.runs), runsSucceeded: Number(r.succeeded), runsFailed: Number(r.failed), runsSkipped: Number(r.skipped) });
  }
  for (const r of usage) Object.assign(out.get(r.tenant_id)!, { apiCalls: Number(r.api), aiCredits: Number(r.ai) });
  for (const r of refs) Object.assign(out.get(r.tenant_id)!, { referralSignups: Number(r.signups), referralConversions: Number(r.conversions) });
  return out;
}

const rate = (c: Counts) => (c.runsSucceeded + c.runsFailed > 0 ? Math.round((c.runsSucceeded / (c.runsSucceeded + c.runsFailed)) * 1000) / 1000 : null);

function figuresOf(week: IsoWeek, prev: IsoWeek, now: Counts, before: Counts): TenantReportFigures {
  return {
    version: 1,
    period: week.label,
    periodStart: week.start.toISOString(),
    periodEnd: week.end.toISOString(),
    firstDay: week.firstDay,
    lastDay: week.lastDay,
    previousPeriod: prev.label,
    successRate: rate(now),
    successRateLastWeek: rate(before),
    quiet: (['workflowsNew', 'runs', 'runsSkipped', 'apiCalls', 'aiCredits', 'referralSignups', 'referralConversions'] as const).every((k) => now[k] === 0),
    metrics: Object.fromEntries(TENANT_REPORT_METRICS.map((k) => [k, metric(now[k], before[k])])) as TenantReportFigures['metrics'],
  };
}

/**
 * Stores the week's report of every live workspace that existed before the week ended (in
 * batches, keyset-paged), then e-mails the owners of the stored reports not e-mailed yet.
 */
export async function runTenantReports(deps: TenantReportsDeps, input: TenantReportsInput = {}): Promise<TenantReportsResult> {
  const parsed = tenantReportsInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('BAD_REQUEST', `Invalid tenant reports input: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const now = deps.now?.() ?? new Date();
  const week = parsed.data.week ? parseIsoWeek(parsed.data.week, REPORT_TIME_ZONE) : lastCompleteWeek(now, REPORT_TIME_ZONE);
  if (week.end.getTime() > now.getTime()) throw new AppError('BAD_REQUEST', `Week ${week.label} has not ended yet; choose a week that has ended`);
  const prev = previousWeek(week);
  const batchSize = parsed.data.batchSize ?? 500;
  const result: TenantReportsResult = { period: week.label, scanned: 0, stored: 0, emailed: deps.mail && deps.mail.kind !== 'none' ? 0 : 'not_configured' };

  let last: string | null = null;
  for (;;) {
    const batch: { id: string }[] = await deps.db
      .select({ id: tenants.id })
      .from(tenants)
      .where(and(isNull(tenants.deletedAt), lt(tenants.createdAt, week.end), last ? gt(tenants.id, last) : undefined))
      .orderBy(asc(tenants.id))
      .limit(batchSize);
    if (!batch.length) break;
    last = batch[batch.length - 1]!.id;
    result.scanned += batch.length;
    const ids = batch.map((b) => b.id);
    const [thisWeek, lastWeek] = await Promise.all([countsFor(deps.db, ids, week), countsFor(deps.db, ids, prev)]);
    const stored = await deps.db
      .insert(tenantReports)
      .values(ids.map((id) => ({ tenantId: id, period: week.label, periodStart: week.start, periodEnd: week.end, figures: figuresOf(week, prev, thisWeek.get(id)!, lastWeek.get(id)!), createdAt: now })))
      .onConflictDoNothing({ target: [tenantReports.tenantId, tenantReports.period] })
      .returning({ id: tenantReports.id });
    result.stored += stored.length;
    if (batch.length < batchSize) break;
  }
  if (typeof result.emailed === 'number') result.emailed = await mailTenantReports(deps, week.label);
  deps.log?.info({ job: 'tenant-reports', ...result }, 'tenant weekly reports stored');
  return result;
}

/** The owners' e-mail of each report of the week not e-mailed yet: claimed, then sent (at most once). */
async function mailTenantReports(deps: TenantReportsDeps, period: string): Promise<number> {
  const mail = deps.mail!;
  let sent = 0;
  for (;;) {
    // Claim a page: emailed_at is set before sending, so a retry never sends twice.
    const claimed = await deps.db.execute<{ id: string; tenant_id: string; figures: TenantReportFigures }>(sql`
      update tenant_reports set emailed_at = ${ts(deps.now?.() ?? new Date())}
      where id in (
        select id from tenant_reports
        where period = ${period} and emailed_at is null and not coalesce((figures->>'quiet')::boolean, false)
        limit 100 for update skip locked)
      returning id, tenant_id, figures`);
    if (!claimed.length) return sent;
    const tenantIds = claimed.map((c) => c.tenant_id);
    const owners = await deps.db
      .select({ tenantId: users.tenantId, email: users.email, locale: tenants.locale, name: tenants.name })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(and(inArray(users.tenantId, tenantIds), eq(users.role, 'owner'), isNull(users.deletedAt)));
    for (const report of claimed) {
      const mine = owners.filter((o) => o.tenantId === report.tenant_id);
      if (!mine.length) continue;
      const locale: Locale = (locales as readonly string[]).includes(mine[0]!.locale) ? (mine[0]!.locale as Locale) : 'en';
      const message = renderTenantReportMail(locale, mine[0]!.name, report.figures, deps.appUrl ?? '');
      try {
        await mail.send({ to: mine.map((o) => o.email), ...message, idempotencyKey: `tenant-report-${report.id}` });
        sent++;
      } catch (error) {
        deps.log?.warn({ tenantId: report.tenant_id, err: { name: (error as Error).name } }, 'tenant weekly report e-mail failed');
      }
    }
  }
}

/** The e-mail in the workspace's language: the same figures as the page. */
export function renderTenantReportMail(locale: keyof typeof CATALOGS, workspace: string, f: TenantReportFigures, appUrl: string) {
  const t = CATALOGS[locale].TenantReports;
  const m = f.metrics;
  const percent = (x: number | null) => (x === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(x));
  const lines = [
    fillMessage(t.mail.intro, { workspace, from: f.firstDay, to: f.lastDay }),
    '',
    ...(['workflowsTotal', 'workflowsNew', 'runs', 'runsSucceeded', 'runsFailed', 'runsSkipped', 'apiCalls', 'aiCredits', 'referralSignups', 'referralConversions'] as const).map(
      (k) => `- ${t.metrics[k]}: ${m[k].thisWeek} (${fillMessage(t.lastWeek, { value: m[k].lastWeek })})`,
    ),
    `- ${t.successRate}: ${percent(f.successRate)} (${fillMessage(t.lastWeek, { value: percent(f.successRateLastWeek) })})`,
    '',
    fillMessage(t.mail.link, { url: `${appUrl.replace(/\/+$/, '')}${localizedPath('/dashboard/reports', locale)}` }),
  ];
  return { subject: fillMessage(t.mail.subject, { period: f.period, workspace }), text: lines.join('\n') };
}

export const myReportsOutputSchema = z.object({
  items: z.array(z.object({ id: z.string(), period: z.string(), createdAt: z.date(), figures: tenantReportFiguresSchema })),
});

/** The caller's workspace's reports, newest first (at most a year). */
export async function listMyReports(deps: { db: Db }, user: CurrentUser): Promise<z.infer<typeof myReportsOutputSchema>> {
  const rows = await deps.db
    .select({ id: tenantReports.id, period: tenantReports.period, createdAt: tenantReports.createdAt, figures: tenantReports.figures })
    .from(tenantReports)
    .where(eq(tenantReports.tenantId, user.tenantId))
    .orderBy(desc(tenantReports.periodStart))
    .limit(53);
  return { items: rows.map((r) => ({ ...r, figures: tenantReportFiguresSchema.parse(r.figures) })) };
}
