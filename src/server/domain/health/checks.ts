import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type Stripe from 'stripe';
import type { Db } from '~/server/infra/db/client';
import { readWorkerHeartbeat, WORKER_HEARTBEAT_TTL_SECONDS } from '~/server/domain/health/worker-heartbeat';

/**
 * The individual health checks (SPEC H1). Each is bounded by a short timeout and reports
 * `{ ok, latency_ms }`; none throws. Stripe reports "not_configured" without a key.
 */
export type CheckName = 'db' | 'redis' | 'queue' | 'stripe';
export type CheckResult = { ok: boolean | 'not_configured'; latency_ms: number; detail?: string };

export const CHECK_TIMEOUT_MS = 1500;
/** Workers refresh their heartbeat every 60 s; older than this means they are gone. */
export const QUEUE_STALE_MS = 150_000;

export class CheckTimeout extends Error {}

export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new CheckTimeout(`timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function timed(fn: () => Promise<boolean | 'not_configured' | { ok: false; detail: string }>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  try {
    const result = await withTimeout(fn(), timeoutMs);
    if (typeof result === 'object') return { ok: false, latency_ms: Math.round(performance.now() - started), detail: result.detail };
    return { ok: result, latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    // Only the kind of failure is reported: messages can carry host names.
    const detail = error instanceof CheckTimeout ? 'timeout' : 'unreachable';
    return { ok: false, latency_ms: Math.round(performance.now() - started), detail };
  }
}

export type CheckDeps = { db: Db; redis: Redis; stripe: Stripe | null; now?: () => Date; timeoutMs?: number };

export function checkDb(deps: CheckDeps) {
  return timed(async () => {
    await deps.db.execute(sql`select 1`);
    return true;
  }, deps.timeoutMs ?? CHECK_TIMEOUT_MS);
}

/** Web clients have no offline queue: right after boot, wait (within the timeout) for the connection. */
export async function readyRedis(redis: Redis, waitMs = CHECK_TIMEOUT_MS): Promise<Redis> {
  if (redis.status !== 'connecting' && redis.status !== 'connect' && redis.status !== 'wait') return redis;
  if (redis.status === 'wait') void redis.connect().catch(() => null);
  let onReady: () => void = () => {};
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve) => {
      onReady = resolve;
      redis.once('ready', onReady);
      timer = setTimeout(resolve, waitMs);
    });
  } finally {
    redis.off('ready', onReady);
    clearTimeout(timer);
  }
  return redis;
}

export function checkRedis(deps: CheckDeps) {
  return timed(async () => (await (await readyRedis(deps.redis)).ping()) === 'PONG', deps.timeoutMs ?? CHECK_TIMEOUT_MS);
}

/** Workers are alive when their heartbeat is fresh (written at boot and every 60 s). */
export function checkQueue(deps: CheckDeps) {
  return timed(async () => {
    const beat = await readWorkerHeartbeat({ redis: await readyRedis(deps.redis) });
    // Why queue_ok is false, said plainly (verbose summary, admin operations page).
    if (!beat) return { ok: false, detail: 'no worker heartbeat: no worker process is running (or Redis lost its data and no worker has written since)' };
    const age = (deps.now?.() ?? new Date()).getTime() - new Date(beat.at).getTime();
    if (age > Math.min(QUEUE_STALE_MS, WORKER_HEARTBEAT_TTL_SECONDS * 1000)) {
      return { ok: false, detail: `worker heartbeat is ${Math.round(age / 1000)} s old: the workers stopped or cannot reach Redis` };
    }
    return true;
  }, deps.timeoutMs ?? CHECK_TIMEOUT_MS);
}

export function checkStripe(deps: CheckDeps) {
  if (!deps.stripe) return Promise.resolve<CheckResult>({ ok: 'not_configured', latency_ms: 0 });
  const stripe = deps.stripe;
  return timed(async () => {
    await stripe.balance.retrieve();
    return true;
  }, Math.max(deps.timeoutMs ?? CHECK_TIMEOUT_MS, 3000));
}

export async function runChecks(deps: CheckDeps): Promise<Record<CheckName, CheckResult>> {
  const [db, redis, queue, stripe] = await Promise.all([checkDb(deps), checkRedis(deps), checkQueue(deps), checkStripe(deps)]);
  return { db, redis, queue, stripe };
}
