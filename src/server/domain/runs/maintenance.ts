import { and, eq, inArray, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { runOutbox, workflowRuns } from '~/server/infra/db/schema';
import type { EngineDeps } from './deps';
import { drainOutbox, writeDispatch } from './dispatch';

/**
 * The engine's safety nets, run by the worker every few seconds: the outbox drainer (dispatches a
 * crash left between commit and enqueue) and the stuck-run sweeper (a run whose worker vanished
 * and whose job is gone — e.g. Redis lost its data — is dispatched again; the run lock and the
 * step rows make a duplicate dispatch harmless).
 */
export const STUCK_AFTER_MS = 5 * 60_000;

export async function sweepStuckRuns(deps: EngineDeps, opts: { limit?: number } = {}): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const before = new Date(now.getTime() - STUCK_AFTER_MS);
  const stuck = await deps.db
    .select({ id: workflowRuns.id })
    .from(workflowRuns)
    .where(
      and(
        or(
          and(eq(workflowRuns.status, 'running'), lt(workflowRuns.updatedAt, before)),
          and(eq(workflowRuns.status, 'queued'), lt(workflowRuns.updatedAt, before), or(isNull(workflowRuns.waitUntil), lt(workflowRuns.waitUntil, before))),
          and(eq(workflowRuns.status, 'waiting'), eq(workflowRuns.approvalState, 'not_required'), lt(workflowRuns.waitUntil, before)),
        ),
        notExists(deps.db.select({ one: sql`1` }).from(runOutbox).where(and(eq(runOutbox.runId, workflowRuns.id), isNull(runOutbox.dispatchedAt)))),
      ),
    )
    .limit(opts.limit ?? 100);
  for (const run of stuck) {
    await deps.db.transaction(async (tx) => {
      const [touched] = await tx
        .update(workflowRuns)
        .set({ updatedAt: now })
        .where(and(eq(workflowRuns.id, run.id), inArray(workflowRuns.status, ['running', 'queued', 'waiting']), lt(workflowRuns.updatedAt, before)))
        .returning({ id: workflowRuns.id });
      if (touched) await writeDispatch(tx, { runId: run.id, runAt: now, priority: 3 });
    });
  }
  if (stuck.length) deps.log.warn({ runs: stuck.length }, 'stuck runs dispatched again');
  return stuck.length;
}

export async function runEngineMaintenance(deps: EngineDeps): Promise<{ drained: number; swept: number }> {
  const swept = await sweepStuckRuns(deps);
  const drained = await drainOutbox({ db: deps.db, queue: deps.queue, now: deps.now, log: deps.log });
  return { drained, swept };
}
