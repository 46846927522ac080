import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ownedBy } from '~/server/domain/accounts/tenancy';
import type { CurrentUser } from '~/server/domain/accounts/users';
import type { Db } from '~/server/infra/db/client';
import { workflows, type StoredStep } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { workflowStepsSchema, type WorkflowStep } from './steps';

/**
 * Workflows (SPEC P1). Every query is scoped by the caller's tenant: another tenant's id
 * behaves exactly like an id that does not exist.
 */
type Deps = { db: Db; now?: () => Date };

export const MAX_WORKFLOWS_PER_TENANT = 500;

export const workflowIdSchema = z.strictObject({ id: z.uuid('Unknown workflow') });
export const createWorkflowInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the workflow a name').max(120),
  description: z.string().trim().max(2000).default(''),
  steps: workflowStepsSchema,
  templateId: z.string().max(80).optional(),
});
export const updateWorkflowInputSchema = z.strictObject({
  id: z.uuid('Unknown workflow'),
  name: z.string().trim().min(1, 'Give the workflow a name').max(120).optional(),
  description: z.string().trim().max(2000).optional(),
  steps: workflowStepsSchema.optional(),
  status: z.enum(['draft', 'active', 'paused']).optional(),
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
export const workflowDetailSchema = workflowSummarySchema.extend({ steps: workflowStepsSchema });

const columns = {
  id: workflows.id,
  name: workflows.name,
  description: workflows.description,
  status: workflows.status,
  steps: workflows.steps,
  templateId: workflows.templateId,
  createdAt: workflows.createdAt,
  updatedAt: workflows.updatedAt,
};
/** Stored steps were validated by workflowStepsSchema when written: narrow them to that type. */
export const asWorkflowSteps = (steps: readonly StoredStep[]): WorkflowStep[] => steps as WorkflowStep[];
const toDetail = <R extends { steps: StoredStep[] }>(r: R) => ({ ...r, steps: asWorkflowSteps(r.steps), stepCount: r.steps.length });

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

export async function createWorkflow(deps: Deps, user: CurrentUser, input: z.infer<typeof createWorkflowInputSchema>) {
  const [existing] = await deps.db
    .select({ n: count() })
    .from(workflows)
    .where(ownedBy(workflows, user));
  if ((existing?.n ?? 0) >= MAX_WORKFLOWS_PER_TENANT) {
    throw new AppError('UNPROCESSABLE', `A workspace can hold at most ${MAX_WORKFLOWS_PER_TENANT} workflows`);
  }
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .insert(workflows)
    .values({
      tenantId: user.tenantId,
      name: input.name,
      description: input.description,
      steps: input.steps,
      templateId: input.templateId ?? null,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning(columns);
  return toDetail(row!);
}

export async function updateWorkflow(deps: Deps, user: CurrentUser, input: z.infer<typeof updateWorkflowInputSchema>) {
  const { id, ...changes } = input;
  const [row] = await deps.db
    .update(workflows)
    .set({ ...changes, updatedAt: deps.now?.() ?? new Date() })
    .where(and(eq(workflows.id, id), ownedBy(workflows, user)))
    .returning(columns);
  if (!row) throw new AppError('NOT_FOUND', 'Workflow not found');
  return toDetail(row);
}

export async function deleteWorkflow(deps: Deps, user: CurrentUser, input: { id: string }) {
  const [row] = await deps.db
    .delete(workflows)
    .where(and(eq(workflows.id, input.id), ownedBy(workflows, user)))
    .returning({ id: workflows.id });
  if (!row) throw new AppError('NOT_FOUND', 'Workflow not found');
  return { id: row.id };
}
