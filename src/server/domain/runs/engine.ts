import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { workflowRuns, workflowRunSteps, workflowVersions } from '~/server/infra/db/schema';
import { metrics } from '~/server/infra/metrics/registry';
import { asWorkflowSteps } from '~/server/domain/workflows/steps';
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
import { enterRun, leaveRun, renewRunLock, RUN_LOCK_MS } from './fairness';
import { kick } from './start';
import { dispatchPriority, MAX_STEP_ATTEMPTS, retryDelayMs, StepFailure } from './step-failure';
import { applyStepOutput, initialContext, type RunContext } from './template';
import { openRunSecrets } from '~/server/domain/secrets/store';

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
    case 'stop':
      // Where the run goes next is nextIndex's: a stop step ends it.
      return { kind: 'done', input: null, output: null };
  }
}

export async function processRun(deps: EngineDeps, input: { runId: string }): Promise<ProcessOutcome> {
  const now = () => deps.now?.() ?? new Date();
  // A read, not a write: the run is claimed ('running') by the first write of this job (the
  // first step recorded), under the run's lock — a run of steps without side effects goes
  // from queued to succeeded in one statement.
  const at = now();
  const [run] = await deps.db.select().from(workflowRuns).where(eq(workflowRuns.id, input.runId)).limit(1);
  if (!run) return 'missing';
  if (!(ACTIVE as readonly string[]).includes(run.status)) return 'finished';
  if (run.approvalState === 'pending') return 'awaiting-approval';
  if (run.waitUntil && run.waitUntil.getTime() > at.getTime()) return 'not-due';

  const lock = randomUUID();
  const lockMs = deps.runLockMs ?? RUN_LOCK_MS;
  const entered = await enterRun(deps, { tenantId: run.tenantId, runId: run.id, token: lock, lockMs, limit: deps.concurrencyPerTenant });
  if (entered !== 'entered') return entered;
  try {
    const steps = await versionSteps(deps, run.versionId);
    // A run never started has no attempts: the query is only for resumes.
    const attempts =
      run.startedAt === null
        ? []
        : await deps.db
            .select()
            .from(workflowRunSteps)
            .where(eq(workflowRunSteps.runId, run.id))
            .orderBy(asc(workflowRunSteps.startedAt), asc(workflowRunSteps.stepIndex), asc(workflowRunSteps.attempt));

    let ctx: RunContext = initialContext(run.triggerPayload);
    let i = 0;
    /** Step attempts this job made (added to the run's count when it parks or ends). */
    let made = 0;
    let leaseAt = Date.now();
    /**
     * Attempts of steps without side effects, executed but not yet written: written together
     * before the next side effect, wait or end (in the same statement as the end). If the worker
     * dies first, they simply run again — they touched nothing.
     */
    let pending: AttemptValues[] = [];
    const flush = async (final?: FinalState): Promise<boolean> => {
      const ok = await recordAttempts(deps, run, pending, made, final);
      pending = [];
      return ok;
    };

    while (i < steps.length) {
      const step = steps[i]!;
      const mine = attempts.filter((a) => a.stepId === step.id);
      const done = mine.find((a) => a.status === 'succeeded');
      if (done) {
        ctx = applyStepOutput(ctx, step, done.output);
        const next = nextIndex(steps, i, done.output);
        if (next === null) return (await flush({ status: 'succeeded' })) ? 'succeeded' : 'cancelled';
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
        if (resumeAt.getTime() > now().getTime()) return wait(deps, run.id, resumeAt, 10, made);
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
        return (await flush({ status: 'failed', stepId: step.id, error: last?.error ?? 'The step failed.' })) ? 'failed' : 'cancelled';
      }

      const attempt = Math.max(0, ...mine.map((a) => a.attempt)) + 1;
      const startedAt = now();
      const idempotencyKey = stepIdempotencyKey(run.id, step.id);
      const base = { tenantId: run.tenantId, runId: run.id, stepId: step.id, stepIndex: i, stepType: step.type, attempt, idempotencyKey, startedAt };
      const secretsKey = deps.secretsKey;
      const env = {
        ctx,
        idempotencyKey,
        now: startedAt,
        http: deps.http,
        mail: deps.mail,
        secrets: secretsKey ? (names: string[]) => openRunSecrets({ db: deps.db, secretsKey }, run.tenantId, names) : undefined,
      };
      made++;

      if (PURE_STEPS.has(step.type)) {
        let outcome: StepOutcome;
        try {
          outcome = await execute(step, env, run.triggerPayload);
        } catch (error) {
          const failure = error instanceof StepFailure ? error : new StepFailure(error instanceof Error ? error.message : 'The step failed.', false);
          pending.push({ ...base, status: 'failed', error: failure.message.slice(0, 2000), retryable: failure.retryable, finishedAt: now(), durationMs: now().getTime() - startedAt.getTime() });
          if (!failure.retryable || attempt >= MAX_STEP_ATTEMPTS) {
            return (await flush({ status: 'failed', stepId: step.id, error: failure.message })) ? 'failed' : 'cancelled';
          }
          if (!(await flush())) return 'cancelled';
          return retry(deps, run.id, new Date(now().getTime() + retryDelayMs(failedCount + 1)), dispatchPriority(failedCount + 1), made);
        }
        const finishedAt = now();
        const output = capJson(outcome.output);
        pending.push({
          ...base,
          status: outcome.kind === 'wait' ? 'waiting' : 'succeeded',
          input: capJson(outcome.input),
          output,
          finishedAt: outcome.kind === 'wait' ? null : finishedAt,
          durationMs: outcome.kind === 'wait' ? null : finishedAt.getTime() - startedAt.getTime(),
        });
        if (outcome.kind === 'wait') {
          if (!(await flush())) return 'cancelled';
          return wait(deps, run.id, outcome.resumeAt, 10, made);
        }
        ctx = applyStepOutput(ctx, step, output);
        const next = nextIndex(steps, i, output);
        if (next === null) return (await flush({ status: 'succeeded' })) ? 'succeeded' : 'cancelled';
        i = next;
        continue;
      }

      // A side effect (HTTP, e-mail): what came before is written, then this attempt is recorded
      // 'running' first, so a worker that dies during it leaves a trace that the next worker
      // retries with the same key.
      pending.push({ ...base, status: 'running' });
      if (!(await flush())) return 'cancelled';
      let outcome: StepOutcome;
      // The lease is renewed while the step runs, so a slow step never looks like a dead worker.
      const heartbeat = setInterval(() => void renewRunLock(deps, run.id, lock, lockMs).catch(() => null), Math.max(100, Math.floor(lockMs / 3)));
      const where = and(eq(workflowRunSteps.runId, run.id), eq(workflowRunSteps.stepId, step.id), eq(workflowRunSteps.attempt, attempt));
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
          .where(where);
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
        .where(where);
      if (outcome.kind === 'wait') return wait(deps, run.id, outcome.resumeAt, 10, made);
      ctx = applyStepOutput(ctx, step, output);
      const next = nextIndex(steps, i, output);
      if (next === null) return finish(deps, run, 'succeeded', made);
      i = next;
    }
    return (await flush({ status: 'succeeded' })) ? 'succeeded' : 'cancelled';
  } finally {
    await leaveRun(deps, { tenantId: run.tenantId, runId: run.id, token: lock }).catch(() => null);
  }
}

/** Steps whose execution touches nothing outside the run: recorded after, in one statement. */
const PURE_STEPS = new Set(['webhook_trigger', 'schedule_trigger', 'condition', 'transform', 'log', 'delay', 'stop']);

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

type FinalState = { status: 'succeeded' } | { status: 'failed'; stepId: string; error: string };

/**
 * Writes step attempts only while the run is still running (a cancel between steps wins), once
 * per (run, step, attempt), in one statement that also touches the run (the sweeper sees it
 * alive) and, with `final`, ends it. False when the run was no longer running.
 */
async function recordAttempts(deps: EngineDeps, run: RunRow, rows: AttemptValues[], made: number, final?: FinalState): Promise<boolean> {
  if (rows.length === 0 && !final) return true;
  const at = deps.now?.() ?? new Date();
  const atIso = at.toISOString();
  const durationMs = at.getTime() - run.queuedAt.getTime();
  const payload = JSON.stringify(
    rows.map((v) => ({
      step_id: v.stepId,
      step_index: v.stepIndex,
      step_type: v.stepType,
      attempt: v.attempt,
      status: v.status,
      input: v.input ?? null,
      output: v.output ?? null,
      error: v.error ?? null,
      retryable: v.retryable ?? null,
      idempotency_key: v.idempotencyKey,
      started_at: v.startedAt.toISOString(),
      finished_at: v.finishedAt ? v.finishedAt.toISOString() : null,
      duration_ms: v.durationMs ?? null,
    })),
  );
  const end = final
    ? sql`, status = ${final.status}::run_status, finished_at = ${atIso}::timestamptz, duration_ms = ${durationMs},
          error = ${final.status === 'failed' ? final.error.slice(0, 2000) : null}, error_step_id = ${final.status === 'failed' ? final.stepId : null},
          step_attempts = step_attempts + ${made}`
    : sql``;
  const claim = final ? sql`` : sql`, status = 'running'::run_status`;
  const result = await deps.db.execute<{ live: number }>(sql`
    with live as (
      update workflow_runs
      set updated_at = ${atIso}::timestamptz, started_at = coalesce(started_at, ${atIso}::timestamptz), wait_until = null ${claim} ${end}
      where id = ${run.id} and status in ('queued', 'running', 'waiting') and approval_state <> 'pending'
      returning id
    ), inserted as (
      insert into workflow_run_steps
        (tenant_id, run_id, step_id, step_index, step_type, attempt, status, input, output, error, retryable, idempotency_key, started_at, finished_at, duration_ms)
      select ${run.tenantId}, live.id, r.step_id, r.step_index, r.step_type, r.attempt, r.status, r.input, r.output, r.error, r.retryable,
        r.idempotency_key, r.started_at, r.finished_at, r.duration_ms
      from live, jsonb_to_recordset(${payload}::jsonb) as r(step_id text, step_index int, step_type text, attempt int,
        status step_attempt_status, input jsonb, output jsonb, error text, retryable boolean, idempotency_key text,
        started_at timestamptz, finished_at timestamptz, duration_ms int)
      on conflict do nothing
      returning id
    )
    select (select count(*) from live)::int as live, (select count(*) from inserted)::int as inserted`);
  const live = (result[0]?.live ?? 0) > 0;
  if (live && final) {
    metrics().runsFinished.inc({ status: final.status });
    metrics().runDuration.observe(durationMs / 1000);
  }
  return live;
}

/** Where a finished step leads: the next step, a condition's else step, or the end (null). */
function nextIndex(steps: WorkflowStep[], i: number, output: unknown): number | null {
  const step = steps[i]!;
  if (step.type === 'stop') return null;
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
      .where(and(eq(workflowRuns.id, runId), inArray(workflowRuns.status, [...ACTIVE])))
      .returning({ id: workflowRuns.id });
    if (!row) return false;
    await writeDispatch(tx, { runId, runAt: at, priority });
    return true;
  });
  if (moved) await kick(deps, runId);
}
