/** Billing & revenue (SPEC B1-B3): locked prices, Stripe Checkout and portal, webhooks, MRR. */
export {
  billingStatusSchema,
  checkoutInputSchema,
  checkoutOutputSchema,
  createCheckoutSession,
  createPortalSession,
  currentSubscription,
  getBillingStatus,
  portalInputSchema,
  portalOutputSchema,
  type BillingDeps,
  type BillingStatus,
  type CheckoutInput,
  type PortalInput,
} from './checkout';
export { billingConfigFromEnv, planForPriceId, PRICE_ENV, type BillingConfig, type PriceIds } from './config';
export { mrrPence } from './mrr';
export { handleStripeWebhook, planOf, tenantStatusFor, type WebhookDeps, type WebhookOutcome, type WebhookResult } from './webhook';
