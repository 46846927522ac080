import { healthSummarySchema } from '~/server/domain/health/summary';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const healthRouter = createTRPCRouter({
  /** SPEC H1: the same summary as GET /api/health/summary. */
  summary: publicProcedure.output(healthSummarySchema).query(({ ctx }) => ctx.health.summary()),
});
