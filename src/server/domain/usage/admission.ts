import { and, eq, inArray } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Meter } from '~/server/domain/billing/limits';
import type { Db } from '~/server/infra/db/client';
import { usageCounters } from '~/server/infra/db/schema';
import { redisKey } from '~/server/infra/redis';
import { AppError } from '~/server/errors';
import { readyRedis } from '~/server/domain/health/checks';
import { usageLimitError } from './limit-error';
import { usagePeriod } from './period';

/**
 * Admission (SPEC P3): an atomic check-and-increment per workspace, meter and month in Redis —
 * one Lua script, so 200 concurrent runs against 100 remaining admit exactly 100. Several meters
 * are admitted together or not at all (a webhook is an API call and a run). The PostgreSQL ledger
 * (usage events + counters, written with the thing measured) is the record; a Redis counter that
 * is missing (expired, Redis restarted empty) is seeded from it. Whoever admitted and then did
 * not record (a duplicate, a failed write) gives the reservation back with `release`.
 */
export type AdmissionDeps = { db: Db; redis: Redis; now?: () => Date };
export type AdmitItem = { meter: Meter; quantity: number; limit: number };

const counterKey = (tenantId: string, meter: Meter, month: string) => redisKey('usage', tenantId, meter, month);

// KEYS: one counter per item. ARGV: time to live (ms), then per item quantity, limit, seed ('' = none).
// Returns {1, used...} when admitted, {-1, item, used} when an item is over its limit, {-2, item}
// when a counter is missing and no seed was given.
const ADMIT = `
local n = #KEYS
local current = {}
for i = 1, n do
  local v = redis.call('GET', KEYS[i])
  if not v then
    local seed = ARGV[1 + (i - 1) * 3 + 3]
    if seed == '' then return {-2, i} end
    redis.call('SET', KEYS[i], seed, 'NX')
    v = redis.call('GET', KEYS[i])
  end
  local q = tonumber(ARGV[1 + (i - 1) * 3 + 1])
  local limit = tonumber(ARGV[1 + (i - 1) * 3 + 2])
  if tonumber(v) + q > limit then return {-1, i, tonumber(v)} end
  current[i] = tonumber(v)
end
local out = {1}
for i = 1, n do
  out[i + 1] = redis.call('INCRBY', KEYS[i], ARGV[1 + (i - 1) * 3 + 1])
  redis.call('PEXPIRE', KEYS[i], ARGV[1])
end
return out`;

const RELEASE = `
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('DECRBY', KEYS[i], ARGV[i]) end
end
return 1`;

type UsageCommands = {
  levqorUsageAdmit(numKeys: number, ...args: (string | number)[]): Promise<(number | string)[]>;
  levqorUsageRelease(numKeys: number, ...args: (string | number)[]): Promise<number>;
};

/** The scripts as commands (EVALSHA, the script sent once per connection). */
function commands(redis: Redis): UsageCommands {
  if (!(redis as unknown as Partial<UsageCommands>).levqorUsageAdmit) {
    redis.defineCommand('levqorUsageAdmit', { lua: ADMIT });
    redis.defineCommand('levqorUsageRelease', { lua: RELEASE });
  }
  return redis as unknown as UsageCommands;
}

export type Admission = { tenantId: string; month: string; items: (AdmitItem & { usedAfter: number })[] };

export async function admit(deps: AdmissionDeps, tenantId: string, items: AdmitItem[]): Promise<Admission> {
  const now = deps.now?.() ?? new Date();
  const { month, period, end } = usagePeriod(now);
  const keys = items.map((i) => counterKey(tenantId, i.meter, month));
  // Counters live a week past their month (late releases still find them); relative to the
  // clock's now, so an injected clock and Redis's own agree.
  const ttlMs = Math.max(60_000, end.getTime() - now.getTime() + 7 * 86_400_000);
  const redis = commands(await readyRedis(deps.redis));
  let seeds: (number | '')[] = items.map(() => '');
  for (let round = 0; round < 2; round++) {
    const args: (string | number)[] = [ttlMs];
    items.forEach((item, i) => args.push(item.quantity, item.limit, seeds[i]!));
    let res: number[];
    try {
      res = (await redis.levqorUsageAdmit(keys.length, ...keys, ...args)).map(Number);
    } catch (error) {
      // Without Redis nothing can be admitted exactly: a clear 503, nothing written.
      throw new AppError('SERVICE_UNAVAILABLE', 'Usage limits cannot be checked right now. Please try again in a moment.', { cause: error });
    }
    if (res[0] === 1) return { tenantId, month, items: items.map((item, i) => ({ ...item, usedAfter: res[i + 1]! })) };
    if (res[0] === -1) {
      const item = items[res[1]! - 1]!;
      throw usageLimitError(item.meter, item.limit, res[2]!, now);
    }
    // A counter is missing: seed every counter from the ledger, then try once more.
    const rows = await deps.db
      .select({ meter: usageCounters.meter, used: usageCounters.used })
      .from(usageCounters)
      .where(and(eq(usageCounters.tenantId, tenantId), eq(usageCounters.period, period), inArray(usageCounters.meter, items.map((i) => i.meter))));
    seeds = items.map((item) => rows.find((r) => r.meter === item.meter)?.used ?? 0);
  }
  throw new Error('usage counter could not be seeded');
}

/** Gives an admission back (nothing was recorded for it). */
export async function release(deps: AdmissionDeps, admission: Admission, only?: Meter[]): Promise<void> {
  const items = admission.items.filter((i) => !only || only.includes(i.meter));
  if (items.length === 0) return;
  await commands(deps.redis).levqorUsageRelease(
    items.length,
    ...items.map((i) => counterKey(admission.tenantId, i.meter, admission.month)),
    ...items.map((i) => i.quantity),
  );
}

/** Releases and swallows errors: a failed release only leaves the Redis counter high until re-seeded. */
export const releaseQuietly = (deps: AdmissionDeps, admission: Admission, only?: Meter[]) => release(deps, admission, only).catch(() => undefined);
