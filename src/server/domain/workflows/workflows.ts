import type { Queue } from 'bullmq';
import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ownedBy } from '~/server/domain/accounts/tenancy';
import type { CurrentUser } from '~/server/domain/accounts/users';
import type { Db } from '~/server/infra/db/client';
import { workflows, workflowVersions, type StoredStep } from '~/server/infra/db/schema';
import type { Logger } from '~/server/infra/logger';
import { AppError } from '~/server/errors';
import type { AddressPolicy } from '~/server/domain/runs/ssrf';
import { asWorkflowSteps, draftStepsSchema, workflowStepListSchema } from './steps';
import { assertValidSteps } from './validation';

/**
 * Workflows (SPEC P1). Every query is scoped by the caller's tenant: another tenant's id
 * behaves exactly like an id that does not exist. Every save of name or steps makes an
 * immutable version (runs execute versions). A workflow whose first step is a webhook trigger
 * gets its secret on creation (shown once). Status changes keep the workflow's job scheduler in
 * step through `schedules` (absent in tests that do not need it; the worker reconciles anyway).
 */
type Deps = {
  db: Db;
  now?: () => Date;
  log?: Logger;
  /** Keeps BullMQ's per-workflow scheduler in step with the workflow (runs/schedules.ts). */
  schedules?: { queue: Queue; sync: (deps: { queue: Queue }, w: { id: string; status: string; steps: unknown } | { id: string; deleted: true }) => Promise<unknown> };
  /** Issues a webhook secret: `{ secret, hash, hint }` (runs/webhooks.ts). */
  newWebhookSecret?: () => { secret: string; hash: string; hint: string };
  /** The operator's address allow-list: saves refuse private and internal literal hosts it does not name. */
  policy?: AddressPolicy;
};

export const APPROVAL_CLASSES = ['A', 'B', 'C'] as const;

export const MAX_WORKFLOWS_PER_TENANT = 500;

export const workflowIdSchema = z.strictObject({ id: z.uuid('Unknown workflow') });
export const createWorkflowInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the workflow a name').max(120),
  description: z.string().trim().max(2000).default(''),
  /** Checked by the domain (validation.ts), so every problem comes back explained on its field. */
  steps: draftStepsSchema,
  templateId: z.string().max(80).optional(),
  approvalClass: z.enum(APPROVAL_CLASSES).default('A'),
});
export const updateWorkflowInputSchema = z.strictObject({
  id: z.uuid('Unknown workflow'),
  name: z.string().trim().min(1, 'Give the workflow a name').max(120).optional(),
  description: z.string().trim().max(2000).optional(),
  steps: draftStepsSchema.optional(),
  status: z.enum(['draft', 'active', 'paused']).optional(),
  approvalClass: z.enum(APPROVAL_CLASSES).optional(),
});
export const listWorkflowsInputSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(50),
    offset: z.number().int().min(0).max(10_000).default(0),
  })
  .default({ limit: 50, offset: 0 });

export const workflowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(['draft', 'active', 'paused']),
  stepCount: z.number().int(),
  templateId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const workflowDetailSchema = workflowSummarySchema.extend({
  steps: workflowStepListSchema,
  currentVersion: z.number().int(),
  approvalClass: z.enum(APPROVAL_CLASSES),
  webhook: z.object({ hasSecret: z.boolean(), hint: z.string().nullable() }),
  /** Only in the answer that issued it (creation, rotation): never stored or shown again. */
  webhookSecret: z.string().optional(),
});

const columns = {
  id: workflows.id,
  name: workflows.name,
  description: workflows.description,
  status: workflows.status,
  steps: workflows.steps,
  templateId: workflows.templateId,
  currentVersion: workflows.currentVersion,
  approvalClass: workflows.approvalClass,
  webhookSecretHint: workflows.webhookSecretHint,
  createdAt: workflows.createdAt,
  updatedAt: workflows.updatedAt,
};
const toDetail = <R extends { steps: StoredStep[]; webhookSecretHint: string | null }>({ webhookSecretHint, ...r }: R) => ({
  ...r,
  steps: asWorkflowSteps(r.steps),
  stepCount: r.steps.length,
  webhook: { hasSecret: webhookSecretHint !== null, hint: webhookSecretHint },
});

export async function listWorkflows(deps: Deps, user: CurrentUser, input: z.infer<typeof listWorkflowsInputSchema>) {
  const where = ownedBy(workflows, user);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select(columns)
      .from(workflows)
      .where(where)
      .orderBy(desc(workflows.createdAt), desc(workflows.id))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: count() }).from(workflows).where(where),
  ]);
  return {
    items: rows.map((r) => {
      const { steps: _steps, ...rest } = toDetail(r);
      return rest;
    }),
    total: total?.n ?? 0,
  };
}

export async function getWorkflow(deps: Deps, user: CurrentUser, input: { id: string }) {
  const [row] = await deps.db
    .select(columns)
    .from(workflows)
    .where(and(eq(workflows.id, input.id), ownedBy(workflows, user)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Workflow not found');
  return toDetail(row);
}

export async function createWorkflow(deps: Deps, user: CurrentUser, input: z.input<typeof createWorkflowInputSchema>) {
  const { steps: draft, ...rest } = createWorkflowInputSchema.parse(input);
  const parsed = { ...rest, steps: assertValidSteps(draft, { policy: deps.policy, locale: user.locale }) };
  const [existing] = await deps.db.select({ n: count() }).from(workflows).where(ownedBy(workflows, user));
  if ((existing?.n ?? 0) >= MAX_WORKFLOWS_PER_TENANT) {
    throw new AppError('UNPROCESSABLE', `A workspace can hold at most ${MAX_WORKFLOWS_PER_TENANT} workflows`);
  }
  const now = deps.now?.() ?? new Date();
  const secret = parsed.steps[0]?.type === 'webhook_trigger' && deps.newWebhookSecret ? deps.newWebhookSecret() : null;
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(workflows)
      .values({
        tenantId: user.tenantId,
        name: parsed.name,
        description: parsed.description,
        steps: parsed.steps,
        templateId: parsed.templateId ?? null,
        approvalClass: parsed.approvalClass,
        currentVersion: 1,
        webhookSecretHash: secret?.hash ?? null,
        webhookSecretHint: secret?.hint ?? null,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning(columns);
    await tx.insert(workflowVersions).values({
      tenantId: user.tenantId,
      workflowId: created!.id,
      version: 1,
      name: parsed.name,
      steps: parsed.steps,
      createdBy: user.id,
      createdAt: now,
    });
    return created!;
  });
  return { ...toDetail(row), ...(secret ? { webhookSecret: secret.secret } : {}) };
}

export async function updateWorkflow(deps: Deps, user: CurrentUser, input: z.input<typeof updateWorkflowInputSchema>) {
  const { id, steps: draft, ...fields } = updateWorkflowInputSchema.parse(input);
  const changes = { ...fields, ...(draft ? { steps: assertValidSteps(draft, { policy: deps.policy, locale: user.locale }) } : {}) };
  const now = deps.now?.() ?? new Date();
  const row = await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: workflows.name, steps: workflows.steps, currentVersion: workflows.currentVersion })
      .from(workflows)
      .where(and(eq(workflows.id, id), ownedBy(workflows, user)))
      .for('update')
      .limit(1);
    if (!current) throw new AppError('NOT_FOUND', 'Workflow not found');
    const name = changes.name ?? current.name;
    const steps = changes.steps ?? asWorkflowSteps(current.steps);
    const versioned = (changes.name !== undefined && changes.name !== current.name) ||
      (changes.steps !== undefined && JSON.stringify(changes.steps) !== JSON.stringify(current.steps));
    const version = versioned ? current.currentVersion + 1 : current.currentVersion;
    if (versioned) {
      await tx.insert(workflowVersions).values({ tenantId: user.tenantId, workflowId: id, version, name, steps, createdBy: user.id, createdAt: now });
    }
    const [updated] = await tx
      .update(workflows)
      .set({ ...changes, currentVersion: version, updatedAt: now })
      .where(and(eq(workflows.id, id), ownedBy(workflows, user)))
      .returning(columns);
    return updated!;
  });
  if (changes.status !== undefined || changes.steps !== undefined) await syncSchedule(deps, row);
  return toDetail(row);
}

/** Keeps the workflow's scheduler in step; a Redis outage is repaired by the worker's reconcile. */
async function syncSchedule(deps: Deps, workflow: { id: string; status: string; steps: unknown } | { id: string; deleted: true }) {
  if (!deps.schedules) return;
  try {
    await deps.schedules.sync({ queue: deps.schedules.queue }, workflow);
  } catch (error) {
    deps.log?.warn({ workflowId: workflow.id, err: { message: (error as Error).message } }, 'schedule sync deferred to the worker');
  }
}

/** A new webhook secret for the workflow, shown once; the previous one stops working at once. */
export async function rotateWebhookSecret(deps: Deps, user: CurrentUser, input: { id: string }) {
  if (!deps.newWebhookSecret) throw new AppError('SERVICE_UNAVAILABLE', 'Webhook secrets cannot be issued here.');
  const secret = deps.newWebhookSecret();
  const [row] = await deps.db
    .update(workflows)
    .set({ webhookSecretHash: secret.hash, webhookSecretHint: secret.hint, updatedAt: deps.now?.() ?? new Date() })
    .where(and(eq(workflows.id, input.id), ownedBy(workflows, user)))
    .returning(columns);
  if (!row) throw new AppError('NOT_FOUND', 'Workflow not found');
  return { ...toDetail(row), webhookSecret: secret.secret };
}

export async function deleteWorkflow(deps: Deps, user: CurrentUser, input: { id: string }) {
  const [row] = await deps.db
    .delete(workflows)
    .where(and(eq(workflows.id, input.id), ownedBy(workflows, user)))
    .returning({ id: workflows.id });
  if (!row) throw new AppError('NOT_FOUND', 'Workflow not found');
  await syncSchedule(deps, { id: row.id, deleted: true });
  return { id: row.id };
}
