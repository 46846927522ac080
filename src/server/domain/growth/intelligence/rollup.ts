import { sql } from 'drizzle-orm';
import type { Db } from '~/server/infra/db/client';
import { AppError } from '~/server/errors';
import type { Logger } from '~/server/infra/logger';
import { computeDiscountSuggestions, type DiscountSuggestionOutcome } from '../discounts/suggest';
import { addDays, dayOf, weekStartOf } from './dates';
import { growthRollupInputSchema, type GrowthRollupInput } from './schemas';
import { ACTIVE_TYPES_SQL, ALL_SOURCES, cohortMembersCtes, COHORT_WEEKS, date, liveActivity, liveCounts, ts } from './sql';

/**
 * The daily growth roll-up (SPEC G4, G5), run by the 'growth-rollup' job at 00:10 UTC for the
 * previous UTC day (or a given day), in one transaction:
 *
 * 1. growth_daily_rollups for the day: per source, and a '*' row over all sources (always
 *    written, zeros included: it marks the day as rolled up): visits, sign-ups, trial starts,
 *    conversions, churns and revenue (conversion amounts, GBP pence) of events that day; DAU /
 *    WAU / MAU = distinct tenants with an activity event (any growth event with a tenant id
 *    except churn) that day / in the 7 days / in the 30 days ending that day. A source with
 *    activity in the 30 days but no events that day still gets a row (its WAU/MAU).
 * 2. growth_cohort_rollups for the ISO week containing the day: for each of the 12 cohorts
 *    (sign-up weeks: this week and the 11 before), the cell whose activity week is this week:
 *    cohort size (tenants whose first sign-up event is in the cohort week) and retained (those
 *    with an activity event in this week; offset 0 = the cohort size by definition). The cells
 *    use the whole week's events, so the Sunday run leaves the week's final figures and a later
 *    re-run of an earlier day never shrinks them.
 * 3. discount_suggestions for the day (../discounts/suggest.ts).
 *
 * Idempotent: rows are upserted and only written when a figure changed (computed_at included:
 * an identical re-run changes nothing at all); a day's rows for sources that no longer have
 * events are deleted. A transaction-level advisory lock serialises concurrent runs.
 */
export type GrowthRollupDeps = { db: Db; now?: () => Date; log?: Logger };
export type ProgressCallback = (pct: number, step: string) => void | Promise<unknown>;

export type GrowthRollupResult = {
  day: string;
  /** Monday of the ISO week whose cohort cells were written. */
  week: string;
  /** Sources with a row for the day ('*' not counted). */
  sources: number;
  /** Daily rows inserted or changed, and removed (0 and 0 on an identical re-run). */
  dailyChanged: number;
  dailyRemoved: number;
  cohortCellsChanged: number;
  discounts: DiscountSuggestionOutcome;
  ms: number;
};

const LOCK_KEY = 'levqor:growth-rollup';

export async function runGrowthRollup(
  deps: GrowthRollupDeps,
  input: GrowthRollupInput & { onProgress?: ProgressCallback } = {},
): Promise<GrowthRollupResult> {
  const { onProgress, ...rest } = input;
  const parsed = growthRollupInputSchema.safeParse(rest);
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', `Invalid growth roll-up input: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  const log = deps.log?.child({ job: 'growth-rollup' });
  const progress = async (pct: number, step: string) => {
    try {
      await onProgress?.(pct, step);
    } catch (error) {
      log?.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'progress update failed');
    }
  };
  const now = deps.now?.() ?? new Date();
  const today = dayOf(now);
  const day = parsed.data.day ?? addDays(today, -1);
  if (day >= today) {
    throw new AppError('BAD_REQUEST', `Day ${day} has not ended yet (UTC); roll up ${addDays(today, -1)} or an earlier day`);
  }
  const week = weekStartOf(day);
  const started = performance.now();
  await progress(0, 'start');

  const result = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${LOCK_KEY}))`);
    const at = sql`${now.toISOString()}::timestamptz`;

    const [daily] = await tx.execute(sql`
      with counts as (${liveCounts([{ from: day, to: addDays(day, 1) }], { group: 'source+total' })}),
      act as (${liveActivity([day])}),
      fresh as (
        select coalesce(c.source, a.source) as source,
               coalesce(c.visits, 0)::int as visits, coalesce(c.signups, 0)::int as signups,
               coalesce(c.trials, 0)::int as trials, coalesce(c.conversions, 0)::int as conversions,
               coalesce(c.churns, 0)::int as churns, coalesce(c.revenue_pence, 0)::bigint as revenue_pence,
               coalesce(a.dau, 0)::int as dau, coalesce(a.wau, 0)::int as wau, coalesce(a.mau, 0)::int as mau
        from counts c full join act a on a.source = c.source
      ),
      removed as (
        delete from growth_daily_rollups g
        where g.day = ${date(day)} and not exists (select 1 from fresh f where f.source = g.source)
        returning 1
      ),
      upserted as (
        insert into growth_daily_rollups as g
          (day, source, visits, signups, trials, conversions, churns, revenue_pence, dau, wau, mau, computed_at)
        select ${date(day)}, source, visits, signups, trials, conversions, churns, revenue_pence, dau, wau, mau, ${at}
        from fresh
        on conflict (day, source) do update set
          visits = excluded.visits, signups = excluded.signups, trials = excluded.trials,
          conversions = excluded.conversions, churns = excluded.churns, revenue_pence = excluded.revenue_pence,
          dau = excluded.dau, wau = excluded.wau, mau = excluded.mau, computed_at = excluded.computed_at
        where (g.visits, g.signups, g.trials, g.conversions, g.churns, g.revenue_pence, g.dau, g.wau, g.mau)
          is distinct from (excluded.visits, excluded.signups, excluded.trials, excluded.conversions, excluded.churns,
                            excluded.revenue_pence, excluded.dau, excluded.wau, excluded.mau)
        returning 1
      )
      select (select count(*) from fresh where source <> ${ALL_SOURCES})::int as sources,
             (select count(*) from upserted)::int as changed,
             (select count(*) from removed)::int as removed`);
    await progress(40, 'daily');

    const firstCohort = addDays(week, -7 * (COHORT_WEEKS - 1));
    const weekEnd = addDays(week, 7);
    const [cohorts] = await tx.execute(sql`
      with ${cohortMembersCtes(firstCohort, weekEnd)},
      act as (
        select distinct tenant_id from growth_events
        where type = any(${ACTIVE_TYPES_SQL}) and tenant_id is not null
          and occurred_at >= ${ts(week)} and occurred_at < ${ts(weekEnd)}
      ),
      grid as (
        select (${date(week)} - 7 * k)::date as cohort, k as week_offset from generate_series(0, ${COHORT_WEEKS - 1}) as k
      ),
      cells as (
        select grid.cohort, grid.week_offset, count(m.tenant_id)::int as size, count(act.tenant_id)::int as retained
        from grid
        left join members m on m.cohort = grid.cohort
        left join act on act.tenant_id = m.tenant_id
        group by grid.cohort, grid.week_offset
      ),
      upserted as (
        insert into growth_cohort_rollups as g (cohort_week, week_offset, cohort_size, retained, computed_at)
        select cohort, week_offset, size, case when week_offset = 0 then size else retained end, ${at}
        from cells
        on conflict (cohort_week, week_offset) do update set
          cohort_size = excluded.cohort_size, retained = excluded.retained, computed_at = excluded.computed_at
        where (g.cohort_size, g.retained) is distinct from (excluded.cohort_size, excluded.retained)
        returning 1
      )
      select (select count(*) from upserted)::int as changed`);
    await progress(70, 'cohorts');

    const discounts = await computeDiscountSuggestions({ db: tx, now }, { day });
    await progress(90, 'discounts');
    const d = (daily ?? {}) as Record<string, unknown>;
    return {
      sources: Number(d.sources ?? 0),
      dailyChanged: Number(d.changed ?? 0),
      dailyRemoved: Number(d.removed ?? 0),
      cohortCellsChanged: Number((cohorts as Record<string, unknown> | undefined)?.changed ?? 0),
      discounts,
    };
  });

  const ms = Math.round(performance.now() - started);
  await progress(100, 'done');
  log?.info(
    { day, week, sources: result.sources, dailyChanged: result.dailyChanged, cohortCellsChanged: result.cohortCellsChanged, suggested: result.discounts.suggested, ms },
    'growth roll-up done',
  );
  return { day, week, ...result, ms };
}

/** Rolls up every day from `from` to `to` (e.g. after a deployment, or for the benchmark), oldest first. */
export async function backfillGrowthRollups(deps: GrowthRollupDeps, input: { from: string; to: string }): Promise<GrowthRollupResult[]> {
  const results: GrowthRollupResult[] = [];
  for (let day = input.from; day <= input.to; day = addDays(day, 1)) {
    results.push(await runGrowthRollup(deps, { day }));
  }
  return results;
}
