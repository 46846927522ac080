import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db } from '~/server/infra/db/client';
import { redisKey } from '~/server/infra/redis';
import { metrics } from './registry';

/**
 * Counters behind GET /api/metrics/app (SPEC H6). AI requests are counted in per-minute Redis
 * buckets shared by every instance; errors come from the stored error events.
 */
const minute = (d: Date) => Math.floor(d.getTime() / 60_000);
const aiKey = (m: number) => redisKey('metrics', 'ai', String(m));

export async function recordAiRequest(deps: { redis: Redis; now?: () => Date }, labels: { capability: string; provider: string }) {
  metrics().aiRequests.inc(labels);
  const key = aiKey(minute(deps.now?.() ?? new Date()));
  await deps.redis.multi().incr(key).expire(key, 600).exec().catch(() => null);
}

export async function aiRequestsLast5m(deps: { redis: Redis; now?: () => Date }): Promise<number> {
  const m = minute(deps.now?.() ?? new Date());
  const values = await deps.redis.mget(...[0, 1, 2, 3, 4].map((i) => aiKey(m - i)));
  return values.reduce((n, v) => n + (v ? Number(v) : 0), 0);
}

export async function errorsLast5m(deps: { db: Db; now?: () => Date }): Promise<number> {
  const since = new Date((deps.now?.() ?? new Date()).getTime() - 5 * 60_000).toISOString();
  const [row] = await deps.db.execute<{ n: number }>(
    sql`select count(*)::int as n from telemetry_events where kind = 'error' and created_at > ${since}::timestamptz`,
  );
  return row?.n ?? 0;
}
