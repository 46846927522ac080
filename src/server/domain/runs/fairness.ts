import type { Redis } from 'ioredis';
import { redisKey } from '~/server/infra/redis';

/**
 * Per-tenant fairness (SPEC P2): at most `limit` runs of one workspace execute at a time, so one
 * tenant's burst cannot starve the others (the open equivalent of BullMQ Pro's groups). A slot
 * is a member of a sorted set scored by its lease expiry: a worker that dies without releasing
 * it loses it when the lease runs out. Taking the run's lock and a slot is one Lua script
 * (`enterRun`): atomic under concurrency, one round trip.
 */
export const SLOT_LEASE_MS = 10 * 60_000;
const slotsKey = (tenantId: string) => redisKey('engine', 'slots', tenantId);

/**
 * One worker at a time per run: a lease (SET NX PX) renewed before every step and every third of
 * its length while a step runs. A worker that died loses it when the lease runs out; only then
 * may another treat its 'running' step as crashed.
 */
export const RUN_LOCK_MS = 30_000;
const lockKey = (runId: string) => redisKey('engine', 'run-lock', runId);
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

export async function renewRunLock(deps: { redis: Redis }, runId: string, token: string, ms: number = RUN_LOCK_MS): Promise<boolean> {
  return (await deps.redis.eval(RENEW, 1, lockKey(runId), token, ms)) === 1;
}

/**
 * Lock and slot in one round trip (the hot path of every run job): 1 = both taken, 0 = the run
 * is locked by another worker (busy), -1 = the tenant is at its cap (throttled; nothing held).
 */
const ENTER = `
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') == false then return 0 end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
if redis.call('ZSCORE', KEYS[2], ARGV[5]) or redis.call('ZCARD', KEYS[2]) < tonumber(ARGV[6]) then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
  redis.call('PEXPIRE', KEYS[2], ARGV[7])
  return 1
end
redis.call('DEL', KEYS[1])
return -1`;
const LEAVE = `
redis.call('ZREM', KEYS[2], ARGV[2])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

export async function enterRun(
  deps: { redis: Redis; now?: () => Date },
  input: { tenantId: string; runId: string; token: string; lockMs: number; limit: number },
): Promise<'entered' | 'busy' | 'throttled'> {
  const now = (deps.now?.() ?? new Date()).getTime();
  const got = await deps.redis.eval(
    ENTER,
    2,
    lockKey(input.runId),
    slotsKey(input.tenantId),
    input.token,
    input.lockMs,
    now,
    now + SLOT_LEASE_MS,
    input.runId,
    input.limit,
    SLOT_LEASE_MS * 2,
  );
  return got === 1 ? 'entered' : got === 0 ? 'busy' : 'throttled';
}

export async function leaveRun(deps: { redis: Redis }, input: { tenantId: string; runId: string; token: string }): Promise<void> {
  await deps.redis.eval(LEAVE, 2, lockKey(input.runId), slotsKey(input.tenantId), input.token, input.runId);
}
