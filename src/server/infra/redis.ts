import { Redis, type RedisOptions } from 'ioredis';
import { env } from '~/env';

/**
 * Redis connections. Web requests must fail fast when Redis is down (no offline queue, few
 * retries per command); workers need `maxRetriesPerRequest: null` (BullMQ's requirement).
 */
export function createRedis(kind: 'web' | 'worker', url: string = env.REDIS_URL, extra: RedisOptions = {}): Redis {
  const base: RedisOptions =
    kind === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 2000 };
  const redis = new Redis(url, { lazyConnect: false, ...base, ...extra });
  // Without a listener ioredis prints every reconnect failure as an unhandled error.
  redis.on('error', () => {});
  return redis;
}

const globalForRedis = globalThis as unknown as { levqorRedis?: Redis };
export function getRedis(): Redis {
  globalForRedis.levqorRedis ??= createRedis('web');
  return globalForRedis.levqorRedis;
}

/** Every key Levqor writes goes through this, so tests and instances can share one server. */
export const redisKey = (...parts: string[]) => [env.REDIS_PREFIX, ...parts].join(':');
