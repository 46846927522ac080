import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { getOrCreateReferralCode } from '~/server/domain/referrals/referrals';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, setupBrowser } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const de = messages('de');

describe('legal pages and cookie consent (SPEC P5)', () => {
  it('serves the four legal pages in every language, linked from the footer, readable at 375 px', async () => {
    const context = await newContext(browser(), { width: 375, height: 740 });
    const page = await context.newPage();
    await page.goto('/');
    // No Stripe on this server: the page says trials start without a card, beside the offer's text.
    await expect(page.getByTestId('no-card-note').textContent()).resolves.toBe(t('Pricing.noCardHere'));
    const footer = page.getByRole('contentinfo');
    for (const doc of ['terms', 'privacy', 'cookies', 'dpa'] as const) {
      await footer.getByRole('link', { name: t(`Footer.${doc}`), exact: true }).click();
      await page.getByRole('heading', { name: t(`Legal.${doc}.title`), level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/legal/${doc}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.goto('/de/legal/privacy');
    await page.getByRole('heading', { name: de('Legal.privacy.title'), level: 1 }).waitFor();
    await page.getByText(/Argon2id/).first().waitFor();
    expect((await page.goto('/legal/nonsense'))!.status()).toBe(404);
    await context.close();
  });

  it('rejecting keeps the referral cookie away; the footer reopens the choice; accepting allows it', async () => {
    const referrer = await makeUser(deps.db);
    const { code } = await getOrCreateReferralCode({ db: deps.db }, referrer);
    const context = await newContext(browser(), { consent: null });
    const page = await context.newPage();
    await page.goto(`/?ref=${code}`);
    const banner = page.getByTestId('cookie-consent');
    await banner.getByRole('button', { name: t('Consent.reject') }).click();
    await banner.waitFor({ state: 'detached' });
    expect((await context.cookies()).find((c) => c.name === 'levqor_consent')?.value).toBe('necessary');
    await page.goto(`/?ref=${code}`);
    expect((await context.cookies()).find((c) => c.name === 'levqor_ref')).toBeUndefined();
    // Remembered: no banner on the next page.
    await page.goto('/pricing');
    await expect(banner.count()).resolves.toBe(0);

    // Change of mind from the footer: choose the optional category and save.
    await page.getByRole('contentinfo').getByRole('button', { name: t('Footer.cookieSettings') }).click();
    await banner.getByLabel(t('Consent.optional')).check();
    await banner.getByRole('button', { name: t('Consent.save') }).click();
    expect((await context.cookies()).find((c) => c.name === 'levqor_consent')?.value).toBe('all');
    await page.goto(`/?ref=${code}`);
    expect((await context.cookies()).find((c) => c.name === 'levqor_ref')?.value.startsWith(`${code}.`)).toBe(true);

    // And back to "only necessary": the server drops the attribution cookie on the next request.
    await page.getByRole('contentinfo').getByRole('button', { name: t('Footer.cookieSettings') }).click();
    await banner.getByRole('button', { name: t('Consent.reject') }).click();
    await page.goto('/pricing');
    expect((await context.cookies()).find((c) => c.name === 'levqor_ref')).toBeUndefined();
    await context.close();
  });
});
