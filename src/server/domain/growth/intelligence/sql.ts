import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '~/server/infra/db/client';
import { addDays } from './dates';

/**
 * SQL building blocks of growth intelligence (SPEC G4), shared by the daily roll-up job and the
 * views' live part (days not rolled up yet). Every figure is an aggregate computed by
 * PostgreSQL; only aggregated rows (per source, day or cohort) ever reach JavaScript.
 *
 * Range predicates on growth_events always name the event types (`type = any(...)`), so that
 * PostgreSQL can use growth_events_type_time_idx (type, occurred_at) for a day or a week
 * instead of scanning the table; for long ranges it still picks a sequential scan.
 */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export const EVENT_TYPES = ['visit', 'signup', 'trial_start', 'conversion', 'churn'] as const;
/**
 * "Active" (DAU/WAU/MAU, cohort retention): a tenant with any growth event carrying its tenant
 * id — an `active` event (a signed-in day of use, a run, an AI request: growth/activity.ts), a
 * visit while signed in, sign-up, trial start or conversion. A churn event is not activity (it
 * records the tenant leaving).
 */
export const ACTIVE_TYPES = ['active', 'visit', 'signup', 'trial_start', 'conversion'] as const;
/** The roll-up row that holds a day's totals over all sources; it also marks the day as rolled up. */
export const ALL_SOURCES = '*';
/** An event whose source is literally '*' is counted under this source (the key '*' means "all"). */
export const STAR_SOURCE_ALIAS = 'other';
/** Weekly cohorts in the retention grid, and offsets per cohort (0..11). */
export const COHORT_WEEKS = 12;

const typeArray = (types: readonly string[]) =>
  sql.raw(`array[${types.map((t) => `'${t}'`).join(', ')}]::growth_event_type[]`);
export const ALL_TYPES_SQL = typeArray(EVENT_TYPES);
export const ACTIVE_TYPES_SQL = typeArray(ACTIVE_TYPES);

/** The event's source as rolled up ('*' is reserved for totals). */
export const SOURCE_EXPR = sql.raw(`(case when source = '${ALL_SOURCES}' then '${STAR_SOURCE_ALIAS}' else source end)`);

/** 00:00 UTC of a day, as a timestamptz parameter. */
export const ts = (day: string): SQL => sql`${`${day}T00:00:00.000Z`}::timestamptz`;
export const date = (day: string): SQL => sql`${day}::date`;

/** `(occurred_at >= a and occurred_at < b) or ...` over half-open day ranges; false when none. */
export function inRanges(ranges: readonly { from: string; to: string }[], column = 'occurred_at'): SQL {
  if (ranges.length === 0) return sql`false`;
  const col = sql.raw(column);
  return sql`(${sql.join(
    ranges.map((r) => sql`(${col} >= ${ts(r.from)} and ${col} < ${ts(r.to)})`),
    sql` or `,
  )})`;
}

/** The counted columns of a roll-up row, in order. */
export const COUNT_COLUMNS = ['visits', 'signups', 'trials', 'conversions', 'churns', 'revenue_pence'] as const;

const countSelect = sql.raw(`
  count(*) filter (where type = 'visit')::bigint as visits,
  count(*) filter (where type = 'signup')::bigint as signups,
  count(*) filter (where type = 'trial_start')::bigint as trials,
  count(*) filter (where type = 'conversion')::bigint as conversions,
  count(*) filter (where type = 'churn')::bigint as churns,
  coalesce(sum(amount_pence) filter (where type = 'conversion'), 0)::bigint as revenue_pence`);

/**
 * Event counts over the given day ranges: per source (`bySource`), per source plus a '*' total
 * row (`withTotal`, a grouping set: always one total row, zeros when there are no events), or one
 * total row. Optionally only one source.
 */
export function liveCounts(
  ranges: readonly { from: string; to: string }[],
  opts: { group: 'source' | 'source+total' | 'total'; source?: string | null },
): SQL {
  const where = sql`type = any(${ALL_TYPES_SQL}) and ${inRanges(ranges)}${opts.source ? sql` and ${SOURCE_EXPR} = ${opts.source}` : sql``}`;
  if (opts.group === 'total') {
    return sql`select ${ALL_SOURCES}::text as source, ${countSelect} from growth_events where ${where}`;
  }
  if (opts.group === 'source') {
    return sql`select ${SOURCE_EXPR} as source, ${countSelect} from growth_events where ${where} group by 1`;
  }
  return sql`
    select case when grouping(src) = 1 then ${ALL_SOURCES}::text else src end as source, ${countSelect}
    from (select ${SOURCE_EXPR} as src, type, amount_pence from growth_events where ${where}) ev
    group by grouping sets ((src), ())`;
}

/**
 * DAU / WAU / MAU of each given day, per source and over all sources ('*'): distinct active
 * tenants on the day, in the 7 days and in the 30 days ending with it. Days without any
 * activity in their 30-day window produce no row (callers fill zeros).
 */
export function liveActivity(days: readonly string[]): SQL {
  if (days.length === 0) {
    return sql`select null::text as day, null::text as source, 0 as dau, 0 as wau, 0 as mau where false`;
  }
  // Events of every 30-day window, as ranges: [day - 29, day + 1) merged.
  const windows: { from: string; to: string }[] = [];
  for (const day of days) {
    const from = addDays(day, -29);
    const to = addDays(day, 1);
    const last = windows[windows.length - 1];
    if (last && from <= last.to) last.to = to > last.to ? to : last.to;
    else windows.push({ from, to });
  }
  return sql`
    with d as (
      select x as day,
             (x::timestamp at time zone 'UTC') as s,
             ((x - 6)::timestamp at time zone 'UTC') as s7,
             ((x - 29)::timestamp at time zone 'UTC') as s30,
             ((x + 1)::timestamp at time zone 'UTC') as e
      from unnest(${`{${days.join(',')}}`}::date[]) as x
    ),
    ev as (
      select tenant_id, ${SOURCE_EXPR} as src, occurred_at
      from growth_events
      where type = any(${ACTIVE_TYPES_SQL}) and tenant_id is not null and ${inRanges(windows)}
    )
    select d.day::text as day,
           case when grouping(ev.src) = 1 then ${ALL_SOURCES}::text else ev.src end as source,
           count(distinct ev.tenant_id) filter (where ev.occurred_at >= d.s)::int as dau,
           count(distinct ev.tenant_id) filter (where ev.occurred_at >= d.s7)::int as wau,
           count(distinct ev.tenant_id)::int as mau
    from d
    join ev on ev.occurred_at >= d.s30 and ev.occurred_at < d.e
    group by grouping sets ((d.day, ev.src), (d.day))`;
}

/**
 * CTEs `cand` and `members`: tenants whose FIRST sign-up event falls in [firstCohort, end),
 * with their cohort (the Monday of that sign-up's ISO week, UTC). A tenant with an earlier
 * sign-up event belongs to an older cohort and is left out.
 */
export function cohortMembersCtes(firstCohort: string, end: string): SQL {
  return sql`
    cand as (
      select tenant_id, min(occurred_at) as first_at
      from growth_events
      where type = 'signup' and tenant_id is not null and occurred_at >= ${ts(firstCohort)} and occurred_at < ${ts(end)}
      group by tenant_id
    ),
    members as (
      select c.tenant_id, date_trunc('week', c.first_at at time zone 'UTC')::date as cohort
      from cand c
      where not exists (
        select 1 from growth_events p
        where p.tenant_id = c.tenant_id and p.type = 'signup' and p.occurred_at < ${ts(firstCohort)}
      )
    )`;
}
