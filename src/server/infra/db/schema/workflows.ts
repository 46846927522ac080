import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants, users } from './tenancy';

/**
 * A step as stored: the schema knows only its envelope. Its full shape is the workflows domain's
 * (`workflowStepSchema`), which validates every write; readers narrow with `asWorkflowSteps`.
 */
export type StoredStep = { id: string; name: string; type: string; config: Record<string, unknown> };

export const workflowStatusEnum = pgEnum('workflow_status', ['draft', 'active', 'paused']);
/** SPEC P2 approvals: A runs at once, B waits for one approval, C for two distinct approvers. */
export const approvalClassEnum = pgEnum('approval_class', ['A', 'B', 'C']);

export const workflows = pgTable(
  'workflows',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: t.text().notNull(),
    description: t.text().notNull().default(''),
    /** Validated by workflowStepsSchema before every write; the current version's steps. */
    steps: t.jsonb().$type<StoredStep[]>().notNull(),
    status: workflowStatusEnum().notNull().default('draft'),
    templateId: t.text(),
    /** The version runs start on (every save of steps makes one). */
    currentVersion: t.integer().notNull().default(1),
    approvalClass: approvalClassEnum().notNull().default('A'),
    /** SHA-256 of the webhook secret (shown once); null until one is issued. */
    webhookSecretHash: t.text(),
    /** Last four characters of the secret, to tell secrets apart in the UI. */
    webhookSecretHint: t.text(),
    createdBy: t.text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index('workflows_tenant_created_idx').on(table.tenantId, table.createdAt),
    index('workflows_created_at_idx').on(table.createdAt),
    index('workflows_status_idx').on(table.status),
  ],
);

/** Immutable snapshots: runs execute a version, never the workflow row that may change. */
export const workflowVersions = pgTable(
  'workflow_versions',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    workflowId: t
      .uuid()
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    version: t.integer().notNull(),
    name: t.text().notNull(),
    steps: t.jsonb().$type<StoredStep[]>().notNull(),
    createdBy: t.text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex('workflow_versions_workflow_version_idx').on(table.workflowId, table.version)],
);

/** 'skipped': a scheduled run not started because the workspace reached its monthly run limit (SPEC P3). */
export const runStatusEnum = pgEnum('run_status', ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled', 'skipped']);
export const runTriggerEnum = pgEnum('run_trigger', ['manual', 'test', 'schedule', 'webhook', 'rerun']);
export const approvalStateEnum = pgEnum('approval_state', ['not_required', 'pending', 'approved', 'rejected']);
export const stepAttemptStatusEnum = pgEnum('step_attempt_status', ['running', 'waiting', 'succeeded', 'failed', 'superseded']);

export const workflowRuns = pgTable(
  'workflow_runs',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    workflowId: t
      .uuid()
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    versionId: t
      .uuid()
      .notNull()
      .references(() => workflowVersions.id, { onDelete: 'cascade' }),
    version: t.integer().notNull(),
    trigger: runTriggerEnum().notNull(),
    /** The trigger's input (webhook body, test sample, schedule time), capped in size. */
    triggerPayload: t.jsonb().$type<Record<string, unknown>>().notNull(),
    /** Makes a trigger idempotent (a schedule fire time, a webhook's Idempotency-Key). */
    dedupeKey: t.text(),
    status: runStatusEnum().notNull().default('queued'),
    approvalClass: approvalClassEnum().notNull().default('A'),
    approvalState: approvalStateEnum().notNull().default('not_required'),
    startedBy: t.text().references(() => users.id, { onDelete: 'set null' }),
    /** Dispatches of this run to the queue (retries, resumes): the job id's suffix. */
    dispatches: t.integer().notNull().default(0),
    /** Step attempts made in all (every retry counts). */
    stepAttempts: t.integer().notNull().default(0),
    /** When a waiting run (delay, retry backoff) resumes. */
    waitUntil: t.timestamp({ withTimezone: true }),
    error: t.text(),
    errorStepId: t.text(),
    rerunOf: t.uuid(),
    queuedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: t.timestamp({ withTimezone: true }),
    finishedAt: t.timestamp({ withTimezone: true }),
    durationMs: t.integer(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index('workflow_runs_tenant_queued_idx').on(table.tenantId, table.queuedAt),
    index('workflow_runs_workflow_queued_idx').on(table.workflowId, table.queuedAt),
    index('workflow_runs_tenant_status_idx').on(table.tenantId, table.status, table.queuedAt),
    index('workflow_runs_status_updated_idx').on(table.status, table.updatedAt),
    uniqueIndex('workflow_runs_dedupe_idx').on(table.workflowId, table.dedupeKey).where(sql`dedupe_key is not null`),
  ],
);

/** One row per step attempt: the run's timeline and the engine's memory of what finished. */
export const workflowRunSteps = pgTable(
  'workflow_run_steps',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t.uuid().notNull(),
    runId: t
      .uuid()
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    stepId: t.text().notNull(),
    stepIndex: t.integer().notNull(),
    stepType: t.text().notNull(),
    attempt: t.integer().notNull(),
    status: stepAttemptStatusEnum().notNull(),
    input: t.jsonb().$type<unknown>(),
    output: t.jsonb().$type<unknown>(),
    error: t.text(),
    retryable: t.boolean(),
    idempotencyKey: t.text().notNull(),
    startedAt: t.timestamp({ withTimezone: true }).notNull(),
    finishedAt: t.timestamp({ withTimezone: true }),
    durationMs: t.integer(),
  }),
  (table) => [
    uniqueIndex('workflow_run_steps_attempt_idx').on(table.runId, table.stepId, table.attempt),
    index('workflow_run_steps_run_idx').on(table.runId, table.startedAt),
    index('workflow_run_steps_failed_idx').on(table.tenantId, table.status, table.stepId),
  ],
);

/** Approval decisions (audit): one per approver and run. */
export const runApprovals = pgTable(
  'run_approvals',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t.uuid().notNull(),
    runId: t
      .uuid()
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    approverId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    decision: t.text().$type<'approve' | 'reject'>().notNull(),
    note: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex('run_approvals_run_approver_idx').on(table.runId, table.approverId)],
);

/**
 * Transactional outbox: a run's dispatch is written in the same transaction as the state that
 * calls for it, and moved to the workflow-runs queue after commit (job id = `run-<id>-<n>`). A
 * crash between commit and enqueue leaves the row, which the worker's drainer picks up.
 */
export const runOutbox = pgTable(
  'run_outbox',
  (t) => ({
    id: t.bigserial({ mode: 'number' }).primaryKey(),
    runId: t
      .uuid()
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    jobId: t.text().notNull(),
    /** Not before this time (delay steps, retry backoff). */
    runAt: t.timestamp({ withTimezone: true }).notNull(),
    priority: t.integer().notNull().default(10),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [
    uniqueIndex('run_outbox_job_idx').on(table.jobId),
    index('run_outbox_pending_idx').on(table.createdAt).where(sql`dispatched_at is null`),
  ],
);
