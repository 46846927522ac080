import { z } from 'zod';
import { daySchema, daysBetween } from './dates';

/**
 * Inputs and outputs of growth intelligence (SPEC G4): the admin views (tRPC, admin only) and
 * the daily roll-up job's payload. Days are UTC calendar dates, YYYY-MM-DD; periods include
 * both ends.
 */
export const MAX_PERIOD_DAYS = 1096; // three years

const sourceSchema = z.string().trim().toLowerCase().min(1, 'Source is empty').max(100, 'Source is too long');

const periodShape = { from: daySchema, to: daySchema };
function checkPeriod(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts' });
  else if (daysBetween(v.from, v.to) + 1 > MAX_PERIOD_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `A period is at most ${MAX_PERIOD_DAYS} days` });
  }
}

export const periodInputSchema = z.strictObject(periodShape).superRefine(checkPeriod);
export type PeriodInput = z.input<typeof periodInputSchema>;

export const funnelInputSchema = z
  .strictObject({ ...periodShape, source: sourceSchema.optional() })
  .superRefine(checkPeriod);
export type FunnelInput = z.input<typeof funnelInputSchema>;

export const retentionInputSchema = z.strictObject({
  /** The grid is as of the ISO week containing this day: its 12 cohorts end with that week. */
  to: daySchema,
});
export type RetentionInput = z.input<typeof retentionInputSchema>;

/** How a view's figures were obtained: days (or weeks) read from roll-ups vs computed from events. */
export const coverageSchema = z.object({ rolledUp: z.number().int(), live: z.number().int() });
export type Coverage = z.infer<typeof coverageSchema>;

const rate = z.number().nullable();

export const FUNNEL_STEPS = ['visits', 'signups', 'trials', 'conversions'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const funnelSchema = z.object({
  from: z.string(),
  to: z.string(),
  source: z.string().nullable(),
  steps: z.array(
    z.object({
      key: z.enum(FUNNEL_STEPS),
      count: z.number().int(),
      /** count / previous step's count; null for the first step or when the previous is 0. */
      rateFromPrevious: rate,
      /** count / visits; null when there were no visits. */
      rateFromStart: rate,
    }),
  ),
  /** Paid conversions / visits; null when there were no visits. */
  overallRate: rate,
  churns: z.number().int(),
  revenuePence: z.number().int(),
  currency: z.literal('GBP'),
  coverage: coverageSchema,
});
export type Funnel = z.infer<typeof funnelSchema>;

export const sourceRowSchema = z.object({
  source: z.string(),
  visits: z.number().int(),
  signups: z.number().int(),
  trials: z.number().int(),
  conversions: z.number().int(),
  churns: z.number().int(),
  revenuePence: z.number().int(),
  /** conversions / signups; null without sign-ups. */
  signupToPaidRate: rate,
  /** revenue / signups, rounded to whole pence; null without sign-ups. */
  revenuePerSignupPence: z.number().int().nullable(),
});
export type SourceRow = z.infer<typeof sourceRowSchema>;

export const sourcesSchema = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.literal('GBP'),
  /** By revenue, then sign-ups (descending), then source name. */
  items: z.array(sourceRowSchema),
  coverage: coverageSchema,
});
export type SourceRoi = z.infer<typeof sourcesSchema>;

const activeCounts = { dau: z.number().int(), wau: z.number().int(), mau: z.number().int() };
export const activitySchema = z.object({
  from: z.string(),
  to: z.string(),
  /** One point per day of the period, over all sources. */
  series: z.array(z.object({ day: z.string(), ...activeCounts })),
  /** The day the per-source figures are for: the period's last day. */
  asOf: z.string(),
  /** Per source on `asOf`, by MAU (descending) then source name; sources active in its 30-day window. */
  bySource: z.array(z.object({ source: z.string(), ...activeCounts })),
  coverage: coverageSchema,
});
export type Activity = z.infer<typeof activitySchema>;

export const retentionSchema = z.object({
  /** Monday of the grid's last cohort week. */
  endWeek: z.string(),
  weeks: z.number().int(),
  /** Oldest cohort first. */
  cohorts: z.array(
    z.object({
      /** Monday (UTC) of the sign-up week. */
      cohortWeek: z.string(),
      /** ISO week label, e.g. 2026-W47. */
      label: z.string(),
      size: z.number().int(),
      /**
       * Offsets 0..11: tenants of the cohort active in that week. Null when that week is after
       * the grid's end week or has not started yet. Offset 0 is the cohort itself (100%).
       */
      cells: z.array(z.object({ offset: z.number().int(), retained: z.number().int().nullable(), rate })),
    }),
  ),
  /** Activity weeks read from roll-ups vs computed from events. */
  coverage: coverageSchema,
});
export type Retention = z.infer<typeof retentionSchema>;

// ---- the daily roll-up job ----

/** Job payload (BullMQ) and function input: the UTC day to roll up; default the previous day. */
export const growthRollupInputSchema = z.strictObject({ day: daySchema.optional() });
export type GrowthRollupInput = z.input<typeof growthRollupInputSchema>;

export { sourceSchema as growthSourceSchema };
