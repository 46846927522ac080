import { assertTenantAllows } from '~/server/domain/accounts/lifecycle';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ownedBy } from '~/server/domain/accounts/tenancy';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { AppError, isAppError } from '~/server/errors';
import type { Meter } from '~/server/domain/billing/limits';
import { admit, type Admission, releaseQuietly } from '~/server/domain/usage/admission';
import { upsertCounterSql } from '~/server/domain/usage/ledger';
import { noticeAdmission } from '~/server/domain/usage/meter';
import { usagePeriod } from '~/server/domain/usage/period';
import { limitOf, tenantPlanOf, type TenantPlanRow } from '~/server/domain/usage/plans';
import { runOutbox, workflowRuns, workflows, workflowVersions } from '~/server/infra/db/schema';
import { metrics } from '~/server/infra/metrics/registry';
import { recordActivity } from '~/server/domain/growth/activity';
import { type EngineDeps, MAX_TRIGGER_PAYLOAD_BYTES } from './deps';
import { withTimeout } from '~/server/domain/health/checks';
import { DRAIN_TIMEOUT_MS, drainOutbox, RUN_JOB_NAME, RUN_JOB_OPTIONS } from './dispatch';

type Trigger = 'manual' | 'test' | 'schedule' | 'webhook' | 'rerun';
type WorkflowRow = typeof workflows.$inferSelect;

/**
 * Starting a run (SPEC P2): a run row pinned to the workflow's current version and, for class A,
 * its first dispatch in the outbox — one transaction. Class B and C runs wait for approval and
 * hold no worker. After commit the dispatch is moved to the queue at once; if that fails (Redis
 * just went away), the worker's drainer moves it later: the run is never lost.
 */
type StartInput = {
  workflow: WorkflowRow;
  trigger: Trigger;
  payload: Record<string, unknown>;
  startedBy: string | null;
  dedupeKey?: string | null;
  rerunOf?: string | null;
  /** The workflow's current version, when the caller already loaded it (saves a query). */
  version?: { id: string; version: number } | null;
  /** The workspace's plan and status, when the caller already loaded them (saves a query). */
  tenantPlan?: TenantPlanRow;
  /**
   * 'now' (default): the web process adds the job right after commit. 'relay': the commit
   * notifies the workers' outbox relay, which adds it (high-volume triggers: webhooks).
   */
  dispatch?: 'now' | 'relay';
};
type StartResult<S extends string = 'queued' | 'waiting' | 'skipped'> = { runId: string; status: S; duplicate: boolean };

/** Only a scheduled fire can end 'skipped' (over the limit); any other trigger answers 429. */
export async function startRun(deps: EngineDeps, input: StartInput & { trigger: Exclude<Trigger, 'schedule'> }): Promise<StartResult<'queued' | 'waiting'>>;
export async function startRun(deps: EngineDeps, input: StartInput): Promise<StartResult>;
export async function startRun(deps: EngineDeps, input: StartInput): Promise<StartResult> {
  const size = Buffer.byteLength(JSON.stringify(input.payload));
  if (size > MAX_TRIGGER_PAYLOAD_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `A run's input can be at most ${MAX_TRIGGER_PAYLOAD_BYTES / 1024} KiB (this one is ${Math.ceil(size / 1024)} KiB).`);
  }
  const now = deps.now?.() ?? new Date();
  const [version] = input.version
    ? [input.version]
    : await deps.db
        .select({ id: workflowVersions.id, version: workflowVersions.version })
        .from(workflowVersions)
        .where(and(eq(workflowVersions.workflowId, input.workflow.id), eq(workflowVersions.version, input.workflow.currentVersion)))
        .limit(1);
  if (!version) throw new AppError('CONFLICT', 'This workflow has no saved version yet. Save it, then run it.');
  const needsApproval = input.workflow.approvalClass !== 'A' && input.trigger !== 'test';

  const approvalClass = input.trigger === 'test' ? 'A' : input.workflow.approvalClass;
  const tenantId = input.workflow.tenantId;

  // SPEC P3: a run (and a webhook call, which is also an API call) is admitted against the
  // workspace's monthly limits first — atomically in Redis — and recorded in the usage ledger by
  // the same statement that creates the run.
  const tenant = input.tenantPlan ?? (await tenantPlanOf(deps.db, tenantId));
  // SPEC P4: runs need a workspace whose lifecycle state allows them; a schedule firing for a
  // suspended workspace is recorded as skipped, like one over its limit.
  try {
    assertTenantAllows(tenant.status, 'run');
  } catch (error) {
    if (input.trigger === 'schedule' && isAppError(error)) return recordSkipped(deps, input, version, error.message, now);
    throw error;
  }
  const meters: Meter[] = input.trigger === 'webhook' ? ['workflow_run', 'api_call'] : ['workflow_run'];
  let admission: Admission;
  try {
    admission = await admit(deps, tenantId, meters.map((meter) => ({ meter, quantity: 1, limit: limitOf(tenant, meter) })));
  } catch (error) {
    // A scheduled run over the limit is recorded as skipped, never silently dropped.
    if (input.trigger === 'schedule' && isAppError(error) && error.code === 'TOO_MANY_REQUESTS') {
      return recordSkipped(deps, input, version, error.message, now);
    }
    throw error;
  }

  const at = now.toISOString();
  const { period } = usagePeriod(now);
  const meterRows = sql.join(
    meters.map((m) => sql`(${m}::usage_meter, ${m === 'workflow_run' ? 'run:' : 'api:run:'}::text)`),
    sql`, `,
  );
  const relay = input.dispatch === 'relay' && deps.outboxChannel ? deps.outboxChannel : null;
  let rows: { id: string; job_id: string | null }[];
  try {
    // One statement: the run, unless it waits for approval its first dispatch in the outbox, and
    // its usage events with their monthly counters.
    rows = await deps.db.execute<{ id: string; job_id: string | null }>(sql`
      with run as (
        insert into workflow_runs
          (tenant_id, workflow_id, version_id, version, trigger, trigger_payload, dedupe_key, status, approval_class,
           approval_state, started_by, rerun_of, dispatches, queued_at, updated_at)
        values (${tenantId}, ${input.workflow.id}, ${version.id}, ${version.version}, ${input.trigger}::run_trigger,
          ${JSON.stringify(input.payload)}::jsonb, ${input.dedupeKey ?? null}, ${needsApproval ? 'waiting' : 'queued'}::run_status,
          ${approvalClass}::approval_class, ${needsApproval ? 'pending' : 'not_required'}::approval_state, ${input.startedBy},
          ${input.rerunOf ?? null}, ${needsApproval ? 0 : 1}, ${at}::timestamptz, ${at}::timestamptz)
        on conflict do nothing
        returning id
      ), outbox as (
        insert into run_outbox (run_id, job_id, run_at)
        select id, 'run-' || id || '-1', ${at}::timestamptz from run where ${!needsApproval}::boolean
        returning job_id
      ), ev as (
        insert into usage_events (tenant_id, meter, quantity, idempotency_key, period, occurred_at)
        select ${tenantId}, m.meter, 1, m.prefix || run.id, ${period}::date, ${at}::timestamptz
        from run, (values ${meterRows}) as m(meter, prefix)
        on conflict (tenant_id, meter, idempotency_key) do nothing
        returning tenant_id, meter, quantity, period
      ), counted as (
        ${upsertCounterSql({ at: now }, sql`ev`)}
        returning used
      ), notified as (
        select pg_notify(${relay ?? ''}, run.id::text) from run, outbox where ${relay !== null}::boolean
      )
      select run.id, (select job_id from outbox) as job_id, (select count(*) from counted) as counted,
        (select count(*) from notified) as notified from run`);
  } catch (error) {
    await releaseQuietly(deps, admission);
    throw error;
  }
  let result: { runId: string; status: 'queued' | 'waiting'; duplicate: boolean; jobId: string | null };
  if (rows[0]) {
    result = { runId: rows[0].id, status: needsApproval ? 'waiting' : 'queued', duplicate: false, jobId: rows[0].job_id };
    await noticeAdmission(deps, admission);
  } else {
    // A duplicate (same dedupe key): nothing was recorded, so the admission goes back.
    await releaseQuietly(deps, admission);
    const [existing] = await deps.db
      .select({ id: workflowRuns.id, status: workflowRuns.status })
      .from(workflowRuns)
      .where(and(eq(workflowRuns.workflowId, input.workflow.id), eq(workflowRuns.dedupeKey, input.dedupeKey ?? '')))
      .limit(1);
    if (!existing) throw new AppError('CONFLICT', 'This run could not be started; please try again.');
    result = { runId: existing.id, status: existing.status === 'waiting' ? 'waiting' : 'queued', duplicate: true, jobId: null };
  }
  if (!result.duplicate) {
    metrics().runsStarted.inc({ trigger: input.trigger });
    // A run is activity of whoever started it, or of the workspace (SPEC G4).
    const counting = recordActivity(deps, { tenantId: input.workflow.tenantId, userId: input.startedBy });
    if (counting) await counting;
    // Handed to the relay: the notification is delivered with the commit.
    if (result.jobId && !relay) await enqueueNow(deps, result.runId, result.jobId, now);
  }
  return { runId: result.runId, status: result.status, duplicate: result.duplicate };
}

/**
 * A scheduled fire over the monthly run limit: a run row in status 'skipped' with the reason
 * (no usage, no dispatch). The fire's dedupe key makes a retried fire record it once.
 */
async function recordSkipped(
  deps: EngineDeps,
  input: StartInput,
  version: { id: string; version: number },
  reason: string,
  now: Date,
): Promise<StartResult> {
  const at = now.toISOString();
  const rows = await deps.db.execute<{ id: string }>(sql`
    insert into workflow_runs
      (tenant_id, workflow_id, version_id, version, trigger, trigger_payload, dedupe_key, status, approval_class,
       approval_state, started_by, dispatches, queued_at, updated_at, finished_at, duration_ms, error)
    values (${input.workflow.tenantId}, ${input.workflow.id}, ${version.id}, ${version.version}, ${input.trigger}::run_trigger,
      ${JSON.stringify(input.payload)}::jsonb, ${input.dedupeKey ?? null}, 'skipped'::run_status, 'A'::approval_class,
      'not_required'::approval_state, ${input.startedBy}, 0, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz, 0, ${reason.slice(0, 2000)})
    on conflict do nothing
    returning id`);
  if (rows[0]) {
    metrics().runsStarted.inc({ trigger: 'skipped' });
    return { runId: rows[0].id, status: 'skipped', duplicate: false };
  }
  const [existing] = await deps.db
    .select({ id: workflowRuns.id })
    .from(workflowRuns)
    .where(and(eq(workflowRuns.workflowId, input.workflow.id), eq(workflowRuns.dedupeKey, input.dedupeKey ?? '')))
    .limit(1);
  return { runId: existing?.id ?? '', status: 'skipped', duplicate: true };
}

/** Moves a run's pending dispatch to the queue now; on failure the drainer does it later. */
export async function kick(deps: EngineDeps, runId: string): Promise<void> {
  try {
    await drainOutbox({ db: deps.db, queue: deps.queue, now: deps.now, log: deps.log }, { onlyRunId: runId });
  } catch (error) {
    deps.log.warn({ runId, err: { message: (error as Error).message } }, 'run dispatch deferred to the drainer');
  }
}

/**
 * The fast path for a dispatch whose job id is known: add the job, then mark the outbox row.
 * A crash between the two leaves the row pending; the drainer adds the same job id again, which
 * BullMQ ignores while the job exists (and a run that already finished ignores its extra job).
 */
async function enqueueNow(deps: EngineDeps, runId: string, jobId: string, at: Date): Promise<void> {
  try {
    await withTimeout(deps.queue.add(RUN_JOB_NAME, { runId }, { jobId, ...RUN_JOB_OPTIONS }), DRAIN_TIMEOUT_MS);
  } catch (error) {
    deps.log.warn({ runId, err: { message: (error as Error).message } }, 'run dispatch deferred to the drainer');
    return;
  }
  markDispatched(deps, jobId, at);
}

/**
 * Outbox rows whose job was added are marked in batches (one UPDATE per 20 ms per process, off
 * the request path). A row not yet marked is left alone by the drainer for 10 s, and adding its
 * job again would be a no-op anyway (same job id).
 */
const toMark = new Map<EngineDeps['db'], { ids: string[]; at: Date; timer: ReturnType<typeof setTimeout> | null }>();
function markDispatched(deps: EngineDeps, jobId: string, at: Date) {
  let batch = toMark.get(deps.db);
  if (!batch) {
    batch = { ids: [], at, timer: null };
    toMark.set(deps.db, batch);
  }
  batch.ids.push(jobId);
  batch.at = at;
  if (batch.timer) return;
  const current = batch;
  current.timer = setTimeout(() => {
    const ids = current.ids;
    current.ids = [];
    current.timer = null;
    deps.db
      .update(runOutbox)
      .set({ dispatchedAt: current.at })
      .where(inArray(runOutbox.jobId, ids))
      .catch((error: unknown) => deps.log.warn({ err: { message: (error as Error).message } }, 'outbox rows left for the drainer'));
  }, 20);
  current.timer.unref?.();
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
