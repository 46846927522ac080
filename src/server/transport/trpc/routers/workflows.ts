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
import { workflowDeps } from '~/server/transport/engine-deps';
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
  delete: protectedProcedure
    .input(workflowIdSchema)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteWorkflow(workflowDeps(ctx), ctx.user, input)),
});
