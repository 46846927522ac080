import { z } from 'zod';
import { growthRollupInputSchema } from '~/server/domain/growth/intelligence/schemas';
import { runMarketingCycleInputSchema } from '~/server/domain/marketing/schemas';
import { tenantReportsInputSchema } from '~/server/domain/reports/tenant';
import { weeklyReportInputSchema } from '~/server/domain/reports/weekly';
import { scheduledRunPayloadSchema } from '~/server/domain/runs/schedules';
import type { QueueName } from '~/server/infra/queue/queues';

/** A job is its queue, name and payload schema; the worker checks the payload before work. */
export const JOBS = {
  heartbeat: { queue: 'maintenance', payload: z.strictObject({}) },
  'weekly-report': { queue: 'reports', payload: weeklyReportInputSchema },
  // Issue 16 #7: each workspace's own weekly report, stored once and e-mailed to its owners once.
  'tenant-reports': { queue: 'reports', payload: tenantReportsInputSchema },
  'marketing-cycle': { queue: 'marketing', payload: runMarketingCycleInputSchema },
  'growth-rollup': { queue: 'growth', payload: growthRollupInputSchema },
  // SPEC P2: the engine. A run job carries only the run id; its state lives in PostgreSQL.
  run: { queue: 'workflow-runs', payload: z.strictObject({ runId: z.uuid() }) },
  'scheduled-run': { queue: 'workflow-runs', payload: scheduledRunPayloadSchema },
  'engine-maintenance': { queue: 'maintenance', payload: z.strictObject({}) },
  // SPEC P3: usage warnings (80% / 100% of a monthly limit) e-mailed to owners, once each.
  'usage-warnings': { queue: 'maintenance', payload: z.strictObject({}) },
  // SPEC P5: accounts and workspaces deleted more than the grace period ago are purged.
  'account-purge': { queue: 'maintenance', payload: z.strictObject({}) },
  // SPEC P4: trials that ended and payments overdue past the grace period suspend the workspace.
  'tenant-lifecycle': { queue: 'maintenance', payload: z.strictObject({}) },
  // SPEC P7: design-only improvement plans from anomalies, incidents and run failures.
  'upgrade-planner': { queue: 'maintenance', payload: z.strictObject({}) },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;

export type JobName = keyof typeof JOBS;
export const isJobName = (name: string): name is JobName => Object.hasOwn(JOBS, name);
