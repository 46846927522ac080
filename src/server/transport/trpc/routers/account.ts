import {
  accountSummarySchema,
  getAccountSummary,
  setLocaleInputSchema,
  setUserLocale,
} from '~/server/domain/accounts/users';
import { z } from 'zod';
import { deletionImpact } from '~/server/domain/accounts/privacy';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.output(accountSummarySchema).query(({ ctx }) => getAccountSummary(ctx, ctx.user)),
  setLocale: protectedProcedure
    .input(setLocaleInputSchema)
    .output(z.object({ locale: z.string() }))
    .mutation(({ ctx, input }) => setUserLocale(ctx, ctx.user, input)),
  /** What deleting the account would take with it (a last owner's workspace), before confirming. */
  deletionImpact: protectedProcedure
    .output(z.object({ lastOwner: z.boolean(), graceDays: z.number().int() }))
    .query(({ ctx }) => deletionImpact(ctx, ctx.user)),
});
