import { z } from 'zod';
import {
  adminUsage,
  adminUsageSchema,
  runUsage,
  runUsageSchema,
  usageDaily,
  usageDailySchema,
  usageSummary,
  usageSummarySchema,
} from '~/server/domain/usage/queries';
import { adminProcedure, createTRPCRouter, protectedProcedure } from '../trpc';

/** SPEC P3: usage of the caller's workspace against its plan's limits; admins see every workspace. */
export const usageRouter = createTRPCRouter({
  summary: protectedProcedure.output(usageSummarySchema).query(({ ctx }) => usageSummary(ctx, ctx.user)),
  daily: protectedProcedure.output(usageDailySchema).query(({ ctx }) => usageDaily(ctx, ctx.user)),
  run: protectedProcedure
    .input(z.strictObject({ id: z.uuid('Unknown run') }))
    .output(runUsageSchema)
    .query(({ ctx, input }) => runUsage(ctx, ctx.user, input)),
  tenants: adminProcedure.output(adminUsageSchema).query(({ ctx }) => adminUsage(ctx)),
});
