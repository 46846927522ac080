import {
  accountSummarySchema,
  getAccountSummary,
  setLocaleInputSchema,
  setUserLocale,
} from '~/server/domain/accounts/users';
import { z } from 'zod';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.output(accountSummarySchema).query(({ ctx }) => getAccountSummary(ctx, ctx.user)),
  setLocale: protectedProcedure
    .input(setLocaleInputSchema)
    .output(z.object({ locale: z.string() }))
    .mutation(({ ctx, input }) => setUserLocale(ctx, ctx.user, input)),
});
