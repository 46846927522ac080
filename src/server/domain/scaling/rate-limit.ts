import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { env } from '~/env';
import { totalWaitingJobs } from '~/server/infra/queue/web-queues';
import { getRedis } from '~/server/infra/redis';
import { createLoadSampler, type LoadSampler } from './load';
import { chooseRateLimits, TIERS, type RateClass, type RateLimits } from './policy';

/**
 * Per-caller rate limits (SPEC H5), enforced in Redis so that every instance shares the
 * counts, with an in-memory fallback when Redis is down. The allowed number of requests per
 * window comes from the scaling policy for the current load, so one counter per caller and
 * class serves every tier: a tier change applies at once, without resetting counts.
 */
export type RateDecision =
  | { allowed: true; limit: number; remaining: number; tier: RateLimits['tier'] }
  | { allowed: false; limit: number; remaining: 0; retryAfterSeconds: number; tier: RateLimits['tier'] };

const WINDOW_SECONDS = TIERS[0]!.limits.api.windowSeconds;
const COUNTER_CEILING = 1_000_000;

export function callerKey(caller: { userId?: string | null; ip?: string | null }): string {
  if (caller.userId) return `user:${caller.userId}`;
  // IPs never reach Redis in clear.
  return `ip:${createHash('sha256').update(caller.ip ?? 'unknown').digest('hex').slice(0, 24)}`;
}

export function createRateLimiter(deps: {
  redis: Redis;
  prefix: string;
  sampler?: LoadSampler;
  enabled?: boolean;
  /** Overrides the policy (tests pin a tier or a load). */
  limits?: () => RateLimits;
  sampleEveryMs?: number;
}) {
  const sampler = deps.sampler ?? createLoadSampler();
  const enabled = deps.enabled ?? true;
  const counters = new Map<RateClass, RateLimiterAbstract>();
  const counter = (cls: RateClass) => {
    let c = counters.get(cls);
    if (!c) {
      c = new RateLimiterRedis({
        storeClient: deps.redis,
        keyPrefix: `${deps.prefix}:rl:${cls}`,
        points: COUNTER_CEILING,
        duration: WINDOW_SECONDS,
        insuranceLimiter: new RateLimiterMemory({ points: COUNTER_CEILING, duration: WINDOW_SECONDS }),
      });
      counters.set(cls, c);
    }
    return c;
  };

  let limits = chooseRateLimits(0);
  const refresh = () => {
    limits = deps.limits?.() ?? chooseRateLimits(sampler.sample().load);
  };
  const timer = setInterval(refresh, deps.sampleEveryMs ?? 5000);
  timer.unref();
  if (deps.limits) refresh();

  return {
    async check(cls: RateClass, caller: { userId?: string | null; ip?: string | null }): Promise<RateDecision> {
      sampler.countRequest();
      const current = deps.limits?.() ?? limits;
      const limit = current.limits[cls].points;
      if (!enabled) return { allowed: true, limit, remaining: limit, tier: current.tier };
      const res = await counter(cls).consume(callerKey(caller), 1).catch((r: unknown) => r as { consumedPoints: number; msBeforeNext: number });
      if (res.consumedPoints > limit) {
        return { allowed: false, limit, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)), tier: current.tier };
      }
      return { allowed: true, limit, remaining: limit - res.consumedPoints, tier: current.tier };
    },
    status: () => ({ enabled, ...(deps.limits?.() ?? limits), signals: sampler.current() }),
    stop: () => clearInterval(timer),
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;

const globalForLimiter = globalThis as unknown as { levqorRateLimiter?: RateLimiter };
export function getRateLimiter(): RateLimiter {
  globalForLimiter.levqorRateLimiter ??= createRateLimiter({
    redis: getRedis(),
    prefix: env.REDIS_PREFIX,
    enabled: env.RATE_LIMIT_ENABLED,
    sampler: createLoadSampler({ readQueueDepth: totalWaitingJobs }),
  });
  return globalForLimiter.levqorRateLimiter;
}
