import { and, eq, inArray } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeStripe, stripeSubscription } from '../helpers/fake-stripe';

/**
 * SPEC B3 webhooks through the route's exported POST, with payloads signed by Stripe's own
 * test helper and subscriptions re-read from a local server speaking Stripe's protocol.
 * Stripe's env (key, webhook secret, API base, price ids) is set before the app's modules load.
 */
const fake = await startFakeStripe();
const SECRET = 'whsec_levqor_webhook_test_secret';
const PRICE = {
  starterMonth: 'price_wh_starter_month',
  growthMonth: 'price_wh_growth_month',
  proMonth: 'price_wh_pro_month',
  businessYear: 'price_wh_business_year',
};
const STRIPE_ENV = {
  STRIPE_SECRET_KEY: 'sk_test_levqor_webhook',
  STRIPE_WEBHOOK_SECRET: SECRET,
  STRIPE_API_BASE: fake.url,
  STRIPE_PRICE_STARTER_MONTHLY: PRICE.starterMonth,
  STRIPE_PRICE_GROWTH_MONTHLY: PRICE.growthMonth,
  STRIPE_PRICE_PRO_MONTHLY: PRICE.proMonth,
  STRIPE_PRICE_BUSINESS_YEARLY: PRICE.businessYear,
};
Object.assign(process.env, STRIPE_ENV);
const { POST } = await import('~/app/api/stripe/webhook/route');
const { getSql } = await import('~/server/infra/db/client');
const schema = await import('~/server/infra/db/schema');
const { mrrPence } = await import('~/server/domain/billing/mrr');
const { computeWeeklyFigures } = await import('~/server/domain/reports/figures');
const { callerFor, makeUser, setupTestDeps, uniqueEmail } = await import('../helpers/deps');
const { registerAccount } = await import('~/server/domain/accounts/register');
const { signupTrial } = await import('~/server/domain/billing/stripe');
const { logger } = await import('~/server/infra/logger');
const { abuseStatus, abuseSubjectHash } = await import('~/server/domain/abuse/signals');
const { hashIp, ipHashSalt } = await import('~/server/domain/abuse/hash');

const { abuseSignals, growthEvents, referralCodes, referrals, stripeEvents, subscriptions, tenants, tenantTransitions } = schema;
const deps = setupTestDeps();
const signer = new Stripe('sk_test_signer_only');

afterAll(async () => {
  for (const key of Object.keys(STRIPE_ENV)) delete process.env[key];
  await fake.close();
  await getSql().end({ timeout: 5 });
});
beforeEach(() => {
  fake.requests.length = 0;
});

let seq = 0;
const T0 = Math.floor(Date.now() / 1000) - 600;
const uid = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

function event(type: string, object: Record<string, unknown>, created: number) {
  return {
    id: `evt_test_${uid()}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

async function deliver(evt: unknown, opts: { secret?: string; signature?: string | null; tamper?: (s: string) => string } = {}) {
  const signed = JSON.stringify(evt);
  const header = opts.signature !== undefined ? opts.signature : signer.webhooks.generateTestHeaderString({ payload: signed, secret: opts.secret ?? SECRET });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (header) headers['stripe-signature'] = header;
  const res = await POST(
    new Request('http://localhost/api/stripe/webhook', { method: 'POST', headers, body: opts.tamper ? opts.tamper(signed) : signed }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A referred workspace (with its referral row) and its Stripe customer. */
async function referredTenant(source = 'partner-blog') {
  const referrer = await makeUser(deps.db, { role: 'owner' });
  const referred = await makeUser(deps.db, { role: 'owner' });
  const code = `WH${uid().toUpperCase()}`.slice(0, 16);
  await deps.db.insert(referralCodes).values({ code, userId: referrer.id, tenantId: referrer.tenantId });
  await deps.db.insert(referrals).values({ code, referrerUserId: referrer.id, referredUserId: referred.id, referredTenantId: referred.tenantId });
  await deps.db.update(tenants).set({ signupSource: source }).where(eq(tenants.id, referred.tenantId));
  return { tenantId: referred.tenantId, customer: `cus_${uid()}`, subId: `sub_${uid()}` };
}

const tenantRow = async (id: string) => (await deps.db.select().from(tenants).where(eq(tenants.id, id)))[0]!;
const subRow = async (id: string) => (await deps.db.select().from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, id)))[0];
const referralRow = async (tenantId: string) => (await deps.db.select().from(referrals).where(eq(referrals.referredTenantId, tenantId)))[0]!;
const growth = (tenantId: string, type: 'conversion' | 'churn') =>
  deps.db.select().from(growthEvents).where(and(eq(growthEvents.tenantId, tenantId), eq(growthEvents.type, type)));
const gets = (subId: string) => fake.requests.filter((r) => r.method === 'GET' && r.path === `/v1/subscriptions/${subId}`).length;

function setSub(t: { tenantId: string; customer: string; subId: string }, over: Partial<Parameters<typeof stripeSubscription>[0]> = {}) {
  fake.subscriptions.set(
    t.subId,
    stripeSubscription({ id: t.subId, customer: t.customer, status: 'active', priceId: PRICE.growthMonth, interval: 'month', tenantId: t.tenantId, plan: 'growth', startDate: T0, ...over }),
  );
}
const subEvent = (type: string, t: { subId: string; customer: string }, created: number, body: Record<string, unknown> = {}) =>
  event(type, { id: t.subId, object: 'subscription', customer: t.customer, status: 'active', ...body }, created);

describe('POST /api/stripe/webhook (SPEC B3)', () => {
  it('answers a bad, tampered or missing signature with 400 and stores nothing', async () => {
    const evt = event('customer.subscription.updated', { id: 'sub_sig', object: 'subscription' }, T0);
    const wrong = await deliver(evt, { secret: 'whsec_someone_else' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: 'BAD_REQUEST', message: 'Invalid Stripe signature.' } });
    const tampered = await deliver(evt, { tamper: (s) => s.replace('sub_sig', 'sub_evil') });
    expect(tampered.status).toBe(400);
    const missing = await deliver(evt, { signature: null });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { message: 'Missing Stripe-Signature header.' } });
    expect(await deps.db.select().from(stripeEvents).where(eq(stripeEvents.id, evt.id))).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('acknowledges event types it does not act on with 200 and ignores them', async () => {
    for (const evt of [event('customer.created', { id: 'cus_x', object: 'customer' }, T0), event('invoice.paid', { id: 'in_x', object: 'invoice' }, T0)]) {
      const res = await deliver(evt);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: true, eventId: evt.id, outcome: 'ignored' });
      expect(await deps.db.select().from(stripeEvents).where(eq(stripeEvents.id, evt.id))).toEqual([]);
    }
    expect(fake.requests).toEqual([]);
  });

  it('applies a completed checkout, processes a replay once, and converts the referral exactly once', async () => {
    const t = await referredTenant();
    const trialEnd = T0 + 7 * 86_400;
    setSub(t, { status: 'trialing', trialEnd });
    const completed = event(
      'checkout.session.completed',
      { id: `cs_${uid()}`, object: 'checkout.session', mode: 'subscription', client_reference_id: t.tenantId, customer: t.customer, subscription: t.subId, metadata: { tenant_id: t.tenantId } },
      T0 + 1,
    );
    expect((await deliver(completed)).body).toMatchObject({ outcome: 'applied' });
    let tenant = await tenantRow(t.tenantId);
    expect(tenant).toMatchObject({ stripeCustomerId: t.customer, status: 'trialing', plan: 'growth' });
    expect(tenant.trialEndsAt?.getTime()).toBe(trialEnd * 1000);
    expect(await subRow(t.subId)).toMatchObject({ tenantId: t.tenantId, status: 'trialing', plan: 'growth', interval: 'month', stripeCustomerId: t.customer });
    expect(await growth(t.tenantId, 'conversion')).toEqual([]);

    // Replay: 200, nothing re-applied, Stripe not asked again.
    const replay = await deliver(completed);
    expect(replay).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(gets(t.subId)).toBe(1);
    expect(await deps.db.select().from(stripeEvents).where(eq(stripeEvents.id, completed.id))).toHaveLength(1);

    // The trial ends and the first invoice is paid: the first paid subscription is the conversion.
    setSub(t, { status: 'active' });
    const paid = subEvent('customer.subscription.updated', t, T0 + 2);
    expect((await deliver(paid)).body).toMatchObject({ outcome: 'applied' });
    tenant = await tenantRow(t.tenantId);
    expect(tenant.status).toBe('active');
    const conversions = await growth(t.tenantId, 'conversion');
    expect(conversions).toHaveLength(1);
    expect(conversions[0]).toMatchObject({ amountPence: 2900, source: 'partner-blog' });
    const referral = await referralRow(t.tenantId);
    expect(referral.status).toBe('converted');
    expect(referral.convertedAt).toBeInstanceOf(Date);

    // Replays and later renewals do not convert again.
    expect((await deliver(paid)).body).toMatchObject({ outcome: 'duplicate' });
    expect((await deliver(subEvent('customer.subscription.updated', t, T0 + 3))).body).toMatchObject({ outcome: 'applied' });
    expect(await growth(t.tenantId, 'conversion')).toHaveLength(1);
    expect((await referralRow(t.tenantId)).convertedAt).toEqual(referral.convertedAt);

    // Cancellation: one churn event, however often it is told.
    setSub(t, { status: 'canceled', canceledAt: T0 + 4, endedAt: T0 + 4 });
    expect((await deliver(subEvent('customer.subscription.deleted', t, T0 + 4))).body).toMatchObject({ outcome: 'applied' });
    expect((await deliver(subEvent('customer.subscription.updated', t, T0 + 5))).body).toMatchObject({ outcome: 'applied' });
    const churns = await growth(t.tenantId, 'churn');
    expect(churns).toHaveLength(1);
    expect(churns[0]).toMatchObject({ amountPence: 2900, source: 'partner-blog' });
    expect(await tenantRow(t.tenantId)).toMatchObject({ status: 'canceled' });
    expect((await subRow(t.subId))?.canceledAt?.getTime()).toBe((T0 + 4) * 1000);
  });

  it('ends in the right state when events arrive out of order', async () => {
    // A newer cancellation arrives first; a delayed older update then finds Stripe (stale) saying
    // "active": it is older than the stored state and is not applied.
    const a = await referredTenant();
    setSub(a, { status: 'canceled', canceledAt: T0 + 20, endedAt: T0 + 20 });
    expect((await deliver(subEvent('customer.subscription.deleted', a, T0 + 20))).body).toMatchObject({ outcome: 'applied' });
    setSub(a, { status: 'active' });
    expect((await deliver(subEvent('customer.subscription.updated', a, T0 + 10))).body).toMatchObject({ outcome: 'stale' });
    expect(await subRow(a.subId)).toMatchObject({ status: 'canceled' });
    expect(await tenantRow(a.tenantId)).toMatchObject({ status: 'canceled' });
    expect(await growth(a.tenantId, 'conversion')).toEqual([]);
    expect(await growth(a.tenantId, 'churn')).toHaveLength(1);
    expect((await referralRow(a.tenantId)).status).toBe('signed_up');

    // The event body is not trusted: a newest event whose body says "trialing" applies what
    // Stripe says now (past_due); the older "created" event that comes afterwards is stale.
    const b = await referredTenant();
    setSub(b, { status: 'past_due', plan: 'growth' });
    expect((await deliver(subEvent('customer.subscription.updated', b, T0 + 30, { status: 'trialing' }))).body).toMatchObject({ outcome: 'applied' });
    expect((await deliver(subEvent('customer.subscription.created', b, T0 + 5, { status: 'trialing' }))).body).toMatchObject({ outcome: 'stale' });
    expect(await subRow(b.subId)).toMatchObject({ status: 'past_due' });
    expect(await tenantRow(b.tenantId)).toMatchObject({ status: 'past_due' });

    // Same-second events both apply (the re-read state is current either way).
    setSub(b, { status: 'active' });
    expect((await deliver(subEvent('customer.subscription.updated', b, T0 + 30))).body).toMatchObject({ outcome: 'applied' });
    expect(await tenantRow(b.tenantId)).toMatchObject({ status: 'active' });
    expect(await growth(b.tenantId, 'conversion')).toHaveLength(1);
  });

  it('records but does not apply a subscription it cannot match to a workspace', async () => {
    const stray = { subId: `sub_${uid()}`, customer: `cus_${uid()}` };
    fake.subscriptions.set(stray.subId, stripeSubscription({ id: stray.subId, customer: stray.customer, status: 'active', priceId: 'price_unknown', interval: 'month' }));
    const evt = subEvent('customer.subscription.created', stray, T0);
    expect(await deliver(evt)).toMatchObject({ status: 200, body: { outcome: 'unmatched' } });
    expect(await subRow(stray.subId)).toBeUndefined();
    expect(await deps.db.select().from(stripeEvents).where(eq(stripeEvents.id, evt.id))).toHaveLength(1);
  });

  it('feeds MRR from the subscription rows: active ones at their locked monthly value', async () => {
    const monday = new Date();
    const before = await computeWeeklyFigures({ db: deps.db }, { weekStart: monday });
    const seeded = [
      // growth monthly, active: 2900
      { over: { status: 'active', priceId: PRICE.growthMonth, interval: 'month' as const, plan: 'growth' } },
      // business yearly, active, though its metadata still says growth (switched in the portal): round(149000 / 12) = 12417
      { over: { status: 'active', priceId: PRICE.businessYear, interval: 'year' as const, plan: 'growth' } },
      // starter monthly, trialing: 0
      { over: { status: 'trialing', priceId: PRICE.starterMonth, interval: 'month' as const, plan: 'starter', trialEnd: T0 + 7 * 86_400 } },
      // pro monthly, canceled: 0
      { over: { status: 'canceled', priceId: PRICE.proMonth, interval: 'month' as const, plan: 'pro', canceledAt: T0, endedAt: T0 } },
    ];
    const tenantIds: string[] = [];
    for (const s of seeded) {
      const t = await referredTenant('mrr-test');
      tenantIds.push(t.tenantId);
      setSub(t, s.over);
      expect((await deliver(subEvent('customer.subscription.created', t, T0 + 1))).body).toMatchObject({ outcome: 'applied' });
    }
    const rows = await deps.db.select().from(subscriptions).where(inArray(subscriptions.tenantId, tenantIds));
    expect(rows.map((r) => `${r.plan}/${r.interval}/${r.status}`).sort()).toEqual(['business/year/active', 'growth/month/active', 'pro/month/canceled', 'starter/month/trialing']);
    expect(await mrrPence({ db: deps.db }, { tenantIds })).toBe(2900 + 12417);

    // The weekly report reads the same rows (integration files run one at a time).
    const after = await computeWeeklyFigures({ db: deps.db }, { weekStart: monday });
    expect(after.metrics.mrrPence.thisWeek - before.metrics.mrrPence.thisWeek).toBe(2900 + 12417);
  });
});

describe('card-required trial (decision 019)', () => {
  it('a sign-up on a server with Stripe waits for a card; Checkout takes one and the 7-day trial starts then', async () => {
    expect(signupTrial()).toBe('at_checkout');
    const email = uniqueEmail('card');
    const account = await registerAccount(
      { db: deps.db, redis: deps.redis, log: logger, trial: signupTrial() },
      { kind: 'oauth', input: { name: 'Card Owner', email, emailVerified: null, image: null } },
      { ip: null, refCode: null },
    );
    expect(account.trialEndsAt).toBeNull();
    expect(await tenantRow(account.tenantId)).toMatchObject({ status: 'awaiting_card', trialEndsAt: null });
    const trialStarts = () => deps.db.select().from(growthEvents).where(and(eq(growthEvents.tenantId, account.tenantId), eq(growthEvents.type, 'trial_start')));
    expect(await trialStarts()).toEqual([]);

    // Nothing runs and no AI until the trial starts; the owner can still reach Billing.
    const owner = { id: account.userId, tenantId: account.tenantId, email, role: 'owner' as const };
    const api = callerFor(deps, owner);
    const wf = await api.workflows.create({ name: 'Waits for the card', steps: [{ id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } }] });
    await expect(api.runs.runNow({ workflowId: wf.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your 7-day trial starts once a card is on file: add one from Billing to run workflows.',
    });
    await expect(api.ai.chat({ query: 'How do I add a step?' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await api.billing.status()).toMatchObject({ status: 'awaiting_card', trialDaysLeft: null, configured: true });

    // Checkout: the plan's price, the 7-day trial, and a card collected whatever the amount due.
    const checkout = await api.billing.checkout({ kind: 'plan', plan: 'starter', interval: 'month' });
    expect(checkout.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const form = fake.requests.find((r) => r.path === '/v1/checkout/sessions')!.form;
    expect(form.get('subscription_data[trial_period_days]')).toBe('7');
    expect(form.get('payment_method_collection')).toBe('always');
    expect(form.get('line_items[0][price]')).toBe(PRICE.starterMonth);

    // Stripe tells us the trialing subscription exists: the workspace's trial starts, once.
    const t = { tenantId: account.tenantId, customer: `cus_${uid()}`, subId: `sub_${uid()}` };
    const trialEnd = T0 + 7 * 86_400;
    setSub(t, { status: 'trialing', trialEnd, priceId: PRICE.starterMonth, plan: 'starter' });
    const completed = event(
      'checkout.session.completed',
      { id: `cs_${uid()}`, object: 'checkout.session', mode: 'subscription', client_reference_id: t.tenantId, customer: t.customer, subscription: t.subId, metadata: { tenant_id: t.tenantId } },
      T0 + 1,
    );
    expect((await deliver(completed)).body).toMatchObject({ outcome: 'applied' });
    expect((await deliver(subEvent('customer.subscription.created', t, T0 + 2, { status: 'trialing' }))).body).toMatchObject({ outcome: 'applied' });
    const tenant = await tenantRow(t.tenantId);
    expect(tenant).toMatchObject({ status: 'trialing', plan: 'starter', stripeCustomerId: t.customer });
    expect(tenant.trialEndsAt?.getTime()).toBe(trialEnd * 1000);
    expect(await trialStarts()).toHaveLength(1);
    const moves = await deps.db.select().from(tenantTransitions).where(eq(tenantTransitions.tenantId, t.tenantId));
    expect(moves.map((m) => [m.fromStatus, m.toStatus, m.actor])).toEqual([['awaiting_card', 'trialing', 'stripe']]);
    await expect(api.runs.runNow({ workflowId: wf.id })).resolves.toMatchObject({ status: 'queued' });
  });
});

describe('payment events feed the abuse signals (SPEC H8, issue 16 #2)', () => {
  const randomIp = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const signalsFor = (ipHash: string) => deps.db.select().from(abuseSignals).where(eq(abuseSignals.ipHash, ipHash));
  const charge = (type: string, client: string | null, over: Record<string, unknown> = {}) =>
    event(
      type,
      {
        id: `ch_${uid()}`,
        object: 'charge',
        amount: 2900,
        currency: 'gbp',
        customer: `cus_${uid()}`,
        metadata: client ? { client } : {},
        payment_method_details: { type: 'card', card: { fingerprint: `fp_${uid()}` } },
        ...over,
      },
      T0 + 10,
    );

  it('counts failed charges once each against the network that opened the checkout, which is then refused', async () => {
    const ip = randomIp();
    const client = abuseSubjectHash(ip)!;
    // The checkout carries the hash, never the address.
    const owner = await makeUser(deps.db, { role: 'owner' });
    await callerFor(deps, owner, { ip }).billing.checkout({ kind: 'plan', plan: 'starter', interval: 'month' });
    const sent = fake.requests.find((r) => r.path === '/v1/checkout/sessions')!.form;
    expect(sent.get('metadata[client]')).toBe(client);
    expect([...sent.values()].join(' ')).not.toContain(ip);

    const first = charge('charge.failed', client);
    expect((await deliver(first)).body).toMatchObject({ outcome: 'applied' });
    expect((await deliver(first)).body).toMatchObject({ outcome: 'duplicate' });
    expect((await deliver(charge('charge.failed', client))).body).toMatchObject({ outcome: 'applied' });
    expect(await signalsFor(client)).toEqual([]);
    // A failed payment that made a charge was counted above (charge.failed): not twice.
    const intent = event('payment_intent.payment_failed', { id: `pi_${uid()}`, object: 'payment_intent', metadata: { client }, last_payment_error: { charge: `ch_${uid()}` } }, T0 + 11);
    expect((await deliver(intent)).body).toMatchObject({ outcome: 'ignored' });
    expect(await signalsFor(client)).toEqual([]);
    // The third distinct card: card testing.
    expect((await deliver(charge('charge.failed', client))).body).toMatchObject({ outcome: 'applied' });
    expect(await signalsFor(client)).toEqual([expect.objectContaining({ kind: 'card_testing', count: 3 })]);
    expect(await abuseStatus({ redis: deps.redis, enforce: true }, { ip })).toMatchObject({ blocked: true, active: ['card_testing'] });
  });

  it('counts charges below any price as card probes, failed invoices as failed checkouts, per Stripe customer without a network', async () => {
    const customer = `cus_${uid()}`;
    const subject = hashIp(`subject:stripe-customer:${customer}`, ipHashSalt());
    expect((await deliver(charge('charge.succeeded', null, { customer, amount: 2900 }))).body).toMatchObject({ outcome: 'ignored' });
    for (let i = 0; i < 3; i++) {
      expect((await deliver(charge('charge.succeeded', null, { customer, amount: 30 + i }))).body).toMatchObject({ outcome: 'applied' });
    }
    expect(await signalsFor(subject)).toEqual([expect.objectContaining({ kind: 'card_testing', count: 3 })]);

    for (let i = 0; i < 3; i++) {
      const invoice = event('invoice.payment_failed', { id: `in_${uid()}`, object: 'invoice', customer, metadata: {}, parent: null }, T0 + 20 + i);
      expect((await deliver(invoice)).body).toMatchObject({ outcome: 'applied' });
    }
    expect((await signalsFor(subject)).map((r) => r.kind).sort()).toEqual(['card_testing', 'failed_checkouts']);
  });
});
