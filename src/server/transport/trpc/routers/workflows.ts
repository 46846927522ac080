import { z } from 'zod';
import {
  createWorkflow,
  createWorkflowInputSchema,
  deleteWorkflow,
  rotateWebhookSecret,
  getWorkflow,
  listWorkflows,
  listWorkflowsInputSchema,
  updateWorkflow,
  updateWorkflowInputSchema,
  workflowDetailSchema,
  workflowIdSchema,
  workflowSummarySchema,
} from '~/server/domain/workflows/workflows';
import { draftIssueSchema } from '~/server/domain/workflows/validation';
import { tryStep, tryStepInputSchema, validateDraft, validateDraftInputSchema } from '~/server/domain/workflows/preview';
import {
  diffInputSchema,
  diffVersions,
  listVersions,
  restoreInputSchema,
  restoreVersion,
  stepChangeSchema,
  versionsInputSchema,
  versionSummarySchema,
} from '~/server/domain/workflows/versions';
import { httpPolicy, workflowDeps } from '~/server/transport/engine-deps';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const workflowsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(listWorkflowsInputSchema)
    .output(z.object({ items: z.array(workflowSummarySchema), total: z.number().int() }))
    .query(({ ctx, input }) => listWorkflows(ctx, ctx.user, input)),
  get: protectedProcedure
    .input(workflowIdSchema)
    .output(workflowDetailSchema)
    .query(({ ctx, input }) => getWorkflow(ctx, ctx.user, input)),
  create: protectedProcedure
    .input(createWorkflowInputSchema)
    .output(workflowDetailSchema)
    .mutation(({ ctx, input }) => createWorkflow(workflowDeps(ctx), ctx.user, input)),
  update: protectedProcedure
    .input(updateWorkflowInputSchema)
    .output(workflowDetailSchema)
    .mutation(({ ctx, input }) => updateWorkflow(workflowDeps(ctx), ctx.user, input)),
  rotateWebhookSecret: protectedProcedure
    .input(workflowIdSchema)
    .output(workflowDetailSchema)
    .mutation(({ ctx, input }) => rotateWebhookSecret(workflowDeps(ctx), ctx.user, input)),
  /** The editor's live check: every problem on its field, schedules in words with their next times. */
  validate: protectedProcedure
    .input(validateDraftInputSchema)
    .output(
      z.object({
        issues: z.array(draftIssueSchema),
        schedules: z.array(z.object({ stepId: z.string(), words: z.string(), timezone: z.string(), next: z.array(z.date()) })),
      }),
    )
    .mutation(({ ctx, input }) => validateDraft({ now: ctx.now, policy: httpPolicy() }, ctx.user, input)),
  /** "Try it" for a condition or transform against sample input: evaluates, calls and stores nothing. */
  tryStep: protectedProcedure
    .input(tryStepInputSchema)
    .output(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('condition'), result: z.boolean(), next: z.string(), actual: z.unknown() }),
        z.object({ type: z.literal('transform'), output: z.record(z.string(), z.unknown()) }),
      ]),
    )
    .mutation(({ ctx, input }) => tryStep(ctx.user, input)),
  versions: protectedProcedure
    .input(versionsInputSchema)
    .output(z.object({ items: z.array(versionSummarySchema) }))
    .query(({ ctx, input }) => listVersions(ctx, ctx.user, input)),
  diff: protectedProcedure
    .input(diffInputSchema)
    .output(z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(stepChangeSchema) }))
    .query(({ ctx, input }) => diffVersions(ctx, ctx.user, input)),
  /** Saves an old version as the newest one (nothing is rewritten or deleted). */
  restore: protectedProcedure
    .input(restoreInputSchema)
    .output(workflowDetailSchema)
    .mutation(({ ctx, input }) => restoreVersion(workflowDeps(ctx), ctx.user, input)),
  delete: protectedProcedure
    .input(workflowIdSchema)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteWorkflow(workflowDeps(ctx), ctx.user, input)),
});
