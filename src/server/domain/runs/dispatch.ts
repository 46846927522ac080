import type { Queue } from 'bullmq';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '~/server/infra/db/client';
import { runOutbox, workflowRuns } from '~/server/infra/db/schema';
import { withTimeout } from '~/server/domain/health/checks';
import type { Logger } from '~/server/infra/logger';

/**
 * The transactional outbox of the engine (SPEC P2, decision 008). State changes that need the
 * run to be worked on (a new run, an approval, a retry, a resume) call `writeDispatch` inside
 * their transaction; after commit the caller moves the row to the queue (`drainOutbox`), and the
 * worker drains every few seconds whatever a crash left behind. Job ids are deterministic
 * (`run-<runId>-<n>`), so draining a row twice adds the job once.
 */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export const RUN_JOB_NAME = 'run';
export const runJobId = (runId: string, dispatch: number) => `run-${runId}-${dispatch}`;

/** Options of every run job: the engine retries steps itself; the job only carries work. */
export const RUN_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'fixed', delay: 1000 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
} as const;

/** Adds the next dispatch of a run to the outbox (inside the caller's transaction). */
export async function writeDispatch(tx: Tx | Db, input: { runId: string; runAt: Date; priority?: number }): Promise<string> {
  const [row] = await tx
    .update(workflowRuns)
    .set({ dispatches: sql`${workflowRuns.dispatches} + 1` })
    .where(eq(workflowRuns.id, input.runId))
    .returning({ dispatches: workflowRuns.dispatches });
  const jobId = runJobId(input.runId, row!.dispatches);
  await tx.insert(runOutbox).values({ runId: input.runId, jobId, runAt: input.runAt, priority: input.priority ?? 10 }).onConflictDoNothing();
  return jobId;
}

export const DRAIN_TIMEOUT_MS = 3000;
export const FAST_PATH_GRACE_MS = 10_000;

export type DrainDeps = { db: Db; queue: Queue; now?: () => Date; log?: Logger };

/**
 * Moves pending outbox rows to the queue, oldest first; `onlyRunId` limits it to one run (the
 * fast path right after a commit). Rows are claimed with SKIP LOCKED so two drainers never
 * fight over one; a row is marked dispatched only after BullMQ accepted the job.
 */
export async function drainOutbox(deps: DrainDeps, opts: { onlyRunId?: string; runIds?: string[]; limit?: number } = {}): Promise<number> {
  const now = deps.now?.() ?? new Date();
  // The periodic drain leaves rows younger than 10 s to the fast path (or the relay) that wrote them.
  const only = opts.onlyRunId ? eq(runOutbox.runId, opts.onlyRunId) : opts.runIds ? inArray(runOutbox.runId, opts.runIds) : undefined;
  const settled = only ? undefined : lt(runOutbox.createdAt, new Date(now.getTime() - FAST_PATH_GRACE_MS));
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(runOutbox)
      .where(and(isNull(runOutbox.dispatchedAt), only, settled))
      .orderBy(asc(runOutbox.id))
      .limit(opts.limit ?? 500)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return 0;
    // Redis may be gone: never hold the claimed rows for long (they stay pending on failure).
    await withTimeout(deps.queue.addBulk(
      rows.map((r) => ({
        name: RUN_JOB_NAME,
        data: { runId: r.runId },
        opts: {
          jobId: r.jobId,
          delay: Math.max(0, r.runAt.getTime() - now.getTime()),
          priority: r.priority,
          ...RUN_JOB_OPTIONS,
        },
      })),
    ), DRAIN_TIMEOUT_MS);
    await tx
      .update(runOutbox)
      .set({ dispatchedAt: now })
      .where(sql`${runOutbox.id} in ${rows.map((r) => r.id)}`);
    return rows.length;
  });
}

/**
 * The outbox relay (decision 008): a path that accepts many runs (webhooks) commits the run and
 * its outbox row with `pg_notify(channel, <run id>)` instead of adding the job itself; each worker
 * LISTENs, collects the run ids that arrive while a drain is running, and moves exactly those
 * rows to the queue in batches. Whatever a relay missed (no worker listening, a dropped
 * connection) is older than 10 s by the next periodic drain, which takes it.
 */
export type Listen = (channel: string, onNotify: (payload: string) => void) => Promise<{ unlisten: () => Promise<void> }>;

export async function startOutboxRelay(deps: DrainDeps & { listen: Listen; channel: string }): Promise<{ stop: () => Promise<void> }> {
  const pending = new Set<string>();
  let running: Promise<void> | null = null;
  let stopped = false;
  const drain = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        while (pending.size && !stopped) {
          const runIds = [...pending].slice(0, 500);
          for (const id of runIds) pending.delete(id);
          await drainOutbox(deps, { runIds, limit: runIds.length });
        }
      } catch (error) {
        deps.log?.warn({ err: { message: (error as Error).message } }, 'outbox relay: drain deferred to the periodic drainer');
      } finally {
        running = null;
        if (pending.size && !stopped) drain();
      }
    })();
  };
  const { unlisten } = await deps.listen(deps.channel, (payload) => {
    if (!/^[0-9a-f-]{36}$/i.test(payload)) return;
    pending.add(payload);
    drain();
  });
  return {
    stop: async () => {
      stopped = true;
      await withTimeout(unlisten(), 1000).catch(() => undefined);
      await running;
    },
  };
}
