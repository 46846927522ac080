import AxeBuilder from '@axe-core/playwright';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DFY_PACKAGES, DFY_PACKAGES_GBP, MONTHLY_PRICE_GBP, PLANS, SUPPORT_SLA_HOURS, TRIAL_TEXT, YEARLY_PRICE_GBP } from '~/server/domain/billing/pricing';
import { tenants } from '~/server/infra/db/schema';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, scriptWeight, setupBrowser, signIn } from './browser';

/**
 * SPEC B2 / B4 in the browser: the pricing page's monthly / yearly toggle and locked prices, the
 * exit-intent modal (once per session, Escape closes it), the ROI calculator, the page weight
 * budget of a public page, and the billing page's "before you go" block.
 */
const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const KB = 1024;
const gbp = (pounds: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'GBP', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(pounds);

async function open(page: Page, path = '/pricing') {
  // networkidle: the client components are hydrated before the test clicks or types.
  await page.goto(path, { waitUntil: 'networkidle' });
}

/** The pointer leaves the page through the top of the viewport (relatedTarget null, clientY 0). */
/** Resolves after two animation frames: any state change a handler made has been rendered. */
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

const leaveThroughTop = (page: Page) =>
  page.evaluate(() =>
    document.documentElement.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 400, clientY: 0, relatedTarget: null })),
  );

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('pricing page (SPEC B2, B4)', () => {
  it('shows the locked prices, SLAs, DFY packages and the trial text, and toggles monthly / yearly', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await open(page);
    await expect(page.getByTestId('trial-text').textContent()).resolves.toBe(TRIAL_TEXT);
    for (const plan of PLANS) {
      await expect(page.getByTestId(`price-${plan}`).textContent()).resolves.toBe(gbp(MONTHLY_PRICE_GBP[plan]));
      await expect(page.getByTestId(`sla-${plan}`).textContent()).resolves.toBe(`Support replies within ${SUPPORT_SLA_HOURS[plan]} hours`);
    }
    for (const pkg of DFY_PACKAGES) {
      await expect(page.getByTestId(`dfy-price-${pkg}`).textContent()).resolves.toBe(gbp(DFY_PACKAGES_GBP[pkg]));
    }
    await expect(page.getByTestId('interval-month').getAttribute('aria-pressed')).resolves.toBe('true');

    await expect
      .poll(async () => {
        await page.getByTestId('interval-year').click();
        return page.getByTestId('price-starter').textContent();
      })
      .toBe('£90');
    for (const plan of PLANS) {
      await expect(page.getByTestId(`price-${plan}`).textContent()).resolves.toBe(gbp(YEARLY_PRICE_GBP[plan]));
    }
    await expect(page.getByTestId('price-business').textContent()).resolves.toBe('£1,490');
    await expect(page.getByTestId('interval-year').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('interval-month').getAttribute('aria-pressed')).resolves.toBe('false');

    await page.getByTestId('interval-month').click();
    await expect.poll(() => page.getByTestId('price-growth').textContent()).toBe('£29');
    // Visitors start a free trial: every plan's button leads to sign-up.
    await expect(page.getByTestId('cta-growth').getAttribute('href')).resolves.toBe('/sign-up?plan=growth&interval=month');
    await context.close();
  });

  it('opens the exit-intent modal once per session when the pointer leaves through the top; Escape closes it', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await open(page);
    await page.mouse.move(400, 300);
    const dialog = page.getByRole('dialog', { name: t('Pricing.exit.title') });
    await expect(dialog.isVisible()).resolves.toBe(false);

    await expect
      .poll(async () => {
        await leaveThroughTop(page);
        return dialog.isVisible();
      })
      .toBe(true);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(t('Pricing.exit.body'));
    expect(text).toContain(TRIAL_TEXT);
    expect(text).not.toMatch(/discount|coupon|% off|\d+\s*%/i);
    // Focus is inside the modal (native showModal: the rest of the page is inert).
    for (let i = 0; i < 2; i++) {
      await expect(page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')))).resolves.toBe(true);
      await page.keyboard.press('Tab');
    }

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Not again in this session, not even after a reload.
    await leaveThroughTop(page);
    await nextFrames(page);
    await expect(dialog.isVisible()).resolves.toBe(false);
    await open(page);
    await leaveThroughTop(page);
    await nextFrames(page);
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => sessionStorage.getItem('levqor:exit-intent-shown'))).resolves.toBe('1');
    await context.close();
  });

  it('estimates hours and money saved per month in the ROI calculator and rejects bad input', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await open(page);
    // Defaults 10 h x £30: 10 x 52 / 12 x 0.7 = 30.33 h; x £30 = £910.
    await expect(page.getByTestId('roi-hours-saved').textContent()).resolves.toBe('30.3');
    await expect(page.getByTestId('roi-value-saved').textContent()).resolves.toBe('£910');

    const hours = page.getByLabel(t('Pricing.roi.hoursLabel'));
    const rate = page.getByLabel(t('Pricing.roi.rateLabel'));
    await hours.fill('20');
    await rate.fill('45');
    // 20 x 52 / 12 x 0.7 = 60.67 h; x £45 = £2,730.
    await expect.poll(() => page.getByTestId('roi-hours-saved').textContent()).toBe('60.7');
    await expect.poll(() => page.getByTestId('roi-value-saved').textContent()).toBe('£2,730');

    await hours.fill('200');
    await expect.poll(() => hours.getAttribute('aria-invalid')).toBe('true');
    await expect(page.getByText('Enter the hours per week as a number from 0 to 168.').count()).resolves.toBe(1);
    await expect(page.getByTestId('roi-hours-saved').textContent()).resolves.toBe('—');
    await hours.fill('40');
    await rate.fill('25.5');
    // 40 x 52 / 12 x 0.7 = 121.33 h; x £25.50 = £3,094.
    await expect.poll(() => page.getByTestId('roi-hours-saved').textContent()).toBe('121.3');
    await expect.poll(() => page.getByTestId('roi-value-saved').textContent()).toBe('£3,094');
    await context.close();
  });

  it('stays within the public page budget (150 kB), accessible and 375 px wide', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const { gzipBytes } = await scriptWeight(page, '/pricing');
    console.log(`[page weight] /pricing: ${(gzipBytes / KB).toFixed(1)} kB`);
    expect(gzipBytes).toBeLessThanOrEqual(150 * KB);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const phone = await newContext(browser(), { width: 375, height: 812 });
    const small = await phone.newPage();
    await open(small);
    await expect(small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('takes a signed-in user from a plan to billing, where cancelling first shows “before you go”', async () => {
    const user = await makeUser(deps.db, { password: 'pricing-e2e-password' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, user.email, 'pricing-e2e-password');
    await page.waitForURL('**/dashboard');

    await open(page);
    await expect
      .poll(async () => {
        await page.getByTestId('interval-year').click();
        return page.getByTestId('cta-growth').getAttribute('href');
      })
      .toBe('/dashboard/billing?plan=growth&interval=year');
    await page.getByTestId('cta-growth').click();
    await page.waitForURL(/\/dashboard\/billing\?plan=growth&interval=year$/);
    await expect(page.getByTestId('billing-plan').inputValue()).resolves.toBe('growth');
    await expect(page.getByRole('radio', { name: t('Billing.intervals.year') }).isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('billing-trial-days').textContent()).resolves.toContain('7 days left');

    // Without Stripe configured (the e2e server), the payment buttons are disabled and say why.
    await expect(page.getByTestId('billing-checkout').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('billing-dfy-starter').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('billing-unavailable').first().textContent()).resolves.toBe(t('Billing.errors.notConfigured'));

    // A workspace with a billing account: "Cancel or downgrade" shows the block before any portal.
    await deps.db.update(tenants).set({ stripeCustomerId: `cus_e2e_${user.tenantId.slice(0, 8)}` }).where(eq(tenants.id, user.tenantId));
    await open(page, '/dashboard/billing');
    const block = page.getByTestId('before-you-go');
    await expect(block.isVisible()).resolves.toBe(false);
    await page.getByTestId('billing-cancel').click();
    await block.waitFor();
    await expect(page.getByTestId('before-you-go-trial').textContent()).resolves.toBe(TRIAL_TEXT);
    await expect(block.getByRole('button', { name: t('Billing.beforeYouGo.downgrade') }).count()).resolves.toBe(1);
    await expect(page.getByTestId('before-you-go-support').getAttribute('href')).resolves.toMatch(/\/dashboard\/support$/);
    await expect(page.getByTestId('before-you-go-continue').isDisabled()).resolves.toBe(true);
    await context.close();
  });
});
