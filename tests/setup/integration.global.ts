import { Redis } from 'ioredis';
import { setup } from '../../scripts/lib/setup';

/** Fresh test database (dropped, created, migrated) and an empty test key prefix in Redis. */
export default async function globalSetup() {
  await setup({ test: true, quiet: true });
  await clearTestKeys();
}

export async function clearTestKeys() {
  const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
