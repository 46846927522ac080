import { z } from 'zod';
import {
  createWorkflow,
  createWorkflowInputSchema,
  deleteWorkflow,
  getWorkflow,
  listWorkflows,
  listWorkflowsInputSchema,
  updateWorkflow,
  updateWorkflowInputSchema,
  workflowDetailSchema,
  workflowIdSchema,
  workflowSummarySchema,
} from '~/server/domain/workflows/workflows';
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
    .mutation(({ ctx, input }) => createWorkflow(ctx, ctx.user, input)),
  update: protectedProcedure
    .input(updateWorkflowInputSchema)
    .output(workflowDetailSchema)
    .mutation(({ ctx, input }) => updateWorkflow(ctx, ctx.user, input)),
  delete: protectedProcedure
    .input(workflowIdSchema)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteWorkflow(ctx, ctx.user, input)),
});
