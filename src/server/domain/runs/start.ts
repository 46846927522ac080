import { and, eq } from 'drizzle-orm';
import { ownedBy } from '~/server/domain/accounts/tenancy';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { AppError } from '~/server/errors';
import { workflowRuns, workflows, workflowVersions } from '~/server/infra/db/schema';
import { metrics } from '~/server/infra/metrics/registry';
import { type EngineDeps, MAX_TRIGGER_PAYLOAD_BYTES } from './deps';
import { drainOutbox, writeDispatch } from './dispatch';

type Trigger = 'manual' | 'test' | 'schedule' | 'webhook' | 'rerun';
type WorkflowRow = typeof workflows.$inferSelect;

/**
 * Starting a run (SPEC P2): a run row pinned to the workflow's current version and, for class A,
 * its first dispatch in the outbox — one transaction. Class B and C runs wait for approval and
 * hold no worker. After commit the dispatch is moved to the queue at once; if that fails (Redis
 * just went away), the worker's drainer moves it later: the run is never lost.
 */
export async function startRun(
  deps: EngineDeps,
  input: {
    workflow: WorkflowRow;
    trigger: Trigger;
    payload: Record<string, unknown>;
    startedBy: string | null;
    dedupeKey?: string | null;
    rerunOf?: string | null;
  },
): Promise<{ runId: string; status: 'queued' | 'waiting'; duplicate: boolean }> {
  const size = Buffer.byteLength(JSON.stringify(input.payload));
  if (size > MAX_TRIGGER_PAYLOAD_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `A run's input can be at most ${MAX_TRIGGER_PAYLOAD_BYTES / 1024} KiB (this one is ${Math.ceil(size / 1024)} KiB).`);
  }
  const now = deps.now?.() ?? new Date();
  const [version] = await deps.db
    .select({ id: workflowVersions.id, version: workflowVersions.version })
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, input.workflow.id), eq(workflowVersions.version, input.workflow.currentVersion)))
    .limit(1);
  if (!version) throw new AppError('CONFLICT', 'This workflow has no saved version yet. Save it, then run it.');
  const needsApproval = input.workflow.approvalClass !== 'A' && input.trigger !== 'test';

  const result = await deps.db.transaction(async (tx) => {
    const [run] = await tx
      .insert(workflowRuns)
      .values({
        tenantId: input.workflow.tenantId,
        workflowId: input.workflow.id,
        versionId: version.id,
        version: version.version,
        trigger: input.trigger,
        triggerPayload: input.payload,
        dedupeKey: input.dedupeKey ?? null,
        status: needsApproval ? 'waiting' : 'queued',
        approvalClass: input.trigger === 'test' ? 'A' : input.workflow.approvalClass,
        approvalState: needsApproval ? 'pending' : 'not_required',
        startedBy: input.startedBy,
        rerunOf: input.rerunOf ?? null,
        queuedAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: workflowRuns.id });
    if (!run) {
      const [existing] = await tx
        .select({ id: workflowRuns.id, status: workflowRuns.status })
        .from(workflowRuns)
        .where(and(eq(workflowRuns.workflowId, input.workflow.id), eq(workflowRuns.dedupeKey, input.dedupeKey ?? '')))
        .limit(1);
      return { runId: existing!.id, status: existing!.status === 'waiting' ? ('waiting' as const) : ('queued' as const), duplicate: true };
    }
    if (!needsApproval) await writeDispatch(tx, { runId: run.id, runAt: now });
    return { runId: run.id, status: needsApproval ? ('waiting' as const) : ('queued' as const), duplicate: false };
  });
  if (!result.duplicate) {
    metrics().runsStarted.inc({ trigger: input.trigger });
    await kick(deps, result.runId);
  }
  return result;
}

/** Moves a run's pending dispatch to the queue now; on failure the drainer does it later. */
export async function kick(deps: EngineDeps, runId: string): Promise<void> {
  try {
    await drainOutbox({ db: deps.db, queue: deps.queue, now: deps.now, log: deps.log }, { onlyRunId: runId });
  } catch (error) {
    deps.log.warn({ runId, err: { message: (error as Error).message } }, 'run dispatch deferred to the drainer');
  }
}

/** Redis must answer before a user-started run is accepted: a clear 503 rather than a silent wait. */
export async function assertQueueAvailable(deps: Pick<EngineDeps, 'redis'>): Promise<void> {
  try {
    await deps.redis.ping();
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE', 'Runs cannot be started right now (the job queue is unavailable). Nothing was saved; please try again shortly.');
  }
}

/** "Run now" and "Test run" from the dashboard (SPEC P2). */
export async function runWorkflowNow(
  deps: EngineDeps,
  user: CurrentUser,
  input: { workflowId: string; test?: boolean; payload?: Record<string, unknown> },
) {
  const [workflow] = await deps.db
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, input.workflowId), ownedBy(workflows, user)))
    .limit(1);
  if (!workflow) throw new AppError('NOT_FOUND', 'Workflow not found');
  await assertQueueAvailable(deps);
  const payload = input.test ? { body: input.payload ?? {}, test: true } : { body: input.payload ?? {}, manual: true };
  return startRun(deps, { workflow, trigger: input.test ? 'test' : 'manual', payload, startedBy: user.id });
}
