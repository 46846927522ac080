import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { AppError } from '~/server/errors';
import { addDays, dayOf, dayRanges, daysIn, isoWeekLabel, weekStartOf } from './dates';
import {
  funnelInputSchema,
  FUNNEL_STEPS,
  periodInputSchema,
  retentionInputSchema,
  type Activity,
  type Coverage,
  type Funnel,
  type FunnelInput,
  type PeriodInput,
  type Retention,
  type RetentionInput,
  type SourceRoi,
  type SourceRow,
} from './schemas';
import {
  ACTIVE_TYPES_SQL,
  ALL_SOURCES,
  cohortMembersCtes,
  COHORT_WEEKS,
  date,
  inRanges,
  liveActivity,
  liveCounts,
  type Tx,
} from './sql';

/**
 * The admin views of growth intelligence (SPEC G4): funnel, ROI by source, DAU/WAU/MAU and the
 * weekly cohort retention grid.
 *
 * Where the figures come from: a day that the daily job has rolled up (its '*' row exists in
 * growth_daily_rollups) is read from the roll-up tables; every other day of the period — today,
 * which is never rolled up, and any day the job has not run for yet — is computed from the raw
 * growth_events in the same request. Both parts are read in one REPEATABLE READ snapshot, so a
 * roll-up committing meanwhile is never counted twice. Cohort cells are read from
 * growth_cohort_rollups for activity weeks whose Sunday is rolled up (the Sunday job writes the
 * week's final cells) and computed from events for the other weeks (normally the current one).
 * Every figure is a SQL aggregate; JavaScript only shapes the aggregated rows.
 *
 * `useRollups: false` computes everything from events (tests and the benchmark compare both).
 */
export type GrowthViewDeps = { db: Db; now?: () => Date };
export type GrowthViewOptions = { useRollups?: boolean };

function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_REQUEST', `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'Invalid input'}`);
  }
  return parsed.data;
}

const snapshot = <T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  db.transaction(fn, { isolationLevel: 'repeatable read', accessMode: 'read only' });

const num = z.coerce.number();
const int = (v: unknown) => Math.round(num.parse(v ?? 0));
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Days of [from, to] that are rolled up, and the others (to be computed from events). */
async function splitDays(tx: Tx, from: string, to: string, opts: GrowthViewOptions): Promise<{ rolled: Set<string>; live: string[] }> {
  const all = daysIn(from, to);
  if (opts.useRollups === false) return { rolled: new Set(), live: all };
  const rows = await tx.execute(sql`
    select day::text as day from growth_daily_rollups
    where source = ${ALL_SOURCES} and day >= ${date(from)} and day <= ${date(to)}`);
  const rolled = new Set(rows.map((r) => String((r as { day: string }).day)));
  return { rolled, live: all.filter((d) => !rolled.has(d)) };
}

const COUNT_COLUMNS_SQL = sql.raw('visits, signups, trials, conversions, churns, revenue_pence');
const SUMS_SQL = sql.raw(`
  coalesce(sum(visits), 0)::bigint as visits, coalesce(sum(signups), 0)::bigint as signups,
  coalesce(sum(trials), 0)::bigint as trials, coalesce(sum(conversions), 0)::bigint as conversions,
  coalesce(sum(churns), 0)::bigint as churns, coalesce(sum(revenue_pence), 0)::bigint as revenue_pence`);

/** Roll-up rows of the period (only rolled-up days have rows) unioned with live counts of the other days. */
function countRows(
  from: string,
  to: string,
  split: { rolled: Set<string>; live: string[] },
  opts: { group: 'source' | 'total'; source?: string | null },
): SQL {
  const parts: SQL[] = [];
  if (split.rolled.size > 0) {
    const which = opts.group === 'total' ? sql`source = ${opts.source ?? ALL_SOURCES}` : sql`source <> ${ALL_SOURCES}`;
    parts.push(sql`select source, ${COUNT_COLUMNS_SQL} from growth_daily_rollups where day >= ${date(from)} and day <= ${date(to)} and ${which}`);
  }
  if (split.live.length > 0) {
    const ranges = dayRanges(split.live);
    parts.push(sql`select source, ${COUNT_COLUMNS_SQL} from (${liveCounts(ranges, opts)}) live`);
  }
  if (parts.length === 0) return sql`select null::text as source, ${COUNT_COLUMNS_SQL} from (select 0 as visits, 0 as signups, 0 as trials, 0 as conversions, 0 as churns, 0 as revenue_pence) z where false`;
  return sql.join(parts, sql` union all `);
}

const coverageOf = (split: { rolled: Set<string>; live: string[] }): Coverage => ({ rolledUp: split.rolled.size, live: split.live.length });

/** Funnel visits -> sign-ups -> trials -> paid over a period (optionally one source). */
export async function getFunnel(deps: GrowthViewDeps, rawInput: FunnelInput, opts: GrowthViewOptions = {}): Promise<Funnel> {
  const input = parseInput(funnelInputSchema, rawInput);
  const source = input.source ?? null;
  return snapshot(deps.db, async (tx) => {
    const split = await splitDays(tx, input.from, input.to, opts);
    const [row] = await tx.execute(sql`select ${SUMS_SQL} from (${countRows(input.from, input.to, split, { group: 'total', source })}) x`);
    const r = (row ?? {}) as Record<string, unknown>;
    const counts = {
      visits: int(r.visits),
      signups: int(r.signups),
      trials: int(r.trials),
      conversions: int(r.conversions),
    };
    const steps = FUNNEL_STEPS.map((key, i) => ({
      key,
      count: counts[key],
      rateFromPrevious: i === 0 ? null : ratio(counts[key], counts[FUNNEL_STEPS[i - 1]!]),
      rateFromStart: ratio(counts[key], counts.visits),
    }));
    return {
      from: input.from,
      to: input.to,
      source,
      steps,
      overallRate: ratio(counts.conversions, counts.visits),
      churns: int(r.churns),
      revenuePence: int(r.revenue_pence),
      currency: 'GBP' as const,
      coverage: coverageOf(split),
    };
  });
}

/**
 * The last `days` UTC days, today included: the growth page's "last 7 / 30 / ..." presets. One
 * definition for every place that shows such a figure (issue 16: the admin overview and growth
 * intelligence disagreed).
 */
export function lastDaysPeriod(now: Date, days: number): { from: string; to: string } {
  const to = dayOf(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** Sign-ups over the last `days` UTC days: the funnel's sign-up step for that period. */
export async function signupsInLastDays(deps: GrowthViewDeps, days: number): Promise<number> {
  const funnel = await getFunnel(deps, lastDaysPeriod(deps.now?.() ?? new Date(), days));
  return funnel.steps.find((s) => s.key === 'signups')?.count ?? 0;
}

/** Sign-ups, conversions and revenue (GBP pence) per utm source over a period. */
export async function getSourceRoi(deps: GrowthViewDeps, rawInput: PeriodInput, opts: GrowthViewOptions = {}): Promise<SourceRoi> {
  const input = parseInput(periodInputSchema, rawInput);
  return snapshot(deps.db, async (tx) => {
    const split = await splitDays(tx, input.from, input.to, opts);
    const rows = await tx.execute(sql`
      select source, ${SUMS_SQL}
      from (${countRows(input.from, input.to, split, { group: 'source' })}) x
      group by source
      order by revenue_pence desc, signups desc, source`);
    const items: SourceRow[] = rows.map((raw) => {
      const r = raw as Record<string, unknown>;
      const signups = int(r.signups);
      const conversions = int(r.conversions);
      const revenuePence = int(r.revenue_pence);
      const perSignup = ratio(revenuePence, signups);
      return {
        source: String(r.source),
        visits: int(r.visits),
        signups,
        trials: int(r.trials),
        conversions,
        churns: int(r.churns),
        revenuePence,
        signupToPaidRate: ratio(conversions, signups),
        revenuePerSignupPence: perSignup === null ? null : Math.round(perSignup),
      };
    });
    return { from: input.from, to: input.to, currency: 'GBP' as const, items, coverage: coverageOf(split) };
  });
}

/** DAU / WAU / MAU per day of a period (all sources) and per source on its last day. */
export async function getActivity(deps: GrowthViewDeps, rawInput: PeriodInput, opts: GrowthViewOptions = {}): Promise<Activity> {
  const input = parseInput(periodInputSchema, rawInput);
  const asOf = input.to;
  return snapshot(deps.db, async (tx) => {
    const split = await splitDays(tx, input.from, input.to, opts);
    const parts: SQL[] = [];
    if (split.rolled.size > 0) {
      parts.push(sql`
        select day::text as day, source, dau, wau, mau from growth_daily_rollups
        where day >= ${date(input.from)} and day <= ${date(input.to)} and (source = ${ALL_SOURCES} or day = ${date(asOf)})`);
    }
    if (split.live.length > 0) parts.push(sql`select day, source, dau, wau, mau from (${liveActivity(split.live)}) live`);
    const rows = parts.length ? await tx.execute(sql.join(parts, sql` union all `)) : [];
    const totals = new Map<string, { dau: number; wau: number; mau: number }>();
    const bySource: Activity['bySource'] = [];
    for (const raw of rows) {
      const r = raw as Record<string, unknown>;
      const figures = { dau: int(r.dau), wau: int(r.wau), mau: int(r.mau) };
      if (r.source === ALL_SOURCES) totals.set(String(r.day), figures);
      else if (r.day === asOf && figures.mau > 0) bySource.push({ source: String(r.source), ...figures });
    }
    bySource.sort((a, b) => b.mau - a.mau || b.wau - a.wau || b.dau - a.dau || (a.source < b.source ? -1 : 1));
    return {
      from: input.from,
      to: input.to,
      series: daysIn(input.from, input.to).map((day) => ({ day, ...(totals.get(day) ?? { dau: 0, wau: 0, mau: 0 }) })),
      asOf,
      bySource,
      coverage: coverageOf(split),
    };
  });
}

/**
 * Weekly cohort retention as of the ISO week containing `to`: the 12 cohorts (by the week of
 * each tenant's first sign-up event) ending with that week; cell k = tenants of the cohort
 * active in the k-th week after it. Offset 0 is the cohort size by definition (100%). Cells
 * after the grid's end week, or after the current week, are null.
 */
export async function getRetention(deps: GrowthViewDeps, rawInput: RetentionInput, opts: GrowthViewOptions = {}): Promise<Retention> {
  const input = parseInput(retentionInputSchema, rawInput);
  const now = deps.now?.() ?? new Date();
  const currentWeek = weekStartOf(dayOf(now));
  const endWeek = weekStartOf(input.to);
  const firstCohort = addDays(endWeek, -7 * (COHORT_WEEKS - 1));
  const lastActivityWeek = endWeek < currentWeek ? endWeek : currentWeek;
  const activityWeeks = Array.from({ length: COHORT_WEEKS }, (_, i) => addDays(firstCohort, 7 * i)).filter((w) => w <= lastActivityWeek);

  return snapshot(deps.db, async (tx) => {
    // Weeks whose Sunday is rolled up: their cells are final in growth_cohort_rollups.
    const final = new Set<string>();
    if (opts.useRollups !== false && activityWeeks.length > 0) {
      const sundays = await tx.execute(sql`
        select day::text as day from growth_daily_rollups
        where source = ${ALL_SOURCES} and day >= ${date(addDays(firstCohort, 6))} and day <= ${date(addDays(lastActivityWeek, 6))}
          and extract(isodow from day) = 7`);
      for (const r of sundays) final.add(addDays(String((r as { day: string }).day), -6));
    }
    const liveWeeks = activityWeeks.filter((w) => !final.has(w));

    const stored = new Map<string, { size: number; retained: number }>();
    if (final.size > 0) {
      const rows = await tx.execute(sql`
        select cohort_week::text as cohort, week_offset, cohort_size, retained from growth_cohort_rollups
        where cohort_week >= ${date(firstCohort)} and cohort_week <= ${date(endWeek)} and week_offset >= 0 and week_offset < ${COHORT_WEEKS}`);
      for (const raw of rows) {
        const r = raw as Record<string, unknown>;
        stored.set(`${String(r.cohort)}/${int(r.week_offset)}`, { size: int(r.cohort_size), retained: int(r.retained) });
      }
    }

    const liveSizes = new Map<string, number>();
    const liveRetained = new Map<string, number>();
    if (liveWeeks.length > 0) {
      const rows = await tx.execute(sql`
        with ${cohortMembersCtes(firstCohort, addDays(endWeek, 7))},
        act as (
          select distinct tenant_id, date_trunc('week', occurred_at at time zone 'UTC')::date as wk
          from growth_events
          where type = any(${ACTIVE_TYPES_SQL}) and tenant_id is not null
            and ${inRanges(liveWeeks.map((w) => ({ from: w, to: addDays(w, 7) })))}
        )
        select 'size' as kind, cohort::text as cohort, null::text as wk, count(*)::int as n from members group by cohort
        union all
        select 'retained', m.cohort::text, a.wk::text, count(*)::int
        from members m join act a on a.tenant_id = m.tenant_id and a.wk > m.cohort
        group by m.cohort, a.wk`);
      for (const raw of rows) {
        const r = raw as Record<string, unknown>;
        if (r.kind === 'size') liveSizes.set(String(r.cohort), int(r.n));
        else liveRetained.set(`${String(r.cohort)}/${String(r.wk)}`, int(r.n));
      }
    }

    const cohorts: Retention['cohorts'] = Array.from({ length: COHORT_WEEKS }, (_, i) => {
      const cohortWeek = addDays(firstCohort, 7 * i);
      const size =
        liveWeeks.length > 0
          ? (liveSizes.get(cohortWeek) ?? 0)
          : (stored.get(`${cohortWeek}/0`)?.size ?? 0);
      const cells = Array.from({ length: COHORT_WEEKS }, (_, offset) => {
        const week = addDays(cohortWeek, 7 * offset);
        if (week > lastActivityWeek) return { offset, retained: null, rate: null };
        const retained =
          offset === 0
            ? size
            : final.has(week)
              ? (stored.get(`${cohortWeek}/${offset}`)?.retained ?? 0)
              : (liveRetained.get(`${cohortWeek}/${week}`) ?? 0);
        return { offset, retained, rate: ratio(retained, size) };
      });
      return { cohortWeek, label: isoWeekLabel(cohortWeek), size, cells };
    });
    return { endWeek, weeks: COHORT_WEEKS, cohorts, coverage: { rolledUp: final.size, live: liveWeeks.length } };
  });
}

