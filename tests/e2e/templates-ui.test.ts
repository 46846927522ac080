import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const de = messages('de');

describe('starter templates in the dashboard (SPEC G1)', () => {
  it('browses a category, previews the steps and uses a template', async () => {
    const user = await makeUser(deps.db, { password: 'templates-password' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, user.email, 'templates-password');
    await page.waitForURL('**/dashboard');
    await page.goto('/dashboard/templates');
    await page.getByRole('heading', { name: t('TemplateGallery.title'), level: 1 }).waitFor();
    await page.getByTestId('template-card').first().waitFor();
    expect(await page.getByTestId('template-card').count()).toBeGreaterThanOrEqual(25);

    await page.getByRole('tab', { name: new RegExp(`^${t('TemplateGallery.categories.billing')}`) }).click();
    const card = page.getByTestId('template-card').filter({ hasText: t('Templates.billing-failed-payment.name') });
    await card.getByText(t('TemplateGallery.stepsTitle')).click();
    await card.getByText(t('Templates.billing-failed-payment.steps.still_due')).waitFor();

    await page.getByLabel(t('TemplateGallery.search')).fill('zzz-nothing-matches');
    await page.getByTestId('templates-empty').waitFor();
    await page.getByLabel(t('TemplateGallery.search')).fill('');

    await card.getByRole('button', { name: t('TemplateGallery.use') }).click();
    await page.getByText(t('TemplateGallery.created').replace('{name}', t('Templates.billing-failed-payment.name'))).waitFor();
    // The new draft opens in the editor.
    await page.getByRole('heading', { name: t('Templates.billing-failed-payment.name'), level: 1 }).waitFor();
    await page.getByTestId('workflow-editor').waitFor();

    await page.goto('/dashboard/workflows');
    await page.getByTestId('workflow-row').first().waitFor();
    await expect(page.getByTestId('workflow-row').count()).resolves.toBe(1);
    await context.close();
  });

  it('shows and searches templates in the page’s language', async () => {
    const user = await makeUser(deps.db, { password: 'templates-de-password' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, user.email, 'templates-de-password');
    await page.waitForURL('**/dashboard');
    await page.goto('/de/dashboard/templates');
    await page.getByRole('heading', { name: de('TemplateGallery.title'), level: 1 }).waitFor();
    await page.getByLabel(de('TemplateGallery.search')).fill('Rechnungen');
    await page.getByTestId('template-card').filter({ hasText: de('Templates.billing-overdue-invoices.name') }).waitFor();
    await context.close();
  });

  it('on a phone, the category strip shows it scrolls, and the chosen tab comes into view', async () => {
    const user = await makeUser(deps.db, { password: 'templates-phone-password' });
    const context = await newContext(browser(), { width: 375, height: 800 });
    const page = await context.newPage();
    await signIn(page, user.email, 'templates-phone-password');
    await page.waitForURL('**/dashboard');
    await page.goto('/dashboard/templates');
    await page.getByTestId('template-card').first().waitFor();
    const strip = page.getByTestId('tabs-strip');
    await expect.poll(() => strip.getAttribute('data-more-right')).toBe('true');
    await expect(strip.getAttribute('data-more-left')).resolves.toBe('false');
    // The last category, reached by keyboard, is scrolled into view; the hint moves to the left.
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('End');
    const last = page.getByRole('tab', { selected: true });
    await expect.poll(async () => {
      const box = (await last.boundingBox())!;
      return box.x + box.width <= 375;
    }).toBe(true);
    await expect.poll(() => strip.getAttribute('data-more-left')).toBe('true');
    await context.close();
  });
});
