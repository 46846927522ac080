import { and, eq, ne } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type Stripe from 'stripe';
import { z } from 'zod';
import { localizedPath } from '~/i18n/paths';
import { abuseSubjectHash, assertNotBlocked, recordAbuseEvent } from '~/server/domain/abuse/signals';
import { currentDiscountOffer } from '~/server/domain/growth/discounts/offer';
import type { CurrentUser } from '~/server/domain/accounts/users';
import type { Db } from '~/server/infra/db/client';
import { subscriptions, TENANT_STATES, tenants } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { logger, type Logger } from '~/server/infra/logger';
import { PRICE_ENV, requireStripe, stripeLocale, type BillingConfig } from './config';
import {
  BILLING_INTERVALS,
  DFY_PACKAGES,
  monthlyRevenuePence,
  PLANS,
  SUPPORT_SLA_HOURS,
  TRIAL_DAYS,
  type BillingInterval,
  type Plan,
} from './pricing';

/**
 * Stripe Checkout and the customer portal (SPEC B3), and the billing status of a workspace.
 * Without STRIPE_SECRET_KEY every Stripe action answers SERVICE_UNAVAILABLE with a clear
 * message; the status still answers (configured: false).
 */
export type BillingDeps = {
  db: Db;
  /** null when Stripe is not configured. */
  stripe: Stripe | null;
  config: BillingConfig;
  /** For abuse accounting of failed checkouts (SPEC H8). */
  redis?: Redis;
  /** PRICING_AUTO_APPLY: plan checkouts carry an applied discount suggestion's coupon (SPEC G5). */
  autoApplyDiscounts?: boolean;
  ip?: string | null;
  now?: () => Date;
  log?: Logger;
};

export const checkoutInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('plan'), plan: z.enum(PLANS), interval: z.enum(BILLING_INTERVALS) }),
    z.strictObject({ kind: z.literal('dfy'), package: z.enum(DFY_PACKAGES) }),
  ],
  { error: 'Choose a plan and a billing interval, or a Done-For-You package' },
);
export type CheckoutInput = z.infer<typeof checkoutInputSchema>;
export const checkoutOutputSchema = z.object({ url: z.string(), sessionId: z.string() });

export const portalInputSchema = z
  .strictObject({
    /** manage: the portal's home; cancel / change: straight to cancelling or changing the plan. */
    intent: z.enum(['manage', 'cancel', 'change'], { error: 'intent must be manage, cancel or change' }).default('manage'),
  })
  .default({ intent: 'manage' });
export type PortalInput = z.input<typeof portalInputSchema>;
export const portalOutputSchema = z.object({ url: z.string() });

const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused'] as const;

export const billingStatusSchema = z.object({
  /** Whether Stripe is configured on this server (checkout and portal need it). */
  configured: z.boolean(),
  plan: z.enum(PLANS),
  status: z.enum(TENANT_STATES),
  trialEndsAt: z.date().nullable(),
  trialDaysLeft: z.number().int().nullable(),
  supportSlaHours: z.number().int(),
  /** The caller may open Checkout and the portal (owners and admins). */
  canManage: z.boolean(),
  /** The workspace has a Stripe customer (the portal can open). */
  hasBillingAccount: z.boolean(),
  /** The workspace's current subscription (live ones first, then the latest). */
  subscription: z
    .object({
      plan: z.enum(PLANS),
      interval: z.enum(BILLING_INTERVALS),
      status: z.enum(SUBSCRIPTION_STATUSES),
      currentPeriodEnd: z.date().nullable(),
      cancelAtPeriodEnd: z.boolean(),
      monthlyRevenuePence: z.number().int(),
    })
    .nullable(),
});
export type BillingStatus = z.infer<typeof billingStatusSchema>;

/** Order in which a workspace's subscriptions count as "current": live ones first. */
export const SUBSCRIPTION_RANK: Record<(typeof SUBSCRIPTION_STATUSES)[number], number> = {
  active: 0,
  trialing: 1,
  past_due: 2,
  unpaid: 3,
  paused: 4,
  incomplete: 5,
  canceled: 6,
  incomplete_expired: 7,
};

const log = (deps: { log?: Logger }) => deps.log ?? logger.child({ module: 'billing' });
const baseUrl = (config: BillingConfig) => config.appUrl.replace(/\/+$/, '');

async function loadTenant(db: Db, tenantId: string) {
  const [tenant] = await db
    .select({
      id: tenants.id,
      plan: tenants.plan,
      status: tenants.status,
      trialEndsAt: tenants.trialEndsAt,
      stripeCustomerId: tenants.stripeCustomerId,
      signupSource: tenants.signupSource,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  if (!tenant) throw new AppError('NOT_FOUND', 'Workspace not found');
  return tenant;
}

/**
 * A Checkout session for a plan and interval (subscription with the 7-day trial for a
 * workspace's first subscription) or for a Done-For-You package (one-off payment). Returns the
 * URL to send the browser to.
 */
/**
 * Who may manage billing (issue 11 #10, decision 009): the workspace's owners — they are the
 * ones who pay — and Levqor admins. Members see the status, not the buttons.
 */
export function canManageBilling(user: Pick<CurrentUser, 'role'>): boolean {
  return user.role === 'owner' || user.role === 'admin';
}
function assertCanManageBilling(user: CurrentUser) {
  if (!canManageBilling(user)) throw new AppError('FORBIDDEN', 'Only workspace owners can change the plan or open the billing portal.');
}

export async function createCheckoutSession(
  deps: BillingDeps,
  user: CurrentUser,
  input: CheckoutInput,
): Promise<z.infer<typeof checkoutOutputSchema>> {
  assertCanManageBilling(user);
  const stripe = requireStripe(deps.stripe);
  const priceId = input.kind === 'plan' ? deps.config.prices.plans[input.plan][input.interval] : deps.config.prices.dfy[input.package];
  if (!priceId) {
    const variable = input.kind === 'plan' ? PRICE_ENV.plans[input.plan][input.interval] : PRICE_ENV.dfy[input.package];
    const what = input.kind === 'plan' ? `the ${input.plan} plan (${input.interval === 'month' ? 'monthly' : 'yearly'})` : `the Done-For-You ${input.package} package`;
    throw new AppError('SERVICE_UNAVAILABLE', `Checkout for ${what} is not configured yet: its Stripe price id (${variable}) is missing.`);
  }
  if (deps.redis) await assertNotBlocked({ redis: deps.redis, now: deps.now, log: deps.log }, { ip: deps.ip });

  const tenant = await loadTenant(deps.db, user.tenantId);
  const billingPath = `${baseUrl(deps.config)}${localizedPath('/dashboard/billing', user.locale)}`;
  const metadata: Record<string, string> =
    input.kind === 'plan'
      ? { tenant_id: tenant.id, plan: input.plan, interval: input.interval }
      : { tenant_id: tenant.id, dfy_package: input.package };
  // The salted hash of the buyer's network (never the IP): payment failures Stripe reports later
  // count against the same abuse windows as this request (SPEC H8).
  const client = abuseSubjectHash(deps.ip);
  if (client) metadata.client = client;

  const params: Stripe.Checkout.SessionCreateParams = {
    mode: input.kind === 'plan' ? 'subscription' : 'payment',
    line_items: [{ price: priceId, quantity: 1 }],
    client_reference_id: tenant.id,
    metadata,
    // Stripe substitutes the session id; the braces must stay unencoded.
    success_url: `${billingPath}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${billingPath}?checkout=canceled`,
    locale: stripeLocale(user.locale),
    ...(tenant.stripeCustomerId ? { customer: tenant.stripeCustomerId } : { customer_email: user.email }),
  };
  if (input.kind === 'plan' && deps.autoApplyDiscounts) {
    // An applied discount suggestion reaches customers here, as the session's discount.
    const offer = await currentDiscountOffer(deps.db, { signupSource: tenant.signupSource, now: deps.now?.() ?? new Date() });
    if (offer) {
      params.discounts = [{ coupon: offer.couponId }];
      metadata.discount_suggestion_id = offer.suggestionId;
    }
  }
  if (input.kind === 'plan') {
    // The free trial is for a workspace's first subscription, not for every re-subscription.
    const [previous] = await deps.db
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.tenantId, tenant.id), ne(subscriptions.status, 'incomplete_expired')))
      .limit(1);
    params.subscription_data = { metadata, ...(previous ? {} : { trial_period_days: TRIAL_DAYS }) };
    // "Card required": the trial too starts only with a payment method on file (decision 019).
    params.payment_method_collection = 'always';
  } else {
    params.payment_intent_data = { metadata };
    if (!tenant.stripeCustomerId) params.customer_creation = 'always';
  }

  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(params);
  } catch (error) {
    const e = error as { type?: string; code?: string; statusCode?: number };
    log(deps).error({ stripe: { type: e.type, code: e.code, status: e.statusCode }, tenantId: tenant.id }, 'billing: creating a checkout session failed');
    if (deps.redis) await recordAbuseEvent({ db: deps.db, redis: deps.redis, now: deps.now, log: deps.log }, { kind: 'failed_checkout', ip: deps.ip });
    throw new AppError('SERVICE_UNAVAILABLE', 'Stripe could not start the checkout. Please try again in a moment.', { cause: error });
  }
  if (!session.url) throw new AppError('SERVICE_UNAVAILABLE', 'Stripe did not return a checkout page. Please try again in a moment.');
  log(deps).info({ tenantId: tenant.id, checkout: { kind: input.kind, sessionId: session.id } }, 'billing: checkout session created');
  return { url: session.url, sessionId: session.id };
}

/**
 * A customer-portal session for the workspace's Stripe customer: manage payment details and
 * invoices, or go straight to cancelling / changing the current subscription.
 */
export async function createPortalSession(
  deps: BillingDeps,
  user: CurrentUser,
  input: z.output<typeof portalInputSchema>,
): Promise<z.infer<typeof portalOutputSchema>> {
  assertCanManageBilling(user);
  const stripe = requireStripe(deps.stripe);
  const tenant = await loadTenant(deps.db, user.tenantId);
  if (!tenant.stripeCustomerId) {
    throw new AppError('UNPROCESSABLE', 'This workspace has no billing account yet: choose a plan first.');
  }
  const current = await currentSubscription(deps.db, tenant.id);
  const live = current && current.status !== 'canceled' && current.status !== 'incomplete_expired' ? current : null;
  const base: Stripe.BillingPortal.SessionCreateParams = {
    customer: tenant.stripeCustomerId,
    return_url: `${baseUrl(deps.config)}${localizedPath('/dashboard/billing', user.locale)}`,
    locale: user.locale === 'hi' ? 'auto' : (stripeLocale(user.locale) as Stripe.BillingPortal.SessionCreateParams.Locale),
  };
  const flow: Stripe.BillingPortal.SessionCreateParams.FlowData | undefined =
    live?.stripeSubscriptionId && input.intent === 'cancel'
      ? { type: 'subscription_cancel', subscription_cancel: { subscription: live.stripeSubscriptionId } }
      : live?.stripeSubscriptionId && input.intent === 'change'
        ? { type: 'subscription_update', subscription_update: { subscription: live.stripeSubscriptionId } }
        : undefined;
  try {
    try {
      const session = await stripe.billingPortal.sessions.create(flow ? { ...base, flow_data: flow } : base);
      return { url: session.url };
    } catch (error) {
      // A portal configuration without that flow enabled refuses the deep link: open its home.
      if (!flow || (error as { type?: string }).type !== 'StripeInvalidRequestError') throw error;
      log(deps).warn({ tenantId: tenant.id, intent: input.intent }, 'billing: portal flow refused; opening the portal home');
      const session = await stripe.billingPortal.sessions.create(base);
      return { url: session.url };
    }
  } catch (error) {
    const e = error as { type?: string; code?: string; statusCode?: number };
    log(deps).error({ stripe: { type: e.type, code: e.code, status: e.statusCode }, tenantId: tenant.id }, 'billing: opening the portal failed');
    throw new AppError('SERVICE_UNAVAILABLE', 'Stripe could not open the billing portal. Please try again in a moment.', { cause: error });
  }
}

/** The workspace's current subscription row: live ones first, then the most recent. */
export async function currentSubscription(db: Db, tenantId: string) {
  const rows = await db
    .select({
      stripeSubscriptionId: subscriptions.stripeSubscriptionId,
      plan: subscriptions.plan,
      interval: subscriptions.interval,
      status: subscriptions.status,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
      startedAt: subscriptions.startedAt,
    })
    .from(subscriptions)
    .where(eq(subscriptions.tenantId, tenantId));
  rows.sort((a, b) => SUBSCRIPTION_RANK[a.status] - SUBSCRIPTION_RANK[b.status] || b.startedAt.getTime() - a.startedAt.getTime());
  return rows[0] ?? null;
}

/** Plan, status, trial days and current subscription of the caller's workspace. */
export async function getBillingStatus(deps: Pick<BillingDeps, 'db' | 'stripe' | 'now'>, user: CurrentUser): Promise<BillingStatus> {
  const tenant = await loadTenant(deps.db, user.tenantId);
  const sub = await currentSubscription(deps.db, tenant.id);
  const now = deps.now?.() ?? new Date();
  const trialDaysLeft =
    tenant.status === 'trialing' && tenant.trialEndsAt
      ? Math.max(0, Math.ceil((tenant.trialEndsAt.getTime() - now.getTime()) / 86_400_000))
      : null;
  return {
    configured: deps.stripe !== null,
    plan: tenant.plan,
    status: tenant.status,
    trialEndsAt: tenant.trialEndsAt,
    trialDaysLeft,
    supportSlaHours: SUPPORT_SLA_HOURS[tenant.plan],
    canManage: canManageBilling(user),
    hasBillingAccount: Boolean(tenant.stripeCustomerId),
    subscription: sub
      ? {
          plan: sub.plan,
          interval: sub.interval,
          status: sub.status,
          currentPeriodEnd: sub.currentPeriodEnd,
          cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
          monthlyRevenuePence: monthlyRevenuePence(sub.plan as Plan, sub.interval as BillingInterval),
        }
      : null,
  };
}
