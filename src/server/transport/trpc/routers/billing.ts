import { billingStatusSchema, checkoutInputSchema, checkoutOutputSchema, createCheckoutSession, createPortalSession, getBillingStatus, portalInputSchema, portalOutputSchema, type BillingDeps } from '~/server/domain/billing/checkout';
import { createTRPCRouter, protectedProcedure, type InnerContext } from '../trpc';

/** Stripe and the billing configuration come from the context (absent -> "not configured" answers). */
const billingDeps = (ctx: InnerContext): BillingDeps => ({
  db: ctx.db,
  redis: ctx.redis,
  ip: ctx.ip,
  now: ctx.now,
  log: ctx.log,
  stripe: ctx.billing.stripe,
  config: ctx.billing.config,
  autoApplyDiscounts: ctx.billing.pricingAutoApply,
});

/** SPEC B3: Checkout, the customer portal and the billing status of the caller's workspace. */
export const billingRouter = createTRPCRouter({
  status: protectedProcedure.output(billingStatusSchema).query(({ ctx }) => getBillingStatus(billingDeps(ctx), ctx.user)),
  checkout: protectedProcedure
    .input(checkoutInputSchema)
    .output(checkoutOutputSchema)
    .mutation(({ ctx, input }) => createCheckoutSession(billingDeps(ctx), ctx.user, input)),
  portal: protectedProcedure
    .input(portalInputSchema)
    .output(portalOutputSchema)
    .mutation(({ ctx, input }) => createPortalSession(billingDeps(ctx), ctx.user, input)),
});
