import { and, count, eq, inArray } from 'drizzle-orm';
import { ownedBy } from '~/server/domain/accounts/tenancy';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { AppError } from '~/server/errors';
import { runApprovals, workflowRuns, workflowRunSteps, workflows } from '~/server/infra/db/schema';
import { metrics } from '~/server/infra/metrics/registry';
import type { EngineDeps } from './deps';
import { writeDispatch } from './dispatch';
import { assertQueueAvailable, kick, startRun } from './start';

/** SPEC P2 approvals: how many distinct approvals each class needs. */
export const APPROVALS_NEEDED = { A: 0, B: 1, C: 2 } as const;

async function ownedRun(deps: Pick<EngineDeps, 'db'>, user: CurrentUser, runId: string) {
  const [run] = await deps.db
    .select()
    .from(workflowRuns)
    .where(and(eq(workflowRuns.id, runId), ownedBy(workflowRuns, user)))
    .limit(1);
  if (!run) throw new AppError('NOT_FOUND', 'Run not found');
  return run;
}

/** Cancel a queued, waiting or running run; a running step finishes, no later step starts. */
export async function cancelRun(deps: EngineDeps, user: CurrentUser, input: { runId: string }) {
  const run = await ownedRun(deps, user, input.runId);
  const at = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .update(workflowRuns)
    .set({ status: 'cancelled', finishedAt: at, updatedAt: at, durationMs: at.getTime() - run.queuedAt.getTime(), waitUntil: null })
    .where(and(eq(workflowRuns.id, run.id), inArray(workflowRuns.status, ['queued', 'waiting', 'running'])))
    .returning({ id: workflowRuns.id, status: workflowRuns.status });
  if (!row) throw new AppError('CONFLICT', `This run has already ${run.status === 'cancelled' ? 'been cancelled' : 'finished'}.`);
  metrics().runsFinished.inc({ status: 'cancelled' });
  return { id: row.id, status: row.status };
}

/**
 * An approval decision (SPEC P2): owners decide for their tenant's runs; for class C never the
 * person who started the run, and two distinct approvers are needed. Every decision is stored
 * (audit); the decision that completes the quorum dispatches the run in the same transaction.
 * A rejection cancels the run.
 */
export async function decideRun(
  deps: EngineDeps,
  user: CurrentUser,
  input: { runId: string; decision: 'approve' | 'reject'; note?: string },
) {
  if (user.role !== 'owner' && user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only workspace owners can approve or reject runs.');
  const run = await ownedRun(deps, user, input.runId);
  if (run.approvalState !== 'pending' || run.status !== 'waiting') throw new AppError('CONFLICT', 'This run is not waiting for approval.');
  if (run.approvalClass === 'C' && run.startedBy === user.id) {
    throw new AppError('FORBIDDEN', 'You started this run: class C runs need two other people to approve them.');
  }
  const needed = APPROVALS_NEEDED[run.approvalClass];
  const at = deps.now?.() ?? new Date();
  const outcome = await deps.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(runApprovals)
      .values({ tenantId: run.tenantId, runId: run.id, approverId: user.id, decision: input.decision, note: input.note ?? null, createdAt: at })
      .onConflictDoNothing()
      .returning({ id: runApprovals.id });
    if (!inserted) throw new AppError('CONFLICT', 'You have already decided on this run.');
    if (input.decision === 'reject') {
      await tx
        .update(workflowRuns)
        .set({ approvalState: 'rejected', status: 'cancelled', finishedAt: at, updatedAt: at, error: 'Rejected by an approver.' })
        .where(and(eq(workflowRuns.id, run.id), eq(workflowRuns.approvalState, 'pending')));
      return 'rejected' as const;
    }
    const [{ n }] = (await tx
      .select({ n: count() })
      .from(runApprovals)
      .where(and(eq(runApprovals.runId, run.id), eq(runApprovals.decision, 'approve')))) as [{ n: number }];
    if (n < needed) return 'pending' as const;
    const [moved] = await tx
      .update(workflowRuns)
      .set({ approvalState: 'approved', status: 'queued', updatedAt: at })
      .where(and(eq(workflowRuns.id, run.id), eq(workflowRuns.approvalState, 'pending')))
      .returning({ id: workflowRuns.id });
    if (moved) await writeDispatch(tx, { runId: run.id, runAt: at });
    return 'approved' as const;
  });
  if (outcome === 'approved') await kick(deps, run.id);
  return { id: run.id, approvalState: outcome };
}

/**
 * Re-run (SPEC P2): `from: 'failed_step'` puts a failed run back in the queue on the same
 * version — finished steps are kept, the failed step gets fresh attempts; `from: 'start'` starts
 * a new run of the latest version with the same input.
 */
export async function rerun(deps: EngineDeps, user: CurrentUser, input: { runId: string; from: 'failed_step' | 'start' }) {
  const run = await ownedRun(deps, user, input.runId);
  await assertQueueAvailable(deps);
  if (input.from === 'start') {
    const [workflow] = await deps.db.select().from(workflows).where(and(eq(workflows.id, run.workflowId), ownedBy(workflows, user))).limit(1);
    if (!workflow) throw new AppError('NOT_FOUND', 'Workflow not found');
    return startRun(deps, { workflow, trigger: 'rerun', payload: run.triggerPayload, startedBy: user.id, rerunOf: run.id });
  }
  if (run.status !== 'failed') throw new AppError('CONFLICT', 'Only a failed run can be retried from its failed step.');
  const at = deps.now?.() ?? new Date();
  const moved = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(workflowRuns)
      .set({ status: 'queued', finishedAt: null, durationMs: null, error: null, updatedAt: at, queuedAt: at })
      .where(and(eq(workflowRuns.id, run.id), eq(workflowRuns.status, 'failed')))
      .returning({ id: workflowRuns.id });
    if (!row) return false;
    // The failed step's attempts stay in the timeline but no longer count against the retry budget.
    await tx
      .update(workflowRunSteps)
      .set({ status: 'superseded' })
      .where(and(eq(workflowRunSteps.runId, run.id), eq(workflowRunSteps.status, 'failed')));
    await writeDispatch(tx, { runId: run.id, runAt: at, priority: 5 });
    return true;
  });
  if (!moved) throw new AppError('CONFLICT', 'This run is no longer failed.');
  await kick(deps, run.id);
  return { runId: run.id, status: 'queued' as const, duplicate: false };
}
