import { sql, type SQL } from 'drizzle-orm';

/**
 * Marketing segments (SPEC J2). The rules, one per segment:
 *
 *  - new_signup   — created within the last 7 days (whatever its status)    -> welcome_sequence
 *  - active_trial — status 'trialing' and trial_ends_at still in the future  -> nurture_case_study
 *  - winback      — not a new sign-up, and status 'canceled' (churned) or inactive: last_activity_at
 *                   older than 14 days, or never active and created more than 14 days ago -> winback
 *
 * A workspace may be in more than one segment: a sign-up on its 7-day trial is both a new
 * sign-up and an active trial (issue 16 #4 — when the new sign-up rule came first, a sign-up
 * trial could never be nurtured). Drafts stay at most one per workspace, action and cycle.
 * Paying workspaces with recent activity and trials that ended with recent activity are in none.
 *
 * Soft-deleted tenants (deleted_at set) and tenants created after the cycle's clock are not
 * considered at all. The rules are evaluated in SQL (`segmentRules`) so a batch of tenants is
 * segmented by the database, never by loading every tenant.
 */
export const MARKETING_SEGMENTS = ['new_signup', 'active_trial', 'winback'] as const;
export type MarketingSegment = (typeof MARKETING_SEGMENTS)[number];

export const SEGMENT_ACTIONS = {
  new_signup: 'welcome_sequence',
  active_trial: 'nurture_case_study',
  winback: 'winback',
} as const satisfies Record<MarketingSegment, string>;
export type MarketingAction = (typeof SEGMENT_ACTIONS)[MarketingSegment];
export const MARKETING_ACTIONS = Object.values(SEGMENT_ACTIONS) as [MarketingAction, ...MarketingAction[]];

export const NEW_SIGNUP_DAYS = 7;
export const INACTIVE_DAYS = 14;

/**
 * Features and starter templates an e-mail may point to (keys of MarketingEmails.features).
 * The welcome e-mail's copy refers to its feature as a template in some languages (pronoun
 * agreement), so its list holds templates only.
 */
export const SEGMENT_FEATURES = {
  new_signup: ['leadCapture', 'customerSupport', 'weeklyReporting'],
  active_trial: ['aiWorkflowBuilder', 'scheduledWorkflows', 'leadCapture'],
  winback: ['leadCapture', 'aiWorkflowBuilder', 'weeklyReporting'],
} as const satisfies Record<MarketingSegment, readonly string[]>;
export type MarketingFeature = (typeof SEGMENT_FEATURES)[MarketingSegment][number];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The segment rules above as one boolean SQL expression per segment, over `tenants`.
 */
export function segmentRules(now: Date): Record<MarketingSegment, SQL<boolean>> {
  const at = now.toISOString();
  const newSince = new Date(now.getTime() - NEW_SIGNUP_DAYS * DAY_MS).toISOString();
  const inactiveBefore = new Date(now.getTime() - INACTIVE_DAYS * DAY_MS).toISOString();
  // Columns are written qualified on purpose: drizzle renders column objects unqualified in a
  // single-table select, where "created_at" inside a subquery would bind to the wrong table.
  const isNew = sql<boolean>`("tenants"."created_at" > ${newSince}::timestamptz)`;
  return {
    new_signup: isNew,
    active_trial: sql<boolean>`("tenants"."status" = 'trialing' and coalesce("tenants"."trial_ends_at" > ${at}::timestamptz, false))`,
    winback: sql<boolean>`(not ${isNew} and (
      "tenants"."status" = 'canceled'
      or "tenants"."last_activity_at" < ${inactiveBefore}::timestamptz
      or ("tenants"."last_activity_at" is null and "tenants"."created_at" < ${inactiveBefore}::timestamptz)))`,
  };
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The cycle of a moment: its calendar date in Europe/London, YYYY-MM-DD. */
export function cycleDate(now: Date): string {
  const parts = Object.fromEntries(londonDate.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
