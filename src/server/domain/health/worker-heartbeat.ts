import type { Redis } from 'ioredis';
import { redisKey } from '~/server/infra/redis';

/** Workers prove they are alive by refreshing this key; health reads it (queue_ok). */
export const WORKER_HEARTBEAT_TTL_SECONDS = 180;
export const workerHeartbeatKey = () => redisKey('worker', 'heartbeat');

export async function recordWorkerHeartbeat(deps: { redis: Redis; now?: () => Date }, info: { pid: number }) {
  const at = (deps.now?.() ?? new Date()).toISOString();
  await deps.redis.set(workerHeartbeatKey(), JSON.stringify({ at, pid: info.pid }), 'EX', WORKER_HEARTBEAT_TTL_SECONDS);
  return { at };
}

export async function readWorkerHeartbeat(deps: { redis: Redis }): Promise<{ at: string; pid: number } | null> {
  const raw = await deps.redis.get(workerHeartbeatKey());
  if (!raw) return null;
  try {
    return JSON.parse(raw) as { at: string; pid: number };
  } catch {
    return null;
  }
}
