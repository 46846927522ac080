import type { Queue } from 'bullmq';
import { getRedis } from '~/server/infra/redis';
import { createQueue, QUEUE_NAMES, type QueueName } from './queues';

/**
 * Queues as seen from web processes: for adding jobs and reading counts only. They share the
 * web Redis connection (no offline queue), so a Redis outage fails fast instead of hanging a
 * request. Web processes never upsert job schedulers.
 */
const globalForQueues = globalThis as unknown as { levqorWebQueues?: Map<QueueName, Queue> };

export function getWebQueue(name: QueueName): Queue {
  globalForQueues.levqorWebQueues ??= new Map();
  let queue = globalForQueues.levqorWebQueues.get(name);
  if (!queue) {
    queue = createQueue(name, getRedis());
    globalForQueues.levqorWebQueues.set(name, queue);
  }
  return queue;
}

/** Jobs waiting across every queue: one of the load signals of the scaling policy. */
export async function totalWaitingJobs(): Promise<number> {
  const counts = await Promise.all(QUEUE_NAMES.map((n) => getWebQueue(n).getWaitingCount()));
  return counts.reduce((a, b) => a + b, 0);
}
