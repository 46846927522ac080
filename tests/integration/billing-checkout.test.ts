import { TRPCError } from '@trpc/server';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCurrentUser, type CurrentUser } from '~/server/domain/accounts/users';
import { createCheckoutSession, createPortalSession, getBillingStatus, type BillingDeps } from '~/server/domain/billing/checkout';
import { type BillingConfig, type PriceIds } from '~/server/domain/billing/config';
import { createStripe } from '~/server/domain/billing/stripe';
import { discountSuggestions, subscriptions, tenants } from '~/server/infra/db/schema';
import { isAppError } from '~/server/errors';
import { startFakeStripe, type FakeStripe } from '../helpers/fake-stripe';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';

/**
 * SPEC B3 Checkout and portal through the REAL stripe SDK against a local server that speaks
 * Stripe's protocol: the form-encoded requests carry the right price, mode, trial, customer and
 * return URLs; a missing price id or a missing Stripe key is a clear configuration error.
 */
const deps = setupTestDeps();
let fake: FakeStripe;

const PRICES: PriceIds = {
  plans: {
    starter: { month: 'price_starter_month', year: 'price_starter_year' },
    growth: { month: 'price_growth_month', year: 'price_growth_year' },
    pro: { month: 'price_pro_month', year: undefined },
    business: { month: 'price_business_month', year: 'price_business_year' },
  },
  dfy: { starter: 'price_dfy_starter', professional: 'price_dfy_professional', enterprise: undefined },
};
const CONFIG: BillingConfig = { appUrl: 'https://app.levqor.test/', prices: PRICES, webhookSecret: 'whsec_test' };

const billing = (over: Partial<BillingDeps> = {}): BillingDeps => ({
  db: deps.db,
  redis: deps.redis,
  stripe: createStripe({ secretKey: 'sk_test_levqor_checkout', apiBase: fake.url }),
  config: CONFIG,
  ...over,
});

async function owner(locale = 'en'): Promise<CurrentUser> {
  const u = await makeUser(deps.db, { role: 'owner' });
  const user = (await loadCurrentUser(deps, u.id))!;
  return { ...user, locale };
}

async function appError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an AppError');
}

beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.failWith = null;
  fake.refuseFlows = false;
});

describe('billing.checkout (SPEC B3)', () => {
  it('creates a subscription checkout with the plan price, the 7-day trial, the e-mail and return URLs', async () => {
    const user = await owner();
    const out = await createCheckoutSession(billing(), user, { kind: 'plan', plan: 'growth', interval: 'year' });
    expect(out.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', authorization: 'Bearer sk_test_levqor_checkout' });
    const f = req.form;
    expect(f.get('mode')).toBe('subscription');
    expect(f.get('line_items[0][price]')).toBe('price_growth_year');
    expect(f.get('line_items[0][quantity]')).toBe('1');
    expect(f.get('subscription_data[trial_period_days]')).toBe('7');
    expect(f.get('customer_email')).toBe(user.email);
    expect(f.has('customer')).toBe(false);
    expect(f.get('client_reference_id')).toBe(user.tenantId);
    expect(f.get('success_url')).toBe('https://app.levqor.test/dashboard/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}');
    expect(f.get('cancel_url')).toBe('https://app.levqor.test/dashboard/billing?checkout=canceled');
    expect(f.get('metadata[tenant_id]')).toBe(user.tenantId);
    expect(f.get('metadata[plan]')).toBe('growth');
    expect(f.get('metadata[interval]')).toBe('year');
    // The subscription carries them too: its own events do not see the session's metadata.
    expect(f.get('subscription_data[metadata][tenant_id]')).toBe(user.tenantId);
    expect(f.get('subscription_data[metadata][plan]')).toBe('growth');
    expect(f.get('locale')).toBe('en-GB');
  });

  it('reuses the workspace’s Stripe customer, localises the return URLs and gives no second trial', async () => {
    const user = await owner('de');
    await deps.db.update(tenants).set({ stripeCustomerId: `cus_${user.tenantId.slice(0, 8)}` }).where(eq(tenants.id, user.tenantId));
    await deps.db.insert(subscriptions).values({ tenantId: user.tenantId, plan: 'starter', interval: 'month', status: 'canceled', stripeSubscriptionId: `sub_old_${user.tenantId}` });
    await createCheckoutSession(billing(), user, { kind: 'plan', plan: 'starter', interval: 'month' });
    const f = fake.requests[0]!.form;
    expect(f.get('customer')).toBe(`cus_${user.tenantId.slice(0, 8)}`);
    expect(f.has('customer_email')).toBe(false);
    expect(f.get('line_items[0][price]')).toBe('price_starter_month');
    expect(f.has('subscription_data[trial_period_days]')).toBe(false);
    expect(f.get('success_url')).toBe('https://app.levqor.test/de/dashboard/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}');
    expect(f.get('locale')).toBe('de');
  });

  it('sells a Done-For-You package as a one-off payment', async () => {
    const user = await owner();
    await createCheckoutSession(billing(), user, { kind: 'dfy', package: 'professional' });
    const f = fake.requests[0]!.form;
    expect(f.get('mode')).toBe('payment');
    expect(f.get('line_items[0][price]')).toBe('price_dfy_professional');
    expect(f.get('customer_creation')).toBe('always');
    expect(f.get('metadata[dfy_package]')).toBe('professional');
    expect([...f.keys()].some((k) => k.startsWith('subscription_data'))).toBe(false);
  });

  it('answers a missing price id with a configuration error naming the variable, without calling Stripe', async () => {
    const user = await owner();
    const plan = await appError(createCheckoutSession(billing(), user, { kind: 'plan', plan: 'pro', interval: 'year' }));
    expect(plan.code).toBe('SERVICE_UNAVAILABLE');
    expect(plan.message).toContain('STRIPE_PRICE_PRO_YEARLY');
    const dfy = await appError(createCheckoutSession(billing(), user, { kind: 'dfy', package: 'enterprise' }));
    expect(dfy).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(dfy.message).toContain('STRIPE_PRICE_DFY_ENTERPRISE');
    expect(fake.requests).toHaveLength(0);
  });

  it('explains that billing is not configured when there is no Stripe key, while the status still answers', async () => {
    const user = await owner();
    const err = await appError(createCheckoutSession(billing({ stripe: null }), user, { kind: 'plan', plan: 'growth', interval: 'month' }));
    expect(err.code).toBe('SERVICE_UNAVAILABLE');
    expect(err.message).toMatch(/not configured/);
    const status = await getBillingStatus(billing({ stripe: null }), user);
    expect(status).toMatchObject({ configured: false, plan: 'starter', status: 'trialing', hasBillingAccount: false, subscription: null, supportSlaHours: 48 });
    expect(status.trialDaysLeft).toBe(7);

    // Through tRPC (this test process has no STRIPE_SECRET_KEY): 503 with the message, no 500.
    const caller = callerFor(deps, { id: user.id });
    await expect(caller.billing.checkout({ kind: 'plan', plan: 'growth', interval: 'month' })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/not configured/),
    });
    await expect(caller.billing.status()).resolves.toMatchObject({ configured: false, subscription: null });
    await expect(caller.billing.checkout({ kind: 'plan', plan: 'platinum', interval: 'month' } as never)).rejects.toBeInstanceOf(TRPCError);
  });

  it('turns a Stripe failure into a clear 503, not a crash', async () => {
    const user = await owner();
    fake.failWith = 500;
    const err = await appError(createCheckoutSession(billing(), user, { kind: 'plan', plan: 'growth', interval: 'month' }));
    expect(err).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(err.message).toMatch(/could not start the checkout/);
  });
});

describe('applied discount suggestions reach checkout (SPEC G5, issue 16 #3)', () => {
  // A clock of this run's own, far from other tests' and runs' decisions (the test database persists).
  const NOW = new Date(Date.UTC(2040, 0, 1, 12) + Math.floor(Math.random() * 20_000) * 86_400_000);
  const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
  const inserted: string[] = [];
  // All-sources offers apply to every workspace: leave none behind for later runs.
  afterAll(async () => {
    if (inserted.length) await deps.db.delete(discountSuggestions).where(inArray(discountSuggestions.id, inserted));
  });
  async function applied(source: string, percentOff: number, decidedAt: Date, status: 'applied' | 'dismissed' = 'applied') {
    const couponId = `co_${crypto.randomUUID().slice(0, 12)}`;
    const [row] = await deps.db
      .insert(discountSuggestions)
      .values({ day: '2031-03-01', rule: `test_${crypto.randomUUID()}`, source, percentOff, durationMonths: 2, reason: {}, status, stripeCouponId: couponId, decidedAt })
      .returning({ id: discountSuggestions.id });
    inserted.push(row!.id);
    return { id: row!.id, couponId };
  }
  async function ownerFrom(source: string) {
    const user = await owner();
    await deps.db.update(tenants).set({ signupSource: source }).where(eq(tenants.id, user.tenantId));
    return user;
  }
  const checkoutForm = async (user: CurrentUser, autoApply: boolean) => {
    fake.requests.length = 0;
    await createCheckoutSession(billing({ autoApplyDiscounts: autoApply, now: () => NOW }), user, { kind: 'plan', plan: 'starter', interval: 'month' });
    return fake.requests[0]!.form;
  };

  it('attaches the coupon of the suggestion for the workspace’s source while auto-apply is on', async () => {
    const source = `partner-${crypto.randomUUID().slice(0, 8)}`;
    const mine = await applied(source, 15, daysAgo(3));
    const user = await ownerFrom(source);
    const form = await checkoutForm(user, true);
    expect(form.get('discounts[0][coupon]')).toBe(mine.couponId);
    expect(form.get('metadata[discount_suggestion_id]')).toBe(mine.id);
    expect(form.get('subscription_data[metadata][discount_suggestion_id]')).toBe(mine.id);
    // The flag off: no discount, whatever was applied.
    expect((await checkoutForm(user, false)).has('discounts[0][coupon]')).toBe(false);
    // Done-For-You payments are not discounted.
    fake.requests.length = 0;
    await createCheckoutSession(billing({ autoApplyDiscounts: true, now: () => NOW }), user, { kind: 'dfy', package: 'starter' });
    expect(fake.requests[0]!.form.has('discounts[0][coupon]')).toBe(false);
  });

  it('prefers the workspace’s own source over all sources; skips dismissed, other sources and offers older than 30 days', async () => {
    const source = `ads-${crypto.randomUUID().slice(0, 8)}`;
    const other = `other-${crypto.randomUUID().slice(0, 8)}`;
    await applied(other, 30, daysAgo(1));
    await applied(source, 40, daysAgo(2), 'dismissed');
    await applied(source, 50, daysAgo(31));
    const user = await ownerFrom(source);
    expect((await checkoutForm(user, true)).has('discounts[0][coupon]')).toBe(false);

    const everyone = await applied('*', 10, daysAgo(1));
    expect((await checkoutForm(user, true)).get('discounts[0][coupon]')).toBe(everyone.couponId);
    const own = await applied(source, 20, daysAgo(5));
    expect((await checkoutForm(user, true)).get('discounts[0][coupon]')).toBe(own.couponId);
  });
});

describe('billing.portal and billing.status (SPEC B3)', () => {
  it('refuses the portal while the workspace has no Stripe customer', async () => {
    const user = await owner();
    const err = await appError(createPortalSession(billing(), user, { intent: 'manage' }));
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toMatch(/no billing account yet/);
    expect(fake.requests).toHaveLength(0);
  });

  it('opens the portal for the customer, straight into cancelling when asked', async () => {
    const user = await owner('fr');
    const customer = `cus_portal_${user.tenantId.slice(0, 8)}`;
    const subId = `sub_portal_${user.tenantId}`;
    await deps.db.update(tenants).set({ stripeCustomerId: customer, status: 'active', plan: 'pro' }).where(eq(tenants.id, user.tenantId));
    await deps.db.insert(subscriptions).values({ tenantId: user.tenantId, plan: 'pro', interval: 'month', status: 'active', stripeSubscriptionId: subId, stripeCustomerId: customer });

    const manage = await createPortalSession(billing(), user, { intent: 'manage' });
    expect(manage.url).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\//);
    expect(fake.requests[0]!.path).toBe('/v1/billing_portal/sessions');
    expect(fake.requests[0]!.form.get('customer')).toBe(customer);
    expect(fake.requests[0]!.form.get('return_url')).toBe('https://app.levqor.test/fr/dashboard/billing');
    expect(fake.requests[0]!.form.has('flow_data[type]')).toBe(false);

    await createPortalSession(billing(), user, { intent: 'cancel' });
    expect(fake.requests[1]!.form.get('flow_data[type]')).toBe('subscription_cancel');
    expect(fake.requests[1]!.form.get('flow_data[subscription_cancel][subscription]')).toBe(subId);

    // A portal configuration without the flow: the portal's home opens instead.
    fake.refuseFlows = true;
    const fallback = await createPortalSession(billing(), user, { intent: 'change' });
    expect(fallback.url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(fake.requests.slice(2).map((r) => r.form.get('flow_data[type]'))).toEqual(['subscription_update', null]);

    const status = await getBillingStatus(billing(), user);
    expect(status).toMatchObject({
      configured: true,
      plan: 'pro',
      status: 'active',
      trialDaysLeft: null,
      supportSlaHours: 12,
      hasBillingAccount: true,
      subscription: { plan: 'pro', interval: 'month', status: 'active', monthlyRevenuePence: 5900, cancelAtPeriodEnd: false },
    });
  });
});
