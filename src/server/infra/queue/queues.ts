import { Queue, type DefaultJobOptions, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { env } from '~/env';
import { logger } from '~/server/infra/logger';

/**
 * Queue names, shared job options and the retry policy (SPEC J1): 5 attempts, exponential
 * backoff from 1 s capped at 5 min, bounded completed/failed lists.
 */
export const QUEUE_NAMES = ['marketing', 'reports', 'growth', 'maintenance', 'workflow-runs'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const RETRY_BASE_MS = 1000;
export const RETRY_CAP_MS = 5 * 60 * 1000;

export const defaultJobOptions: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'capped-exponential' },
  removeOnComplete: { count: 1000, age: 7 * 24 * 3600 },
  removeOnFail: { count: 5000, age: 30 * 24 * 3600 },
};

/** Delay before retry n (1-based): 1 s, 2 s, 4 s, ... never more than 5 min. */
export function retryDelayMs(attemptsMade: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attemptsMade - 1), RETRY_CAP_MS);
}

export const workerSettings: WorkerOptions['settings'] = {
  backoffStrategy: (attemptsMade: number, type?: string) =>
    type === 'capped-exponential' ? retryDelayMs(attemptsMade) : 0,
};

export function createQueue(name: QueueName, connection: Redis, prefix: string = env.REDIS_PREFIX): Queue {
  const queue = new Queue(name, { connection, prefix, defaultJobOptions });
  queue.on('error', (err) => logger.warn({ queue: name, err: { message: err.message } }, 'queue error'));
  return queue;
}

