import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

/** SPEC P1 secrets in the browser: an owner saves one on a phone; its value never comes back. */
describe('workspace secrets', () => {
  it('an owner adds a secret by keyboard at 375 px; the page shows its name, never its value', async () => {
    const user = await makeUser(deps.db, { password: 'secrets-ui-password' });
    const context = await newContext(browser(), { width: 375, height: 800 });
    const page = await context.newPage();
    await signIn(page, user.email, 'secrets-ui-password');
    await page.waitForURL('**/dashboard');
    await page.goto('/dashboard/secrets');
    await page.getByRole('heading', { name: t('Secrets.title'), level: 1 }).waitFor();
    await page.getByText(t('Secrets.empty')).waitFor();

    const value = `sk_e2e_${crypto.randomUUID()}`;
    await page.getByLabel(t('Secrets.name')).fill('crm_api_key');
    await page.getByLabel(t('Secrets.value')).fill(value);
    await page.getByLabel(t('Secrets.value')).press('Enter');
    await page.getByTestId('secret-row').filter({ hasText: '{{ secrets.CRM_API_KEY }}' }).waitFor();
    await expect(page.getByLabel(t('Secrets.value')).inputValue()).resolves.toBe('');

    await page.reload();
    await page.getByTestId('secret-row').first().waitFor();
    expect(await page.content()).not.toContain(value);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByRole('button', { name: 'Delete CRM_API_KEY' }).click();
    await page.getByText(t('Secrets.empty')).waitFor();
    await context.close();
  });
});
