import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants, users } from '~/server/infra/db/schema';
import { startFakeStripe, type FakeStripe } from '../helpers/fake-stripe';
import { setupTestDeps, uniqueEmail } from '../helpers/deps';
import { messages, newContext, setupBrowser } from './browser';
import { startSecondServer } from './second-server';

/**
 * "Card required" (decision 019) behind the production web server: a second server configured
 * with Stripe (the shared e2e server runs without it) whose SDK talks to a local server speaking
 * Stripe's protocol. Signing up from a plan on /pricing lands on Stripe Checkout for that plan,
 * with the 7-day trial and a card required; until Stripe reports the trialing subscription the
 * workspace waits for the card and the dashboard says so.
 */
const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const port = Number(process.env.E2E_PORT) + 8;
let base = '';
let fake: FakeStripe;
let server: Awaited<ReturnType<typeof startSecondServer>>;

beforeAll(async () => {
  fake = await startFakeStripe();
  base = `http://localhost:${port}`;
  server = await startSecondServer(port, {
    RATE_LIMIT_ENABLED: 'false',
    APP_URL: base,
    STRIPE_SECRET_KEY: 'sk_test_levqor_card_trial',
    STRIPE_API_BASE: fake.url,
    STRIPE_PRICE_GROWTH_YEARLY: 'price_card_growth_year',
    STRIPE_PRICE_STARTER_MONTHLY: 'price_card_starter_month',
    REDIS_PREFIX: `levqor-test-card-${crypto.randomUUID()}`,
  });
}, 60_000);

afterAll(async () => {
  if (process.env.E2E_SERVER_LOG) console.log(server?.output());
  await server?.stop();
  await fake?.close();
});

describe('sign-up with a card-required trial (Stripe configured)', () => {
  it('goes from the pricing page through sign-up to Checkout for the plan picked; the dashboard waits for the card', async () => {
    const context = await newContext(browser(), { base });
    const page = await context.newPage();
    // Stripe's hosted page is not reachable from here: the browser lands on a stand-in.
    await page.route('https://checkout.stripe.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Stripe Checkout</h1>' }));

    await page.goto('/pricing', { waitUntil: 'networkidle' });
    await expect(page.getByTestId('no-card-note').count()).resolves.toBe(0);
    await page.getByTestId('interval-year').click();
    await expect.poll(() => page.getByTestId('cta-growth').getAttribute('href')).toBe('/sign-up?plan=growth&interval=year');
    await page.getByTestId('cta-growth').click();
    await page.waitForURL('**/sign-up?plan=growth&interval=year');
    await expect(page.getByTestId('card-at-checkout-note').textContent()).resolves.toBe(t('Pricing.cardAtCheckout').replace('{days}', '7'));

    const email = uniqueEmail('card-trial');
    await page.getByLabel(t('Auth.name')).fill('Ada Card');
    await page.getByLabel(t('Auth.email')).fill(email);
    await page.getByLabel(t('Auth.password')).fill('a-long-enough-password');
    await page.getByRole('button', { name: t('Auth.submitSignUp') }).click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);

    const sessions = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    expect(sessions).toHaveLength(1);
    const form = sessions[0]!.form;
    expect(form.get('line_items[0][price]')).toBe('price_card_growth_year');
    expect(form.get('subscription_data[trial_period_days]')).toBe('7');
    expect(form.get('payment_method_collection')).toBe('always');
    expect(form.get('customer_email')).toBe(email);
    expect(form.get('cancel_url')).toBe(`${base}/dashboard/billing?checkout=canceled`);

    const [user] = await deps.db.select({ tenantId: users.tenantId }).from(users).where(eq(users.email, email));
    const [tenant] = await deps.db.select({ status: tenants.status, trialEndsAt: tenants.trialEndsAt }).from(tenants).where(eq(tenants.id, user!.tenantId));
    expect(tenant).toEqual({ status: 'awaiting_card', trialEndsAt: null });

    // Back without finishing Checkout: signed in, told the trial has not started, one click from Billing.
    await page.goto(`${base}/dashboard`);
    await expect(page.getByTestId('awaiting-card').textContent()).resolves.toContain(t('Dashboard.awaitingCard').replace('{days}', '7'));
    await page.getByTestId('awaiting-card').getByRole('link', { name: t('Dashboard.addCard') }).click();
    await page.waitForURL('**/dashboard/billing');
    await expect(page.getByTestId('billing-awaiting-card').textContent()).resolves.toBe(t('Billing.awaitingCard').replace('{days}', '7'));
    await context.close();
  });
});
