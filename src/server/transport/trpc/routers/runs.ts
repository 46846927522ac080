import { z } from 'zod';
import { cancelRun, decideRun, rerun } from '~/server/domain/runs/control';
import {
  getRun,
  listRuns,
  listRunsInputSchema,
  runAnalytics,
  runAnalyticsSchema,
  runDetailSchema,
  runSummarySchema,
} from '~/server/domain/runs/queries';
import { runWorkflowNow } from '~/server/domain/runs/start';
import { engineDeps } from '~/server/transport/engine-deps';
import { createTRPCRouter, protectedProcedure } from '../trpc';

const runId = z.strictObject({ id: z.uuid('Unknown run') });
const started = z.object({ runId: z.string(), status: z.enum(['queued', 'waiting']), duplicate: z.boolean() });
const jsonObject = z
  .record(z.string().max(200), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 64 * 1024, 'The sample input can be at most 64 KiB of JSON.');

/** SPEC P2: runs of the caller's workspace — start, watch, cancel, approve, re-run, analytics. */
export const runsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(listRunsInputSchema)
    .output(z.object({ items: z.array(runSummarySchema), total: z.number().int() }))
    .query(({ ctx, input }) => listRuns(ctx, ctx.user, input)),
  get: protectedProcedure
    .input(runId)
    .output(runDetailSchema)
    .query(({ ctx, input }) => getRun(ctx, ctx.user, input)),
  runNow: protectedProcedure
    .input(z.strictObject({ workflowId: z.uuid('Unknown workflow') }))
    .output(started)
    .mutation(({ ctx, input }) => runWorkflowNow(engineDeps(ctx), ctx.user, { workflowId: input.workflowId })),
  testRun: protectedProcedure
    .input(z.strictObject({ workflowId: z.uuid('Unknown workflow'), payload: jsonObject.default({}) }))
    .output(started)
    .mutation(({ ctx, input }) => runWorkflowNow(engineDeps(ctx), ctx.user, { workflowId: input.workflowId, test: true, payload: input.payload })),
  cancel: protectedProcedure
    .input(runId)
    .output(z.object({ id: z.string(), status: z.string() }))
    .mutation(({ ctx, input }) => cancelRun(engineDeps(ctx), ctx.user, { runId: input.id })),
  decide: protectedProcedure
    .input(z.strictObject({ id: z.uuid('Unknown run'), decision: z.enum(['approve', 'reject']), note: z.string().trim().max(500).optional() }))
    .output(z.object({ id: z.string(), approvalState: z.enum(['pending', 'approved', 'rejected']) }))
    .mutation(({ ctx, input }) => decideRun(engineDeps(ctx), ctx.user, { runId: input.id, decision: input.decision, note: input.note })),
  rerun: protectedProcedure
    .input(z.strictObject({ id: z.uuid('Unknown run'), from: z.enum(['failed_step', 'start']) }))
    .output(started)
    .mutation(({ ctx, input }) => rerun(engineDeps(ctx), ctx.user, { runId: input.id, from: input.from })),
  analytics: protectedProcedure
    .input(z.strictObject({ workflowId: z.uuid('Unknown workflow'), days: z.number().int().min(1).max(90).default(14) }))
    .output(runAnalyticsSchema)
    .query(({ ctx, input }) => runAnalytics(ctx, ctx.user, input)),
});
