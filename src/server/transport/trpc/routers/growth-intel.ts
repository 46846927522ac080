import { decideDiscountInputSchema, decideDiscountOutputSchema, listDiscountSuggestionsOutputSchema } from '~/server/domain/growth/discounts/schemas';
import { decideDiscountSuggestion, listDiscountSuggestions } from '~/server/domain/growth/discounts/decide';
import { activitySchema, funnelInputSchema, funnelSchema, periodInputSchema, retentionInputSchema, retentionSchema, sourcesSchema } from '~/server/domain/growth/intelligence/schemas';
import { getActivity, getFunnel, getRetention, getSourceRoi } from '~/server/domain/growth/intelligence/views';
import { adminProcedure, createTRPCRouter } from '../trpc';

/**
 * SPEC G4 / G5: growth intelligence and discount suggestions, platform-wide figures for Levqor's
 * admins only. Discounts are applied as Stripe coupons only when PRICING_AUTO_APPLY is on.
 */
export const growthIntelRouter = createTRPCRouter({
  funnel: adminProcedure
    .input(funnelInputSchema)
    .output(funnelSchema)
    .query(({ ctx, input }) => getFunnel(ctx, input)),
  sources: adminProcedure
    .input(periodInputSchema)
    .output(sourcesSchema)
    .query(({ ctx, input }) => getSourceRoi(ctx, input)),
  activity: adminProcedure
    .input(periodInputSchema)
    .output(activitySchema)
    .query(({ ctx, input }) => getActivity(ctx, input)),
  retention: adminProcedure
    .input(retentionInputSchema)
    .output(retentionSchema)
    .query(({ ctx, input }) => getRetention(ctx, input)),
  discounts: adminProcedure
    .output(listDiscountSuggestionsOutputSchema)
    .query(({ ctx }) =>
      listDiscountSuggestions({ db: ctx.db, autoApply: ctx.billing.pricingAutoApply, stripeConfigured: ctx.billing.stripe !== null }),
    ),
  decideDiscount: adminProcedure
    .input(decideDiscountInputSchema)
    .output(decideDiscountOutputSchema)
    .mutation(({ ctx, input }) =>
      decideDiscountSuggestion(
        { db: ctx.db, log: ctx.log, now: ctx.now, stripe: ctx.billing.stripe, autoApply: ctx.billing.pricingAutoApply },
        input,
      ),
    ),
});
