import { and, asc, count, desc, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ownedBy } from '~/server/domain/accounts/tenancy';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { AppError } from '~/server/errors';
import type { Db } from '~/server/infra/db/client';
import { runApprovals, users, workflowRuns, workflowRunSteps, workflows, workflowVersions } from '~/server/infra/db/schema';
import { APPROVALS_NEEDED } from './control';

/** Run history, one run's timeline and per-workflow analytics (SPEC P2), tenant-scoped. */
type Deps = { db: Db; now?: () => Date };

export const RUN_STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled', 'skipped'] as const;

export const listRunsInputSchema = z.strictObject({
  workflowId: z.uuid('Unknown workflow').optional(),
  status: z.enum(RUN_STATUSES).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).max(100_000).default(0),
});

export const runSummarySchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  workflowName: z.string(),
  version: z.number().int(),
  trigger: z.enum(['manual', 'test', 'schedule', 'webhook', 'rerun']),
  status: z.enum(RUN_STATUSES),
  approvalClass: z.enum(['A', 'B', 'C']),
  approvalState: z.enum(['not_required', 'pending', 'approved', 'rejected']),
  error: z.string().nullable(),
  errorStepId: z.string().nullable(),
  queuedAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  durationMs: z.number().int().nullable(),
});

const summaryColumns = {
  id: workflowRuns.id,
  workflowId: workflowRuns.workflowId,
  workflowName: workflows.name,
  version: workflowRuns.version,
  trigger: workflowRuns.trigger,
  status: workflowRuns.status,
  approvalClass: workflowRuns.approvalClass,
  approvalState: workflowRuns.approvalState,
  error: workflowRuns.error,
  errorStepId: workflowRuns.errorStepId,
  queuedAt: workflowRuns.queuedAt,
  startedAt: workflowRuns.startedAt,
  finishedAt: workflowRuns.finishedAt,
  durationMs: workflowRuns.durationMs,
};

export async function listRuns(deps: Deps, user: CurrentUser, input: z.infer<typeof listRunsInputSchema>) {
  const where = and(
    ownedBy(workflowRuns, user),
    input.workflowId ? eq(workflowRuns.workflowId, input.workflowId) : undefined,
    input.status ? eq(workflowRuns.status, input.status) : undefined,
  );
  const [items, [total]] = await Promise.all([
    deps.db
      .select(summaryColumns)
      .from(workflowRuns)
      .innerJoin(workflows, eq(workflows.id, workflowRuns.workflowId))
      .where(where)
      .orderBy(desc(workflowRuns.queuedAt), desc(workflowRuns.id))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: count() }).from(workflowRuns).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export const stepAttemptSchema = z.object({
  id: z.string(),
  stepId: z.string(),
  stepIndex: z.number().int(),
  stepType: z.string(),
  attempt: z.number().int(),
  status: z.enum(['running', 'waiting', 'succeeded', 'failed', 'superseded']),
  input: z.unknown(),
  output: z.unknown(),
  error: z.string().nullable(),
  retryable: z.boolean().nullable(),
  idempotencyKey: z.string(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  durationMs: z.number().int().nullable(),
});

export const runDetailSchema = runSummarySchema.extend({
  triggerPayload: z.unknown(),
  startedBy: z.string().nullable(),
  stepAttempts: z.number().int(),
  waitUntil: z.date().nullable(),
  steps: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  attempts: z.array(stepAttemptSchema),
  approvals: z.array(z.object({ approverName: z.string(), decision: z.enum(['approve', 'reject']), createdAt: z.date() })),
  approvalsNeeded: z.number().int(),
  canApprove: z.boolean(),
});

export async function getRun(deps: Deps, user: CurrentUser, input: { id: string }) {
  const [run] = await deps.db
    .select({
      ...summaryColumns,
      triggerPayload: workflowRuns.triggerPayload,
      startedBy: workflowRuns.startedBy,
      stepAttempts: workflowRuns.stepAttempts,
      waitUntil: workflowRuns.waitUntil,
      versionSteps: workflowVersions.steps,
    })
    .from(workflowRuns)
    .innerJoin(workflows, eq(workflows.id, workflowRuns.workflowId))
    .innerJoin(workflowVersions, eq(workflowVersions.id, workflowRuns.versionId))
    .where(and(eq(workflowRuns.id, input.id), ownedBy(workflowRuns, user)))
    .limit(1);
  if (!run) throw new AppError('NOT_FOUND', 'Run not found');
  const [attempts, approvals] = await Promise.all([
    deps.db.select().from(workflowRunSteps).where(eq(workflowRunSteps.runId, run.id)).orderBy(asc(workflowRunSteps.startedAt), asc(workflowRunSteps.stepIndex), asc(workflowRunSteps.attempt)),
    deps.db
      .select({ approverId: runApprovals.approverId, approverName: sql<string>`coalesce(${users.name}, 'Someone')`, decision: runApprovals.decision, createdAt: runApprovals.createdAt })
      .from(runApprovals)
      .innerJoin(users, eq(users.id, runApprovals.approverId))
      .where(eq(runApprovals.runId, run.id))
      .orderBy(asc(runApprovals.createdAt)),
  ]);
  const { versionSteps, ...rest } = run;
  const canApprove =
    run.approvalState === 'pending' &&
    (user.role === 'owner' || user.role === 'admin') &&
    !approvals.some((a) => a.approverId === user.id) &&
    !(run.approvalClass === 'C' && run.startedBy === user.id);
  return {
    ...rest,
    // The steps of the version that ran, not today's workflow.
    steps: versionSteps.map((s) => ({ id: s.id, name: s.name, type: s.type })),
    attempts: attempts.map(({ tenantId: _t, runId: _r, ...a }) => a),
    approvals: approvals.map(({ approverId: _a, ...a }) => a),
    approvalsNeeded: APPROVALS_NEEDED[run.approvalClass],
    canApprove,
  };
}

export const runAnalyticsSchema = z.object({
  days: z.number().int(),
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  successRate: z.number().nullable(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  perDay: z.array(z.object({ day: z.string(), runs: z.number().int(), failed: z.number().int() })),
  topFailingSteps: z.array(z.object({ stepId: z.string(), failures: z.number().int() })),
});

/** Per workflow, over the last `days` days: success rate, p50/p95 duration, runs per day, top failing steps. */
export async function runAnalytics(deps: Deps, user: CurrentUser, input: { workflowId: string; days?: number }) {
  const days = input.days ?? 14;
  const [workflow] = await deps.db.select({ id: workflows.id }).from(workflows).where(and(eq(workflows.id, input.workflowId), ownedBy(workflows, user))).limit(1);
  if (!workflow) throw new AppError('NOT_FOUND', 'Workflow not found');
  const since = new Date((deps.now?.() ?? new Date()).getTime() - days * 86_400_000);
  const scope = and(eq(workflowRuns.workflowId, workflow.id), ownedBy(workflowRuns, user), gte(workflowRuns.queuedAt, since));
  const [[totals], perDay, failing] = await Promise.all([
    deps.db
      .select({
        total: count(),
        succeeded: sql<number>`count(*) filter (where ${workflowRuns.status} = 'succeeded')::int`,
        failed: sql<number>`count(*) filter (where ${workflowRuns.status} = 'failed')::int`,
        p50: sql<number | null>`percentile_cont(0.5) within group (order by ${workflowRuns.durationMs}) filter (where ${workflowRuns.status} = 'succeeded')`,
        p95: sql<number | null>`percentile_cont(0.95) within group (order by ${workflowRuns.durationMs}) filter (where ${workflowRuns.status} = 'succeeded')`,
      })
      .from(workflowRuns)
      .where(scope),
    deps.db
      .select({
        day: sql<string>`to_char(date_trunc('day', ${workflowRuns.queuedAt} at time zone 'UTC'), 'YYYY-MM-DD')`,
        runs: sql<number>`count(*)::int`,
        failed: sql<number>`count(*) filter (where ${workflowRuns.status} = 'failed')::int`,
      })
      .from(workflowRuns)
      .where(scope)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    deps.db
      .select({ stepId: workflowRuns.errorStepId, failures: sql<number>`count(*)::int` })
      .from(workflowRuns)
      .where(and(scope, eq(workflowRuns.status, 'failed')))
      .groupBy(workflowRuns.errorStepId)
      .orderBy(desc(sql`count(*)`))
      .limit(5),
  ]);
  const finished = (totals?.succeeded ?? 0) + (totals?.failed ?? 0);
  return {
    days,
    total: totals?.total ?? 0,
    succeeded: totals?.succeeded ?? 0,
    failed: totals?.failed ?? 0,
    successRate: finished ? (totals!.succeeded / finished) : null,
    p50Ms: totals?.p50 == null ? null : Math.round(Number(totals.p50)),
    p95Ms: totals?.p95 == null ? null : Math.round(Number(totals.p95)),
    perDay,
    topFailingSteps: failing.filter((f) => f.stepId).map((f) => ({ stepId: f.stepId!, failures: f.failures })),
  };
}
