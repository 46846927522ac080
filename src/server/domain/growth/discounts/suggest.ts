import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { discountSuggestions } from '~/server/infra/db/schema';
import { addDays } from '../intelligence/dates';
import { ALL_SOURCES, liveCounts, type Executor } from '../intelligence/sql';

/**
 * Discount suggestions (SPEC G5), computed by the daily growth roll-up for the day it rolls up,
 * from the sign-up / trial / conversion events of the 14 days ending that day (UTC):
 *
 * - low_trial_conversion (all sources, '*'): at least `minTrials` trial starts and paid
 *   conversions / trial starts below `maxRatePct` % -> `percentOff` % off the first month.
 * - source_underperforming (per source): at least `minSignups` sign-ups from the source and
 *   its conversions / sign-ups below `relativePct` % of the rate over all sources (which must be
 *   above 0) -> `percentOff` % off the first month, for visitors of that source.
 *
 * Rates are event ratios within the window (conversions counted in the window over trials or
 * sign-ups counted in it), not the fate of individual tenants.
 *
 * Stored once per day, rule and source (unique index): a re-run of the same day refreshes the
 * figures of a suggestion that is still pending and removes pending ones whose rule no longer
 * fires; applied or dismissed suggestions are never touched. A rule and source that an admin
 * decided on (applied or dismissed) in the 14 days before the day is not suggested again
 * (cool-down), so a dismissed suggestion does not come back the next morning.
 *
 * Nothing here touches Stripe or prices: applying is a separate admin action (./decide.ts).
 */
export const DISCOUNT_WINDOW_DAYS = 14;
export const DISCOUNT_COOLDOWN_DAYS = 14;

export const DISCOUNT_RULES = {
  low_trial_conversion: { minTrials: 20, maxRatePct: 10, percentOff: 20, durationMonths: 1 },
  source_underperforming: { minSignups: 20, relativePct: 50, percentOff: 15, durationMonths: 1 },
} as const;
export type DiscountRule = keyof typeof DISCOUNT_RULES;
export const DISCOUNT_RULE_IDS = Object.keys(DISCOUNT_RULES) as DiscountRule[];

type Candidate = {
  rule: DiscountRule;
  source: string;
  percentOff: number;
  durationMonths: number;
  reason: Record<string, string | number>;
};

export type DiscountSuggestionOutcome = {
  day: string;
  /** Rule:source pairs suggested for the day (new or refreshed). */
  suggested: string[];
  /** Rows inserted or changed by this run (0 on an identical re-run). */
  changed: number;
  /** Pending suggestions of the day removed because their rule no longer fires. */
  removed: number;
  /** Rule:source pairs that fired but are cooling down after a recent decision. */
  coolingDown: string[];
};

const pct = (a: number, b: number) => Math.round((a / b) * 1000) / 10;

/** The rules over the window's aggregated counts (one row per source plus '*'). */
export function evaluateDiscountRules(
  rows: { source: string; signups: number; trials: number; conversions: number }[],
  windowDays = DISCOUNT_WINDOW_DAYS,
): Candidate[] {
  const out: Candidate[] = [];
  const total = rows.find((r) => r.source === ALL_SOURCES) ?? { source: ALL_SOURCES, signups: 0, trials: 0, conversions: 0 };

  const low = DISCOUNT_RULES.low_trial_conversion;
  if (total.trials >= low.minTrials && (total.conversions / total.trials) * 100 < low.maxRatePct) {
    out.push({
      rule: 'low_trial_conversion',
      source: ALL_SOURCES,
      percentOff: low.percentOff,
      durationMonths: low.durationMonths,
      reason: {
        windowDays,
        trials: total.trials,
        conversions: total.conversions,
        ratePct: pct(total.conversions, total.trials),
        thresholdPct: low.maxRatePct,
      },
    });
  }

  const under = DISCOUNT_RULES.source_underperforming;
  if (total.signups > 0 && total.conversions > 0) {
    const overallPct = (total.conversions / total.signups) * 100;
    for (const r of rows) {
      if (r.source === ALL_SOURCES || r.signups < under.minSignups) continue;
      const ratePct = (r.conversions / r.signups) * 100;
      if (ratePct < (overallPct * under.relativePct) / 100) {
        out.push({
          rule: 'source_underperforming',
          source: r.source,
          percentOff: under.percentOff,
          durationMonths: under.durationMonths,
          reason: {
            windowDays,
            signups: r.signups,
            conversions: r.conversions,
            ratePct: pct(r.conversions, r.signups),
            overallRatePct: Math.round(overallPct * 10) / 10,
            thresholdPct: Math.round(((overallPct * under.relativePct) / 100) * 10) / 10,
          },
        });
      }
    }
  }
  return out;
}

/** Computes and stores the day's suggestions (run inside the roll-up's transaction). */
export async function computeDiscountSuggestions(
  deps: { db: Executor; now: Date },
  input: { day: string },
): Promise<DiscountSuggestionOutcome> {
  const { db, now } = deps;
  const { day } = input;
  const windowStart = addDays(day, -(DISCOUNT_WINDOW_DAYS - 1));
  const counted = await db.execute(
    sql`select source, signups, trials, conversions from (${liveCounts([{ from: windowStart, to: addDays(day, 1) }], { group: 'source+total' })}) c`,
  );
  const rows = counted.map((raw) => {
    const r = raw as Record<string, unknown>;
    return { source: String(r.source), signups: Number(r.signups), trials: Number(r.trials), conversions: Number(r.conversions) };
  });
  const fired = evaluateDiscountRules(rows);

  const decided = await db
    .select({ rule: discountSuggestions.rule, source: discountSuggestions.source })
    .from(discountSuggestions)
    .where(
      and(
        gte(discountSuggestions.day, addDays(day, -DISCOUNT_COOLDOWN_DAYS)),
        lt(discountSuggestions.day, day),
        inArray(discountSuggestions.status, ['applied', 'dismissed']),
      ),
    );
  const cooling = new Set(decided.map((d) => `${d.rule}:${d.source}`));
  const candidates = fired.filter((c) => !cooling.has(`${c.rule}:${c.source}`));
  const keep = candidates.map((c) => sql`(${c.rule}, ${c.source})`);

  const removed = await db
    .delete(discountSuggestions)
    .where(
      and(
        eq(discountSuggestions.day, day),
        eq(discountSuggestions.status, 'suggested'),
        keep.length ? sql`(${discountSuggestions.rule}, ${discountSuggestions.source}) not in (${sql.join(keep, sql`, `)})` : undefined,
      ),
    )
    .returning({ id: discountSuggestions.id });

  let changed = 0;
  if (candidates.length > 0) {
    const rowsChanged = await db
      .insert(discountSuggestions)
      .values(candidates.map((c) => ({ day, ...c, createdAt: now })))
      .onConflictDoUpdate({
        target: [discountSuggestions.day, discountSuggestions.rule, discountSuggestions.source],
        set: {
          percentOff: sql`excluded.percent_off`,
          durationMonths: sql`excluded.duration_months`,
          reason: sql`excluded.reason`,
        },
        // Only a pending suggestion is refreshed, and only when its figures changed.
        setWhere: sql`${discountSuggestions.status} = 'suggested' and (${discountSuggestions.percentOff}, ${discountSuggestions.durationMonths}, ${discountSuggestions.reason}) is distinct from (excluded.percent_off, excluded.duration_months, excluded.reason)`,
      })
      .returning({ id: discountSuggestions.id });
    changed = rowsChanged.length;
  }
  return {
    day,
    suggested: candidates.map((c) => `${c.rule}:${c.source}`),
    changed,
    removed: removed.length,
    coolingDown: fired.filter((c) => cooling.has(`${c.rule}:${c.source}`)).map((c) => `${c.rule}:${c.source}`),
  };
}
