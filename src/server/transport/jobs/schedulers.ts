import type { QueueName } from '~/server/infra/queue/queues';

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
  // SPEC H3: health checks, incidents and the workers' own heartbeat.
  { id: 'worker-heartbeat', queue: 'maintenance', jobName: 'heartbeat', every: 60_000, data: {} },
  // SPEC J2: daily marketing cycle, drafts for admin approval.
  { id: 'marketing-daily', queue: 'marketing', jobName: 'marketing-cycle', pattern: '0 8 * * *', tz: 'Europe/London', data: {} },
  // SPEC J3: weekly report for the ISO week that just ended.
  { id: 'weekly-report', queue: 'reports', jobName: 'weekly-report', pattern: '0 8 * * 1', tz: 'Europe/London', data: {} },
  // Issue 16 #7: every workspace's own report for the same week, on the same schedule.
  { id: 'tenant-reports', queue: 'reports', jobName: 'tenant-reports', pattern: '0 8 * * 1', tz: 'Europe/London', data: {} },
  // SPEC G4/G5: growth roll-ups and discount suggestions for the previous UTC day.
  // SPEC P2: outbox drainer and stuck-run sweeper.
  { id: 'engine-maintenance', queue: 'maintenance', jobName: 'engine-maintenance', every: 5_000, data: {} },
  // SPEC P3: usage warnings to owners.
  { id: 'usage-warnings', queue: 'maintenance', jobName: 'usage-warnings', every: 60_000, data: {} },
  // SPEC P5: purge of deleted accounts after their grace period, daily.
  { id: 'account-purge', queue: 'maintenance', jobName: 'account-purge', pattern: '30 3 * * *', tz: 'UTC', data: {} },
  // SPEC P4: the workspace lifecycle (trial expiry, overdue payments), hourly so a trial ends on its day.
  { id: 'tenant-lifecycle', queue: 'maintenance', jobName: 'tenant-lifecycle', pattern: '5 * * * *', tz: 'UTC', data: {} },
  // SPEC P7: the upgrade planner, every 6 hours (design only: it writes plans, applies nothing).
  { id: 'upgrade-planner', queue: 'maintenance', jobName: 'upgrade-planner', pattern: '15 */6 * * *', tz: 'UTC', data: {} },
  { id: 'growth-rollup-daily', queue: 'growth', jobName: 'growth-rollup', pattern: '10 0 * * *', tz: 'UTC', data: {} },
];
