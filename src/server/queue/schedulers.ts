import type { QueueName } from './queues';

/**
 * Every scheduled job, in one table (SPEC J1). The worker process upserts these at boot with
 * `queue.upsertJobScheduler`; web processes never do. Later features add rows here.
 */
export type SchedulerDefinition = {
  id: string;
  queue: QueueName;
  jobName: string;
  /** Either a cron pattern (with timezone) or a fixed interval. */
  pattern?: string;
  every?: number;
  tz?: string;
  data: Record<string, unknown>;
};

export const SCHEDULERS: readonly SchedulerDefinition[] = [
  { id: 'worker-heartbeat', queue: 'maintenance', jobName: 'heartbeat', every: 60_000, data: {} },
];
