import { canTransition, suspendedByAdmin, transitionTenant } from '~/server/domain/accounts/lifecycle';
import { and, eq, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type Stripe from 'stripe';
import { recordAbuseEvent, type AbuseEvent } from '~/server/domain/abuse/signals';
import type { Db } from '~/server/infra/db/client';
import { growthEvents, stripeEvents, subscriptionStatusEnum, subscriptions, tenants } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { logger, type Logger } from '~/server/infra/logger';
import { SUBSCRIPTION_RANK } from './checkout';
import { planForPriceId, requireStripe, type BillingConfig } from './config';
import { isUuid } from '~/lib/ids';
import { BILLING_INTERVALS, monthlyRevenuePence, PLANS, type BillingInterval, type Plan } from './pricing';

/**
 * Stripe webhooks (SPEC B3). Every delivery is verified with STRIPE_WEBHOOK_SECRET, then:
 *
 * - Idempotent by event id: the event is inserted into stripe_events in the same transaction as
 *   its effect; a replay finds the row and changes nothing (answered 200).
 * - Out-of-order safe: for checkout.session.completed and customer.subscription.* the current
 *   subscription is re-read from Stripe instead of trusting the event body, and a state is
 *   never applied over one stored from a newer event (subscriptions.stripe_updated_at holds the
 *   applied event's `created`).
 * - Subscription rows drive the workspace's plan and status (trialing, active, past_due,
 *   canceled); MRR is computed from them (weekly report, `mrrPence`).
 * - A workspace's first paid (active, not trialing) subscription is its conversion: its
 *   referral is marked converted once and a growth event `conversion` is written with the
 *   subscription's monthly revenue and the workspace's sign-up source. A cancellation writes a
 *   `churn` growth event, once per subscription.
 * - Payment events feed the abuse signals (SPEC H8), once per event: a failed charge, a failed
 *   payment or setup without a charge, or a charge below any price Levqor sells count towards
 *   card testing (with the card's fingerprint); a failed invoice payment or an asynchronous
 *   checkout payment that failed counts as a failed checkout. They are attributed to the network
 *   that opened the checkout (the salted hash in the metadata) or else to the Stripe customer.
 * - Other event types are acknowledged (200) and ignored.
 *
 * Work for one workspace is serialised by locking its tenants row, so concurrent deliveries
 * for the same workspace cannot both count a conversion.
 */
export type WebhookDeps = {
  db: Db;
  /** For abuse signals from payment events (SPEC H8); without it they are not counted. */
  redis?: Redis;
  stripe: Stripe | null;
  config: BillingConfig;
  now?: () => Date;
  log?: Logger;
};

export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored' | 'stale' | 'unmatched';
export type WebhookResult = { received: true; eventId: string; type: string; outcome: WebhookOutcome };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type SubscriptionStatus = (typeof subscriptionStatusEnum.enumValues)[number];
const isKnownStatus = (s: string): s is SubscriptionStatus => (subscriptionStatusEnum.enumValues as readonly string[]).includes(s);

const log = (deps: { log?: Logger }) => deps.log ?? logger.child({ module: 'billing.webhook' });
const idOf = (ref: string | { id: string } | null | undefined) => (typeof ref === 'string' ? ref : (ref?.id ?? null));
/** Growth events' utm form: trimmed, lower-cased, at most 100 characters (as src/server/domain/growth/events.ts). */
const normaliseUtm = (v: string | null) => v?.trim().toLowerCase().slice(0, 100) || null;
const toDate = (seconds: number | null | undefined) => (typeof seconds === 'number' ? new Date(seconds * 1000) : null);

/** Verifies and applies one delivery. Throws AppError BAD_REQUEST on a bad signature. */
export async function handleStripeWebhook(
  deps: WebhookDeps,
  input: { payload: string; signature: string | null },
): Promise<WebhookResult> {
  const stripe = requireStripe(deps.stripe);
  const secret = deps.config.webhookSecret;
  if (!secret) throw new AppError('SERVICE_UNAVAILABLE', 'Stripe webhooks are not configured on this server yet (STRIPE_WEBHOOK_SECRET).');
  if (!input.signature) throw new AppError('BAD_REQUEST', 'Missing Stripe-Signature header.');
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(input.payload, input.signature, secret);
  } catch (error) {
    log(deps).warn({ err: { name: (error as Error)?.name } }, 'stripe webhook: signature verification failed');
    throw new AppError('BAD_REQUEST', 'Invalid Stripe signature.', { cause: error });
  }

  const result = (outcome: WebhookOutcome): WebhookResult => ({ received: true, eventId: event.id, type: event.type, outcome });
  const signal = abuseEventOf(event);
  if (signal) return result(await recordPaymentSignal(deps, event, signal));
  const target = targetOf(event);
  if (!target) {
    log(deps).debug({ event: { id: event.id, type: event.type } }, 'stripe webhook: event type ignored');
    return result('ignored');
  }

  // Cheap replay check before calling Stripe; the insert in the transaction decides.
  const [seen] = await deps.db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id)).limit(1);
  if (seen) return result('duplicate');

  // Re-read the subscription: the event body may be older than what Stripe knows now.
  let subscription: Stripe.Subscription | null = null;
  if (target.subscriptionId) {
    try {
      subscription = await stripe.subscriptions.retrieve(target.subscriptionId);
    } catch (error) {
      const e = error as { type?: string; code?: string; statusCode?: number };
      if (e.code !== 'resource_missing') throw error; // Stripe answers 5xx: we answer 500, Stripe retries.
      log(deps).warn({ event: { id: event.id, type: event.type } }, 'stripe webhook: subscription no longer exists');
    }
  }

  const eventCreated = new Date(event.created * 1000);
  const outcome = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, createdAt: eventCreated })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (inserted.length === 0) return 'duplicate' as const;

    if (target.session) await recordCheckoutCustomer(tx, deps, target.session);
    if (!subscription) return target.session ? ('applied' as const) : ('unmatched' as const);
    return applySubscription(tx, deps, subscription, eventCreated, target.tenantHint);
  });
  log(deps).info({ event: { id: event.id, type: event.type, outcome } }, 'stripe webhook processed');
  return result(outcome);
}

/** A charge below this (pence) is below any price Levqor sells: a card probe, not a purchase. */
export const SMALL_CHARGE_PENCE = 100;

type MetadataHolder = { metadata?: Stripe.Metadata | null; customer?: string | { id: string } | null };
const fingerprintOf = (pm: Stripe.PaymentMethod | string | null | undefined) => (typeof pm === 'object' && pm ? (pm.card?.fingerprint ?? null) : null);

/** The abuse event a payment event is, or null for every other event. */
function abuseEventOf(event: Stripe.Event): Omit<AbuseEvent, 'ip'> | null {
  const about = (o: MetadataHolder, extra: Pick<AbuseEvent, 'kind' | 'cardFingerprint'>): Omit<AbuseEvent, 'ip'> => {
    const customer = idOf(o.customer ?? null);
    return { ...extra, subjectHash: o.metadata?.client ?? null, subject: customer ? `stripe-customer:${customer}` : null };
  };
  switch (event.type) {
    case 'charge.failed': {
      const charge = event.data.object;
      return about(charge, { kind: 'payment_failure', cardFingerprint: charge.payment_method_details?.card?.fingerprint ?? null });
    }
    case 'charge.succeeded': {
      const charge = event.data.object;
      if (charge.amount >= SMALL_CHARGE_PENCE) return null;
      return about(charge, { kind: 'small_charge', cardFingerprint: charge.payment_method_details?.card?.fingerprint ?? null });
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      // A failed charge is reported as charge.failed too: count only failures without one.
      if (intent.last_payment_error?.charge) return null;
      return about(intent, { kind: 'payment_failure', cardFingerprint: fingerprintOf(intent.last_payment_error?.payment_method) });
    }
    case 'setup_intent.setup_failed': {
      // Trials collect the card with a SetupIntent: its failures are card attempts too.
      const intent = event.data.object;
      return about(intent, { kind: 'payment_failure', cardFingerprint: fingerprintOf(intent.last_setup_error?.payment_method) });
    }
    case 'invoice.payment_failed': {
      const invoice = event.data.object;
      const fromSubscription = invoice.parent?.subscription_details?.metadata ?? null;
      return about({ customer: invoice.customer, metadata: fromSubscription ?? invoice.metadata }, { kind: 'failed_checkout' });
    }
    case 'checkout.session.async_payment_failed':
      return about(event.data.object, { kind: 'failed_checkout' });
    default:
      return null;
  }
}

/** Counts a payment event once (its id is stored first); the counting itself never fails the delivery. */
async function recordPaymentSignal(deps: WebhookDeps, event: Stripe.Event, signal: Omit<AbuseEvent, 'ip'>): Promise<WebhookOutcome> {
  const inserted = await deps.db
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, createdAt: new Date(event.created * 1000) })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
  if (inserted.length === 0) return 'duplicate';
  if (!deps.redis) return 'ignored';
  await recordAbuseEvent({ db: deps.db, redis: deps.redis, now: deps.now, log: deps.log }, { ...signal, ip: null });
  return 'applied';
}

type Target = { subscriptionId: string | null; tenantHint: string | null; session?: Stripe.Checkout.Session };

/** What an event is about, or null for event types Levqor does not act on. */
function targetOf(event: Stripe.Event): Target | null {
  if (event.type === 'checkout.session.completed') {
    const session = event.data.object;
    const tenantHint = session.client_reference_id ?? session.metadata?.tenant_id ?? null;
    return { subscriptionId: session.mode === 'subscription' ? idOf(session.subscription) : null, tenantHint, session };
  }
  if (event.type.startsWith('customer.subscription.')) {
    const sub = event.data.object as Stripe.Subscription;
    return { subscriptionId: sub.id, tenantHint: null };
  }
  return null;
}

/** Links the workspace to its Stripe customer on its first completed checkout. */
async function recordCheckoutCustomer(tx: Tx, deps: WebhookDeps, session: Stripe.Checkout.Session) {
  const tenantId = session.client_reference_id ?? session.metadata?.tenant_id ?? null;
  const customerId = idOf(session.customer);
  if (!tenantId || !isUuid(tenantId) || !customerId) return;
  await tx.execute(sql`
    update ${tenants} set stripe_customer_id = ${customerId}, updated_at = now()
    where ${tenants.id} = ${tenantId} and ${tenants.stripeCustomerId} is null
      and not exists (select 1 from ${tenants} t2 where t2.stripe_customer_id = ${customerId})`);
  if (session.mode === 'payment') {
    log(deps).info({ tenantId, checkout: { sessionId: session.id, dfyPackage: session.metadata?.dfy_package ?? null } }, 'billing: Done-For-You package paid');
  }
}

/** Which workspace a subscription belongs to: the checkout's, its metadata's, its customer's, or its stored row's. */
async function resolveTenant(tx: Tx, sub: Stripe.Subscription, hint: string | null): Promise<string | null> {
  const candidates = [hint, sub.metadata?.tenant_id].filter(isUuid);
  for (const id of candidates) {
    const [row] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, id)).limit(1);
    if (row) return row.id;
  }
  const customerId = idOf(sub.customer);
  if (customerId) {
    const [row] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.stripeCustomerId, customerId)).limit(1);
    if (row) return row.id;
  }
  const [row] = await tx.select({ tenantId: subscriptions.tenantId }).from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, sub.id)).limit(1);
  return row?.tenantId ?? null;
}

/** Plan and interval of a subscription: its price first (the portal may switch plans), then its metadata. */
export function planOf(config: BillingConfig, sub: Stripe.Subscription): { plan: Plan; interval: BillingInterval } | null {
  const item = sub.items?.data?.[0];
  const byPrice = planForPriceId(config.prices, item?.price?.id);
  if (byPrice) return byPrice;
  const plan = sub.metadata?.plan;
  const interval = item?.price?.recurring?.interval ?? sub.metadata?.interval;
  if (PLANS.includes(plan as Plan) && BILLING_INTERVALS.includes(interval as BillingInterval)) {
    return { plan: plan as Plan, interval: interval as BillingInterval };
  }
  return null;
}

/** Workspace status for a subscription status (null: leave the workspace as it is). */
export function tenantStatusFor(status: SubscriptionStatus): 'trialing' | 'active' | 'past_due' | 'canceled' | null {
  switch (status) {
    case 'trialing':
      return 'trialing';
    case 'active':
      return 'active';
    case 'past_due':
    case 'unpaid':
    case 'paused':
      return 'past_due';
    case 'canceled':
    case 'incomplete_expired':
      return 'canceled';
    default:
      return null; // incomplete: the first payment is still in progress
  }
}

async function applySubscription(
  tx: Tx,
  deps: WebhookDeps,
  sub: Stripe.Subscription,
  eventCreated: Date,
  hint: string | null,
): Promise<WebhookOutcome> {
  const tenantId = await resolveTenant(tx, sub, hint);
  const planInfo = planOf(deps.config, sub);
  const status = sub.status;
  if (!tenantId || !planInfo || !isKnownStatus(status)) {
    log(deps).warn(
      { subscription: { id: sub.id, tenantFound: Boolean(tenantId), planFound: Boolean(planInfo), status } },
      'stripe webhook: subscription not matched to a workspace, plan and known status',
    );
    return 'unmatched';
  }
  // One workspace at a time: serialises conversions and status changes of the same workspace.
  const [tenant] = await tx
    .select({
      id: tenants.id,
      status: tenants.status,
      stripeCustomerId: tenants.stripeCustomerId,
      signupSource: tenants.signupSource,
      utmMedium: tenants.utmMedium,
      utmCampaign: tenants.utmCampaign,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .for('update');
  if (!tenant) return 'unmatched';

  const [previous] = await tx
    .select({ id: subscriptions.id, status: subscriptions.status, stripeUpdatedAt: subscriptions.stripeUpdatedAt })
    .from(subscriptions)
    .where(eq(subscriptions.stripeSubscriptionId, sub.id))
    .for('update');
  if (previous?.stripeUpdatedAt && previous.stripeUpdatedAt > eventCreated) {
    log(deps).info({ subscription: { id: sub.id }, tenantId }, 'stripe webhook: older than the stored state; not applied');
    return 'stale';
  }

  const now = deps.now?.() ?? new Date();
  const item = sub.items?.data?.[0];
  const periodEnds = (sub.items?.data ?? []).map((i) => i.current_period_end).filter((x): x is number => typeof x === 'number');
  const customerId = idOf(sub.customer);
  const values = {
    tenantId,
    stripeSubscriptionId: sub.id,
    stripeCustomerId: customerId,
    plan: planInfo.plan,
    interval: planInfo.interval,
    status,
    currentPeriodEnd: periodEnds.length ? new Date(Math.max(...periodEnds) * 1000) : toDate(item?.current_period_end),
    cancelAtPeriodEnd: Boolean(sub.cancel_at_period_end || sub.cancel_at),
    stripeUpdatedAt: eventCreated,
    startedAt: toDate(sub.start_date) ?? now,
    // Counted out of MRR from when it ended, not from when cancelling was requested.
    canceledAt: status === 'canceled' ? (toDate(sub.ended_at) ?? toDate(sub.canceled_at) ?? eventCreated) : null,
    updatedAt: now,
  };
  if (previous) await tx.update(subscriptions).set(values).where(eq(subscriptions.id, previous.id));
  else await tx.insert(subscriptions).values({ ...values, createdAt: now });

  if (customerId && !tenant.stripeCustomerId) {
    await tx.execute(sql`
      update ${tenants} set stripe_customer_id = ${customerId}
      where ${tenants.id} = ${tenantId} and not exists (select 1 from ${tenants} t2 where t2.stripe_customer_id = ${customerId})`);
  }

  // Attributed like the sign-up's growth events: the workspace's sign-up source.
  const growth = {
    tenantId,
    source: normaliseUtm(tenant.signupSource) ?? 'direct',
    utmMedium: normaliseUtm(tenant.utmMedium),
    utmCampaign: normaliseUtm(tenant.utmCampaign),
    occurredAt: eventCreated,
  };
  if (status === 'active') {
    const [converted] = await tx
      .select({ id: growthEvents.id })
      .from(growthEvents)
      .where(and(eq(growthEvents.tenantId, tenantId), eq(growthEvents.type, 'conversion')))
      .limit(1);
    if (!converted) {
      await tx.insert(growthEvents).values({ ...growth, type: 'conversion', amountPence: monthlyRevenuePence(planInfo.plan, planInfo.interval) });
      await tx.execute(sql`update referrals set status = 'converted', converted_at = now() where referred_tenant_id = ${tenantId} and converted_at is null`);
      log(deps).info({ tenantId, subscription: { id: sub.id, plan: planInfo.plan, interval: planInfo.interval } }, 'billing: first paid subscription (conversion)');
    }
  }
  if (status === 'trialing' && tenant.status === 'awaiting_card') {
    // The card-required trial starts here, not at sign-up (decision 019): its growth event too.
    const [started] = await tx
      .select({ id: growthEvents.id })
      .from(growthEvents)
      .where(and(eq(growthEvents.tenantId, tenantId), eq(growthEvents.type, 'trial_start')))
      .limit(1);
    if (!started) await tx.insert(growthEvents).values({ ...growth, type: 'trial_start' });
  }
  if (status === 'canceled' && previous?.status !== 'canceled') {
    const wasPaying = previous?.status === 'active' || previous?.status === 'past_due' || previous?.status === 'unpaid';
    await tx.insert(growthEvents).values({ ...growth, type: 'churn', amountPence: wasPaying ? monthlyRevenuePence(planInfo.plan, planInfo.interval) : null });
  }

  await syncTenant(tx, tenantId, tenant.status, now, { subscriptionId: sub.id, trialEnd: status === 'trialing' ? toDate(sub.trial_end) : null });
  return 'applied';
}

/** The workspace follows its current subscription (live ones first); a suspended workspace keeps its status. */
async function syncTenant(
  tx: Tx,
  tenantId: string,
  tenantStatus: string,
  now: Date,
  applied: { subscriptionId: string; trialEnd: Date | null },
) {
  const rows = await tx
    .select({ plan: subscriptions.plan, status: subscriptions.status, startedAt: subscriptions.startedAt, stripeSubscriptionId: subscriptions.stripeSubscriptionId })
    .from(subscriptions)
    .where(eq(subscriptions.tenantId, tenantId));
  rows.sort((a, b) => SUBSCRIPTION_RANK[a.status] - SUBSCRIPTION_RANK[b.status] || b.startedAt.getTime() - a.startedAt.getTime());
  const current = rows[0];
  if (!current) return;
  const status = tenantStatusFor(current.status);
  const changes: Partial<typeof tenants.$inferInsert> = { plan: current.plan, updatedAt: now };
  // The Stripe trial's end is the workspace's trial end while that subscription is the current one.
  if (current.stripeSubscriptionId === applied.subscriptionId && applied.trialEnd) changes.trialEndsAt = applied.trialEnd;
  await tx.update(tenants).set(changes).where(eq(tenants.id, tenantId));
  // The state follows the subscription through the lifecycle (SPEC P4), except that an admin's
  // suspension stands and a deleted workspace is not revived by a late event.
  if (!status || status === tenantStatus || tenantStatus === 'soft_deleted') return;
  if (tenantStatus === 'suspended' && (await suspendedByAdmin(tx, tenantId))) return;
  if (!canTransition(tenantStatus, status)) return;
  await transitionTenant(tx, { tenantId, to: status, actor: 'stripe', reason: `subscription ${current.status}`, now });
}
