import type { Queue } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { workflows } from '~/server/infra/db/schema';
import type { Logger } from '~/server/infra/logger';
import { asWorkflowSteps } from '~/server/domain/workflows/steps';
import type { EngineDeps } from './deps';
import { startRun } from './start';

/**
 * Schedule triggers (SPEC P2): one BullMQ job scheduler per active workflow whose first step is a
 * schedule trigger, id `wf-<workflowId>`. It is upserted on activate and removed on pause or
 * delete (`syncWorkflowSchedule`), and the worker reconciles all of them at boot and whenever
 * Redis comes back (`reconcileSchedules`): upserts are idempotent, so however many workers boot
 * there is exactly one scheduler per workflow.
 */
export const SCHEDULED_RUN_JOB = 'scheduled-run';
export const scheduledRunPayloadSchema = z.strictObject({ workflowId: z.uuid() });
export const schedulerId = (workflowId: string) => `wf-${workflowId}`;

type Schedulable = { id: string; status: string; steps: unknown };

function cronOf(workflow: Schedulable): { cron: string; timezone: string } | null {
  const first = asWorkflowSteps(workflow.steps as never)[0];
  if (workflow.status !== 'active' || first?.type !== 'schedule_trigger') return null;
  return { cron: first.config.cron, timezone: first.config.timezone ?? 'UTC' };
}

export async function syncWorkflowSchedule(deps: { queue: Queue }, workflow: Schedulable | { id: string; deleted: true }): Promise<'scheduled' | 'removed'> {
  const schedule = 'deleted' in workflow ? null : cronOf(workflow);
  if (!schedule) {
    await deps.queue.removeJobScheduler(schedulerId(workflow.id));
    return 'removed';
  }
  await deps.queue.upsertJobScheduler(
    schedulerId(workflow.id),
    { pattern: schedule.cron, tz: schedule.timezone },
    { name: SCHEDULED_RUN_JOB, data: { workflowId: workflow.id }, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } } },
  );
  return 'scheduled';
}

/** Every active scheduled workflow gets its scheduler; schedulers of others are removed. */
export async function reconcileSchedules(deps: { db: Db; queue: Queue; log?: Logger }): Promise<{ scheduled: number; removed: number }> {
  const active = await deps.db
    .select({ id: workflows.id, status: workflows.status, steps: workflows.steps })
    .from(workflows)
    .where(eq(workflows.status, 'active'));
  let scheduled = 0;
  const keep = new Set<string>();
  for (const w of active) {
    if (cronOf(w)) {
      await syncWorkflowSchedule(deps, w);
      keep.add(schedulerId(w.id));
      scheduled++;
    }
  }
  let removed = 0;
  for (const s of await deps.queue.getJobSchedulers(0, -1)) {
    const id = s.key ?? s.id;
    if (id?.startsWith('wf-') && !keep.has(id)) {
      await deps.queue.removeJobScheduler(id);
      removed++;
    }
  }
  return { scheduled, removed };
}

/** A scheduler fired: one run per workflow and fire time (a retried job starts nothing new). */
export async function runScheduled(deps: EngineDeps, input: { workflowId: string; firedAt: Date }) {
  const [workflow] = await deps.db
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, input.workflowId), eq(workflows.status, 'active')))
    .limit(1);
  if (!workflow) return { skipped: 'not active' as const };
  const at = input.firedAt.toISOString();
  return startRun(deps, { workflow, trigger: 'schedule', payload: { body: { scheduledAt: at }, scheduledAt: at }, startedBy: null, dedupeKey: `schedule:${at}` });
}
