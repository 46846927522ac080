/**
 * Locked business rules (SPEC B1), defined once. Prices are in whole pounds (GBP). Never edit
 * these to run a promotion: discounts are coupons (SPEC G5). A drift check compares every copy
 * (catalogs, docs) with this file.
 */
export const PLANS = ['starter', 'growth', 'pro', 'business'] as const;
export type Plan = (typeof PLANS)[number];

export const MONTHLY_PRICE_GBP: Readonly<Record<Plan, number>> = { starter: 9, growth: 29, pro: 59, business: 149 };
export const YEARLY_PRICE_GBP: Readonly<Record<Plan, number>> = { starter: 90, growth: 290, pro: 590, business: 1490 };
export const DFY_PACKAGES_GBP = { starter: 149, professional: 299, enterprise: 499 } as const;
export const SUPPORT_SLA_HOURS: Readonly<Record<Plan, number>> = { starter: 48, growth: 24, pro: 12, business: 4 };
export const TRIAL_DAYS = 7;
export const TRIAL_TEXT = '7-day free trial • Card required • Cancel before Day 7 to avoid charges';

/** Monthly recurring revenue of one subscription, in pence: yearly plans count 1/12 a month. */
export function monthlyRevenuePence(plan: Plan, interval: 'month' | 'year'): number {
  return interval === 'month' ? MONTHLY_PRICE_GBP[plan] * 100 : Math.round((YEARLY_PRICE_GBP[plan] * 100) / 12);
}

export const BILLING_INTERVALS = ['month', 'year'] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export const DFY_PACKAGES = ['starter', 'professional', 'enterprise'] as const;
export type DfyPackage = (typeof DFY_PACKAGES)[number];

/**
 * What each plan adds (keys of messages Pricing.features.*), the one list the pricing page shows.
 * Plans are cumulative: every plan includes everything of the plans before it in PLANS. Every
 * product feature works on every plan, so Starter lists them all; plans differ by their monthly
 * limits (`limits`, figures from limits.ts through placeholders) and support SLA. Each entry names
 * the README feature rows it stands for (PLAN_FEATURE_BACKING): `npm run drift` fails when one of
 * them is not "done" — a plan never sells what does not exist (issue 16 #8).
 */
export const PLAN_FEATURES = {
  starter: ['templates', 'aiHelpers', 'schedulesWebhooks', 'runAnalytics', 'approvals', 'teamRoles', 'weeklyReport', 'limits'],
  growth: ['limits'],
  pro: ['limits'],
  business: ['limits'],
} as const satisfies Record<Plan, readonly string[]>;

/** README "Feature status" rows each plan feature stands for. */
export const PLAN_FEATURE_BACKING = {
  templates: ['G1'],
  aiHelpers: ['A1', 'A5'],
  schedulesWebhooks: ['P2'],
  runAnalytics: ['P2'],
  approvals: ['P2'],
  teamRoles: ['P4'],
  weeklyReport: ['J6'],
  limits: ['P3'],
} as const satisfies Record<(typeof PLAN_FEATURES)[Plan][number], readonly string[]>;
export type PlanFeature = (typeof PLAN_FEATURES)[Plan][number];
