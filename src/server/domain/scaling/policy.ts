/**
 * Scaling policy (SPEC H5) — "logical auto-scaling" of rate limits, NOT infrastructure
 * scaling. It never starts machines or processes: it only decides how generous the per-caller
 * request limits are, given how loaded this instance is. Infrastructure autoscaling (more web
 * instances, bigger databases) is configured outside the app.
 *
 * Pure: the same load always gives the same limits.
 */
export type RateClass = 'api' | 'ai' | 'auth';
export type TierName = 'generous' | 'normal' | 'tight' | 'critical';
export type Limit = { points: number; windowSeconds: number };
export type RateLimits = { tier: TierName; load: number; limits: Record<RateClass, Limit> };

/** Tiers by upper load bound (load is in [0, 1]); per caller, per window. */
export const TIERS: readonly { tier: TierName; maxLoad: number; limits: Record<RateClass, Limit> }[] = [
  {
    tier: 'generous',
    maxLoad: 0.5,
    limits: { api: { points: 600, windowSeconds: 60 }, ai: { points: 30, windowSeconds: 60 }, auth: { points: 20, windowSeconds: 60 } },
  },
  {
    tier: 'normal',
    maxLoad: 0.75,
    limits: { api: { points: 300, windowSeconds: 60 }, ai: { points: 15, windowSeconds: 60 }, auth: { points: 10, windowSeconds: 60 } },
  },
  {
    tier: 'tight',
    maxLoad: 0.9,
    limits: { api: { points: 120, windowSeconds: 60 }, ai: { points: 6, windowSeconds: 60 }, auth: { points: 6, windowSeconds: 60 } },
  },
  {
    tier: 'critical',
    maxLoad: Number.POSITIVE_INFINITY,
    limits: { api: { points: 60, windowSeconds: 60 }, ai: { points: 2, windowSeconds: 60 }, auth: { points: 4, windowSeconds: 60 } },
  },
];

export function chooseRateLimits(load: number): RateLimits {
  const clamped = Number.isFinite(load) ? Math.min(1, Math.max(0, load)) : 1;
  const tier = TIERS.find((t) => clamped <= t.maxLoad) ?? TIERS[TIERS.length - 1]!;
  return { tier: tier.tier, load: clamped, limits: tier.limits };
}
