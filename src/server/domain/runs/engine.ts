import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { workflowRuns, workflowRunSteps, workflowVersions } from '~/server/infra/db/schema';
import { metrics } from '~/server/infra/metrics/registry';
import { asWorkflowSteps } from '~/server/domain/workflows/workflows';
import type { WorkflowStep } from '~/server/domain/workflows/steps';
import { capJson, type EngineDeps } from './deps';
import { writeDispatch } from './dispatch';
import { runConditionStep } from './executors/condition';
import { runDelayStep } from './executors/delay';
import { runEmailStep } from './executors/email';
import { runHttpRequestStep } from './executors/http-request';
import { runLogStep } from './executors/log';
import { runTransformStep } from './executors/transform';
import type { StepEnv, StepOutcome } from './executors/types';
import { randomUUID } from 'node:crypto';
import { acquireRunLock, acquireRunSlot, releaseRunLock, releaseRunSlot, renewRunLock, RUN_LOCK_MS } from './fairness';
import { kick } from './start';
import { dispatchPriority, MAX_STEP_ATTEMPTS, retryDelayMs, StepFailure } from './step-failure';
import { applyStepOutput, initialContext, type RunContext } from './template';

/**
 * The engine (SPEC P2, decision 008). A run job executes the run's next unfinished steps. Step
 * state in PostgreSQL is the truth: a step with a succeeded attempt is never executed again; an
 * attempt left 'running' by a worker that died is marked failed and retried (same idempotency
 * key). A wait (delay, retry backoff) ends the job and writes the next dispatch to the outbox,
 * so no worker is held. Every run transition is a conditional update on the current status.
 */
export type ProcessOutcome =
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'waiting'
  | 'retrying'
  | 'not-due'
  | 'awaiting-approval'
  | 'throttled'
  | 'busy'
  | 'finished'
  | 'missing';

const ACTIVE = ['queued', 'running', 'waiting'] as const;

export const stepIdempotencyKey = (runId: string, stepId: string) => `levqor-run-${runId}-step-${stepId}`;

async function execute(step: WorkflowStep, env: StepEnv, triggerPayload: Record<string, unknown>): Promise<StepOutcome> {
  switch (step.type) {
    case 'webhook_trigger':
    case 'schedule_trigger':
      return { kind: 'done', input: null, output: triggerPayload };
    case 'http_request':
      return runHttpRequestStep(step.config, env);
    case 'delay':
      return runDelayStep(step.config, env);
    case 'condition':
      return runConditionStep(step.config, env);
    case 'transform':
      return runTransformStep(step.config, env);
    case 'email':
      return runEmailStep(step.config, env);
    case 'log':
      return runLogStep(step.config, env);
  }
}

export async function processRun(deps: EngineDeps, input: { runId: string }): Promise<ProcessOutcome> {
  const now = () => deps.now?.() ?? new Date();
  const [run] = await deps.db.select().from(workflowRuns).where(eq(workflowRuns.id, input.runId)).limit(1);
  if (!run) return 'missing';
  if (!(ACTIVE as readonly string[]).includes(run.status)) return 'finished';
  if (run.approvalState === 'pending') return 'awaiting-approval';
  if (run.waitUntil && run.waitUntil.getTime() > now().getTime()) return 'not-due';

  const lock = randomUUID();
  const lockMs = deps.runLockMs ?? RUN_LOCK_MS;
  if (!(await acquireRunLock(deps, run.id, lock, lockMs))) return 'busy';
  const slot = await acquireRunSlot(deps, { tenantId: run.tenantId, runId: run.id, limit: deps.concurrencyPerTenant });
  if (!slot) {
    await releaseRunLock(deps, run.id, lock);
    return 'throttled';
  }
  try {
    const [claimed] = await deps.db
      .update(workflowRuns)
      .set({ status: 'running', startedAt: run.startedAt ?? now(), waitUntil: null, updatedAt: now() })
      .where(and(eq(workflowRuns.id, run.id), inArray(workflowRuns.status, [...ACTIVE])))
      .returning({ id: workflowRuns.id });
    if (!claimed) return 'finished';

    const steps = await versionSteps(deps, run.versionId);
    const attempts = await deps.db
      .select()
      .from(workflowRunSteps)
      .where(eq(workflowRunSteps.runId, run.id))
      .orderBy(asc(workflowRunSteps.startedAt), asc(workflowRunSteps.attempt));

    let ctx: RunContext = initialContext(run.triggerPayload);
    let i = 0;
    /** Step attempts this job made (added to the run's count when it parks or ends). */
    let made = 0;
    let leaseAt = Date.now();
    while (i < steps.length) {
      const step = steps[i]!;
      const mine = attempts.filter((a) => a.stepId === step.id);
      const done = mine.find((a) => a.status === 'succeeded');
      if (done) {
        ctx = applyStepOutput(ctx, step, done.output);
        const next = nextIndex(steps, i, done.output);
        if (next === null) return finish(deps, run, 'succeeded');
        i = next;
        continue;
      }
      // Between steps: the lease is renewed once a third of it is used (or lost: stop).
      if (Date.now() - leaseAt > lockMs / 3) {
        if (!(await renewRunLock(deps, run.id, lock, lockMs))) return 'busy';
        leaseAt = Date.now();
      }

      const waiting = mine.find((a) => a.status === 'waiting');
      if (waiting) {
        const resumeAt = new Date(String((waiting.output as { resumeAt?: string } | null)?.resumeAt ?? 0));
        if (resumeAt.getTime() > now().getTime()) return wait(deps, run.id, resumeAt, 10);
        await deps.db
          .update(workflowRunSteps)
          .set({ status: 'succeeded', finishedAt: now(), durationMs: Math.max(0, now().getTime() - waiting.startedAt.getTime()) })
          .where(and(eq(workflowRunSteps.id, waiting.id), eq(workflowRunSteps.status, 'waiting')));
        waiting.status = 'succeeded';
        continue;
      }
      // An attempt still 'running' belongs to a worker that died mid-step: it failed; retry it.
      for (const crashed of mine.filter((a) => a.status === 'running')) {
        await deps.db
          .update(workflowRunSteps)
          .set({ status: 'failed', error: 'The worker stopped during this step; it is retried.', retryable: true, finishedAt: now() })
          .where(and(eq(workflowRunSteps.id, crashed.id), eq(workflowRunSteps.status, 'running')));
        crashed.status = 'failed';
      }
      const failedCount = mine.filter((a) => a.status === 'failed').length;
      if (failedCount >= MAX_STEP_ATTEMPTS) {
        const last = mine.at(-1);
        return fail(deps, run, step.id, last?.error ?? 'The step failed.', made);
      }

      const attempt = Math.max(0, ...mine.map((a) => a.attempt)) + 1;
      const startedAt = now();
      const idempotencyKey = stepIdempotencyKey(run.id, step.id);
      const base = { tenantId: run.tenantId, runId: run.id, stepId: step.id, stepIndex: i, stepType: step.type, attempt, idempotencyKey, startedAt };
      const env = { ctx, idempotencyKey, now: startedAt, http: deps.http, mail: deps.mail };
      made++;

      if (PURE_STEPS.has(step.type)) {
        // No side effect: executed first, then recorded in one statement — only while the run is
        // still running (a cancel wins). A crash before the insert just runs it again.
        let outcome: StepOutcome;
        try {
          outcome = await execute(step, env, run.triggerPayload);
        } catch (error) {
          const failure = error instanceof StepFailure ? error : new StepFailure(error instanceof Error ? error.message : 'The step failed.', false);
          const recorded = await recordAttempt(deps, run.id, { ...base, status: 'failed', error: failure.message.slice(0, 2000), retryable: failure.retryable, finishedAt: now(), durationMs: now().getTime() - startedAt.getTime() });
          if (!recorded) return 'cancelled';
          if (!failure.retryable || attempt >= MAX_STEP_ATTEMPTS) return fail(deps, run, step.id, failure.message, made);
          return retry(deps, run.id, new Date(now().getTime() + retryDelayMs(failedCount + 1)), dispatchPriority(failedCount + 1), made);
        }
        const finishedAt = now();
        const output = capJson(outcome.output);
        const recorded = await recordAttempt(deps, run.id, {
          ...base,
          status: outcome.kind === 'wait' ? 'waiting' : 'succeeded',
          input: capJson(outcome.input),
          output,
          finishedAt: outcome.kind === 'wait' ? null : finishedAt,
          durationMs: outcome.kind === 'wait' ? null : finishedAt.getTime() - startedAt.getTime(),
        });
        if (!recorded) return 'cancelled';
        if (outcome.kind === 'wait') return wait(deps, run.id, outcome.resumeAt, 10, made);
        ctx = applyStepOutput(ctx, step, output);
        const next = nextAfter(steps, i, outcome);
        if (next === null) return finish(deps, run, 'succeeded', made);
        i = next;
        continue;
      }

      // A side effect (HTTP, e-mail): the attempt is recorded 'running' first, so a worker that
      // dies during it leaves a trace that the next worker retries with the same key.
      const row = await recordAttempt(deps, run.id, { ...base, status: 'running' });
      if (!row) return 'cancelled';
      let outcome: StepOutcome;
      // The lease is renewed while the step runs, so a slow step never looks like a dead worker.
      const heartbeat = setInterval(() => void renewRunLock(deps, run.id, lock, lockMs).catch(() => null), Math.max(100, Math.floor(lockMs / 3)));
      try {
        outcome = await execute(step, env, run.triggerPayload);
      } catch (error) {
        clearInterval(heartbeat);
        leaseAt = Date.now();
        const failure = error instanceof StepFailure ? error : new StepFailure(error instanceof Error ? error.message : 'The step failed.', true);
        const finishedAt = now();
        await deps.db
          .update(workflowRunSteps)
          .set({ status: 'failed', error: failure.message.slice(0, 2000), retryable: failure.retryable, finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() })
          .where(eq(workflowRunSteps.id, row));
        if (!failure.retryable || attempt >= MAX_STEP_ATTEMPTS) return fail(deps, run, step.id, failure.message, made);
        return retry(deps, run.id, new Date(finishedAt.getTime() + retryDelayMs(failedCount + 1)), dispatchPriority(failedCount + 1), made);
      }
      clearInterval(heartbeat);
      leaseAt = Date.now();
      const finishedAt = now();
      const output = capJson(outcome.output);
      await deps.db
        .update(workflowRunSteps)
        .set({
          status: outcome.kind === 'wait' ? 'waiting' : 'succeeded',
          input: capJson(outcome.input),
          output,
          finishedAt: outcome.kind === 'wait' ? null : finishedAt,
          durationMs: outcome.kind === 'wait' ? null : finishedAt.getTime() - startedAt.getTime(),
        })
        .where(eq(workflowRunSteps.id, row));
      if (outcome.kind === 'wait') return wait(deps, run.id, outcome.resumeAt, 10, made);
      ctx = applyStepOutput(ctx, step, output);
      const next = nextAfter(steps, i, outcome);
      if (next === null) return finish(deps, run, 'succeeded', made);
      i = next;
    }
    return finish(deps, run, 'succeeded');
  } finally {
    await releaseRunSlot(deps, { tenantId: run.tenantId, runId: run.id }).catch(() => null);
    await releaseRunLock(deps, run.id, lock).catch(() => null);
  }
}

/** Steps whose execution touches nothing outside the run: recorded after, in one statement. */
const PURE_STEPS = new Set(['webhook_trigger', 'schedule_trigger', 'condition', 'transform', 'log', 'delay']);

/** Versions are immutable: each process keeps the steps of the versions it ran lately. */
const versionCache = new Map<string, WorkflowStep[]>();
async function versionSteps(deps: EngineDeps, versionId: string): Promise<WorkflowStep[]> {
  let steps = versionCache.get(versionId);
  if (!steps) {
    const [version] = await deps.db.select({ steps: workflowVersions.steps }).from(workflowVersions).where(eq(workflowVersions.id, versionId)).limit(1);
    steps = asWorkflowSteps(version!.steps);
    if (versionCache.size >= 500) versionCache.delete(versionCache.keys().next().value!);
    versionCache.set(versionId, steps);
  }
  return steps;
}

type AttemptValues = {
  tenantId: string;
  runId: string;
  stepId: string;
  stepIndex: number;
  stepType: string;
  attempt: number;
  idempotencyKey: string;
  startedAt: Date;
  status: 'running' | 'waiting' | 'succeeded' | 'failed';
  input?: unknown;
  output?: unknown;
  error?: string;
  retryable?: boolean;
  finishedAt?: Date | null;
  durationMs?: number | null;
};

/**
 * Records a step attempt only while the run is still running (a cancel between steps wins) and
 * only once per (run, step, attempt); returns its id, or null when nothing was recorded.
 */
async function recordAttempt(deps: EngineDeps, runId: string, v: AttemptValues): Promise<string | null> {
  const json = (x: unknown) => (x === undefined ? null : JSON.stringify(x));
  const at = (deps.now?.() ?? new Date()).toISOString();
  // One statement: the run is touched (the sweeper sees it alive) and the attempt inserted,
  // both only while the run is running.
  const rows = await deps.db.execute<{ id: string }>(sql`
    with live as (
      update workflow_runs set updated_at = ${at}::timestamptz where id = ${runId} and status = 'running' returning id
    )
    insert into workflow_run_steps
      (tenant_id, run_id, step_id, step_index, step_type, attempt, status, input, output, error, retryable, idempotency_key, started_at, finished_at, duration_ms)
    select ${v.tenantId}, live.id, ${v.stepId}, ${v.stepIndex}, ${v.stepType}, ${v.attempt}, ${v.status}::step_attempt_status,
      ${json(v.input)}::jsonb, ${json(v.output)}::jsonb, ${v.error ?? null}, ${v.retryable ?? null}, ${v.idempotencyKey},
      ${v.startedAt.toISOString()}::timestamptz, ${v.finishedAt ? v.finishedAt.toISOString() : null}::timestamptz, ${v.durationMs ?? null}
    from live
    on conflict do nothing
    returning id`);
  return rows[0]?.id ?? null;
}

/** Where a step that just finished leads (null: the end). */
function nextAfter(steps: WorkflowStep[], i: number, outcome: StepOutcome): number | null {
  if (outcome.kind === 'done' && outcome.next) {
    if ('stop' in outcome.next) return null;
    const j = steps.findIndex((s) => s.id === (outcome.next as { jumpTo: string }).jumpTo);
    return j < 0 ? null : j;
  }
  return i + 1 < steps.length ? i + 1 : null;
}

/** Where a finished step leads: the next step, a condition's else step, or the end (null). */
function nextIndex(steps: WorkflowStep[], i: number, output: unknown): number | null {
  const step = steps[i]!;
  if (step.type === 'condition') {
    const next = (output as { next?: string } | null)?.next;
    if (next === 'stop') return null;
    if (next && next !== 'next') {
      const j = steps.findIndex((s) => s.id === next);
      return j < 0 ? null : j;
    }
  }
  return i + 1 < steps.length ? i + 1 : null;
}

type RunRow = typeof workflowRuns.$inferSelect;

async function finish(deps: EngineDeps, run: RunRow, status: 'succeeded', made = 0): Promise<'succeeded'> {
  const at = deps.now?.() ?? new Date();
  const durationMs = at.getTime() - run.queuedAt.getTime();
  const [row] = await deps.db
    .update(workflowRuns)
    .set({ status, finishedAt: at, durationMs, updatedAt: at, error: null, errorStepId: null, stepAttempts: sql`${workflowRuns.stepAttempts} + ${made}` })
    .where(and(eq(workflowRuns.id, run.id), eq(workflowRuns.status, 'running')))
    .returning({ id: workflowRuns.id });
  if (row) {
    metrics().runsFinished.inc({ status });
    metrics().runDuration.observe(durationMs / 1000);
  }
  return status;
}

async function fail(deps: EngineDeps, run: RunRow, stepId: string, error: string, made = 0): Promise<'failed'> {
  const at = deps.now?.() ?? new Date();
  const durationMs = at.getTime() - run.queuedAt.getTime();
  const [row] = await deps.db
    .update(workflowRuns)
    .set({ status: 'failed', finishedAt: at, durationMs, updatedAt: at, error: error.slice(0, 2000), errorStepId: stepId, stepAttempts: sql`${workflowRuns.stepAttempts} + ${made}` })
    .where(and(eq(workflowRuns.id, run.id), eq(workflowRuns.status, 'running')))
    .returning({ id: workflowRuns.id });
  if (row) {
    metrics().runsFinished.inc({ status: 'failed' });
    metrics().runDuration.observe(durationMs / 1000);
  }
  return 'failed';
}

/** The run sleeps until `at` (delay step): the job ends, the outbox holds the resume. */
async function wait(deps: EngineDeps, runId: string, at: Date, priority: number, made = 0): Promise<'waiting'> {
  await park(deps, runId, 'waiting', at, priority, made);
  return 'waiting';
}

/** A retryable step failure: the run is queued again after the backoff, at a higher priority. */
async function retry(deps: EngineDeps, runId: string, at: Date, priority: number, made = 0): Promise<'retrying'> {
  await park(deps, runId, 'queued', at, priority, made);
  return 'retrying';
}

async function park(deps: EngineDeps, runId: string, status: 'waiting' | 'queued', at: Date, priority: number, made: number) {
  const moved = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(workflowRuns)
      .set({ status, waitUntil: at, updatedAt: deps.now?.() ?? new Date(), stepAttempts: sql`${workflowRuns.stepAttempts} + ${made}` })
      .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.status, 'running')))
      .returning({ id: workflowRuns.id });
    if (!row) return false;
    await writeDispatch(tx, { runId, runAt: at, priority });
    return true;
  });
  if (moved) await kick(deps, runId);
}
