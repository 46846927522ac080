import type { Plan } from './pricing';

/**
 * Monthly usage limits per plan and meter (SPEC P3), beside the locked prices: the one place
 * these figures live (README's "Usage limits" table is checked against it by the drift check).
 * A trialing workspace has the `trial` limits whatever plan it picked; DFY packages add nothing.
 * Months are calendar months in UTC.
 */
export const METERS = ['workflow_run', 'api_call', 'ai_credit'] as const;
export type Meter = (typeof METERS)[number];

export const LIMIT_PLANS = ['trial', 'starter', 'growth', 'pro', 'business'] as const;
export type LimitPlan = (typeof LIMIT_PLANS)[number];

export const USAGE_LIMITS: Readonly<Record<LimitPlan, Readonly<Record<Meter, number>>>> = {
  trial: { workflow_run: 200, api_call: 1_000, ai_credit: 100 },
  starter: { workflow_run: 1_000, api_call: 10_000, ai_credit: 100 },
  growth: { workflow_run: 10_000, api_call: 100_000, ai_credit: 500 },
  pro: { workflow_run: 50_000, api_call: 500_000, ai_credit: 2_000 },
  business: { workflow_run: 250_000, api_call: 2_500_000, ai_credit: 10_000 },
};

/** Warnings are raised when a meter's use reaches these percentages of its limit. */
export const WARNING_THRESHOLDS = [80, 100] as const;

export function limitPlanOf(tenant: { plan: Plan; status: string }): LimitPlan {
  return tenant.status === 'trialing' ? 'trial' : tenant.plan;
}

export function usageLimit(tenant: { plan: Plan; status: string }, meter: Meter): number {
  return USAGE_LIMITS[limitPlanOf(tenant)][meter];
}
