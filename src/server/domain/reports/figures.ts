import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { monthlyRevenuePence, PLANS } from '~/server/domain/billing/pricing';
import type { Db } from '~/server/infra/db/client';
import {
  billingIntervalEnum,
  incidents,
  planEnum,
  referrals,
  subscriptions,
  tenants,
  users,
  workflows,
} from '~/server/infra/db/schema';
import { isoWeekOf, previousWeek, REPORT_TIME_ZONE, type IsoWeek } from './iso-week';

/**
 * The weekly report's figures (SPEC J3), for one ISO week and the week before, in ONE SQL
 * statement: each table is read once over both weeks with range predicates on its indexed
 * timestamp column (tenants_created_at_idx, users_last_login_idx, workflows_created_at_idx,
 * subscriptions_status_idx, referrals_created_at_idx, referrals_converted_at_idx,
 * incidents_opened_at_idx) and split per week with FILTER. The workflow total is a plain count
 * before the previous week (an index-only scan) plus the two weeks' counts. No row reaches
 * JavaScript.
 *
 * Definitions (the Markdown's notes say the same in words):
 * - newTenants: tenants created in the week and not soft-deleted.
 * - activeUsers: users whose last sign-in (users.last_login_at) is in the week. Only the latest
 *   sign-in is stored, so someone active in both weeks counts in the later one only.
 * - workflowsTotal: workflows created before the week's end; workflowsNew: created in the week.
 * - mrrPence: at the week's end, subscriptions with status 'active', started before the end and
 *   not canceled before it; monthly plans at their monthly price, yearly at 1/12 of the yearly
 *   price, per subscription rounded as `monthlyRevenuePence` does (locked prices, GBP pence).
 * - referrals: referrals created in the week; referralConversions: converted in the week.
 * - incidents: incidents opened in the week.
 */
export const METRIC_KEYS = [
  'newTenants',
  'activeUsers',
  'workflowsTotal',
  'workflowsNew',
  'mrrPence',
  'referrals',
  'referralConversions',
  'incidents',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const metricSchema = z.object({
  thisWeek: z.number(),
  lastWeek: z.number(),
  /** thisWeek - lastWeek */
  change: z.number(),
  /** Percent change, one decimal; null when last week was 0. */
  changePercent: z.number().nullable(),
});
export type Metric = z.infer<typeof metricSchema>;

export const weeklyFiguresSchema = z.object({
  version: z.literal(1),
  /** ISO week label, e.g. 2026-W47, and its bounds (ISO 8601 UTC instants; end exclusive). */
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** Local calendar dates of the week's Monday and Sunday. */
  firstDay: z.string(),
  lastDay: z.string(),
  previousPeriod: z.string(),
  previousStart: z.string(),
  previousEnd: z.string(),
  timeZone: z.string(),
  currency: z.literal('GBP'),
  generatedAt: z.string(),
  metrics: z.object({
    newTenants: metricSchema,
    activeUsers: metricSchema,
    workflowsTotal: metricSchema,
    workflowsNew: metricSchema,
    mrrPence: metricSchema,
    referrals: metricSchema,
    referralConversions: metricSchema,
    incidents: metricSchema,
  }),
});
export type WeeklyFigures = z.infer<typeof weeklyFiguresSchema>;

export function metric(thisWeek: number, lastWeek: number): Metric {
  return {
    thisWeek,
    lastWeek,
    change: thisWeek - lastWeek,
    changePercent: lastWeek === 0 ? null : Math.round(((thisWeek - lastWeek) / lastWeek) * 1000) / 10,
  };
}

const at = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/** The locked price table as a VALUES list: (plan, interval, monthly revenue in pence). */
function priceRows(): SQL {
  const rows = PLANS.flatMap((plan) =>
    (['month', 'year'] as const).map(
      (interval) =>
        sql`(${plan}::${sql.identifier(planEnum.enumName)}, ${interval}::${sql.identifier(billingIntervalEnum.enumName)}, ${monthlyRevenuePence(plan, interval)}::int)`,
    ),
  );
  return sql.join(rows, sql`, `);
}

const rowSchema = z.object(
  Object.fromEntries(
    METRIC_KEYS.flatMap((k) => [
      [`${k}_cur`, z.coerce.number().int()],
      [`${k}_prev`, z.coerce.number().int()],
    ]),
  ) as Record<`${MetricKey}_${'cur' | 'prev'}`, z.ZodCoercedNumber>,
);

function figuresQuery(week: IsoWeek, prev: IsoWeek): SQL {
  const s = at(week.start);
  const e = at(week.end);
  const ps = at(prev.start);
  return sql`
    with prices (plan, interval, pence) as (values ${priceRows()}),
    t as (
      select count(*) filter (where ${tenants.createdAt} >= ${s}) as cur,
             count(*) filter (where ${tenants.createdAt} < ${s}) as prev
      from ${tenants}
      where ${tenants.createdAt} >= ${ps} and ${tenants.createdAt} < ${e} and ${tenants.deletedAt} is null
    ),
    u as (
      select count(*) filter (where ${users.lastLoginAt} >= ${s}) as cur,
             count(*) filter (where ${users.lastLoginAt} < ${s}) as prev
      from ${users}
      where ${users.lastLoginAt} >= ${ps} and ${users.lastLoginAt} < ${e}
    ),
    w_before as (
      select count(*) as n from ${workflows} where ${workflows.createdAt} < ${ps}
    ),
    w as (
      select count(*) filter (where ${workflows.createdAt} >= ${s}) as new_cur,
             count(*) filter (where ${workflows.createdAt} < ${s}) as new_prev
      from ${workflows}
      where ${workflows.createdAt} >= ${ps} and ${workflows.createdAt} < ${e}
    ),
    m as (
      select coalesce(sum(prices.pence) filter (
               where ${subscriptions.canceledAt} is null or ${subscriptions.canceledAt} >= ${e}), 0) as cur,
             coalesce(sum(prices.pence) filter (
               where ${subscriptions.startedAt} < ${s}
                 and (${subscriptions.canceledAt} is null or ${subscriptions.canceledAt} >= ${s})), 0) as prev
      from ${subscriptions}
      join prices on prices.plan = ${subscriptions.plan} and prices.interval = ${subscriptions.interval}
      where ${subscriptions.status} = 'active' and ${subscriptions.startedAt} < ${e}
    ),
    r as (
      select count(*) filter (where ${referrals.createdAt} >= ${s}) as cur,
             count(*) filter (where ${referrals.createdAt} < ${s}) as prev
      from ${referrals}
      where ${referrals.createdAt} >= ${ps} and ${referrals.createdAt} < ${e}
    ),
    c as (
      select count(*) filter (where ${referrals.convertedAt} >= ${s}) as cur,
             count(*) filter (where ${referrals.convertedAt} < ${s}) as prev
      from ${referrals}
      where ${referrals.convertedAt} >= ${ps} and ${referrals.convertedAt} < ${e}
    ),
    i as (
      select count(*) filter (where ${incidents.openedAt} >= ${s}) as cur,
             count(*) filter (where ${incidents.openedAt} < ${s}) as prev
      from ${incidents}
      where ${incidents.openedAt} >= ${ps} and ${incidents.openedAt} < ${e}
    )
    select t.cur as "newTenants_cur", t.prev as "newTenants_prev",
           u.cur as "activeUsers_cur", u.prev as "activeUsers_prev",
           w_before.n + w.new_prev + w.new_cur as "workflowsTotal_cur", w_before.n + w.new_prev as "workflowsTotal_prev",
           w.new_cur as "workflowsNew_cur", w.new_prev as "workflowsNew_prev",
           m.cur as "mrrPence_cur", m.prev as "mrrPence_prev",
           r.cur as "referrals_cur", r.prev as "referrals_prev",
           c.cur as "referralConversions_cur", c.prev as "referralConversions_prev",
           i.cur as "incidents_cur", i.prev as "incidents_prev"
    from t, u, w_before, w, m, r, c, i`;
}

/**
 * Figures of the ISO week containing `weekStart` (normally its Monday 00:00 London) and of the
 * week before, in one database round trip.
 */
export async function computeWeeklyFigures(
  deps: { db: Db; now?: () => Date },
  input: { weekStart: Date; timeZone?: string },
): Promise<WeeklyFigures> {
  const week = isoWeekOf(input.weekStart, input.timeZone ?? REPORT_TIME_ZONE);
  const prev = previousWeek(week);
  const [raw] = await deps.db.execute(figuresQuery(week, prev));
  const row = rowSchema.parse(raw);
  const metrics = Object.fromEntries(
    METRIC_KEYS.map((k) => [k, metric(row[`${k}_cur`], row[`${k}_prev`])]),
  ) as Record<MetricKey, Metric>;
  return {
    version: 1,
    period: week.label,
    periodStart: week.start.toISOString(),
    periodEnd: week.end.toISOString(),
    firstDay: week.firstDay,
    lastDay: week.lastDay,
    previousPeriod: prev.label,
    previousStart: prev.start.toISOString(),
    previousEnd: prev.end.toISOString(),
    timeZone: week.timeZone,
    currency: 'GBP',
    generatedAt: (deps.now?.() ?? new Date()).toISOString(),
    metrics,
  };
}
