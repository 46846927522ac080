import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/deps';
import { messages, newContext, signIn, setupBrowser } from './browser';

const { browser } = setupBrowser();
const t = messages('en');

describe('sign up, sign out, sign in (F1)', () => {
  it('creates a workspace, shows the dashboard, and signs back in', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const email = uniqueEmail('e2e');
    const password = 'a-long-enough-password';

    await page.goto('/');
    await page.locator('#main').getByRole('link', { name: t('Home.ctaPrimary') }).click();
    await page.waitForURL('**/sign-up');
    await page.getByLabel(t('Auth.name')).fill('Grace Hopper');
    await page.getByLabel(t('Auth.email')).fill(email);
    await page.getByLabel(t('Auth.password')).fill(password);
    await page.getByLabel(t('Auth.company')).fill('Compilers Ltd');
    await page.getByRole('button', { name: t('Auth.submitSignUp') }).click();

    await page.waitForURL('**/dashboard');
    await expect(page.getByTestId('dashboard-welcome').textContent()).resolves.toContain('Grace Hopper');
    await expect(page.getByTestId('tenant-name').textContent()).resolves.toBe('Compilers Ltd');
    await expect(page.getByText('7 days left in your free trial').count()).resolves.toBe(1);

    await page.getByRole('button', { name: t('Nav.signOut') }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect(page.getByRole('link', { name: t('Nav.signIn') }).count()).resolves.toBeGreaterThan(0);
    await page.goto('/dashboard');
    await page.waitForURL('**/sign-in?callbackUrl=%2Fdashboard');

    await signIn(page, email, 'not-the-password');
    await expect(page.getByTestId('auth-error').textContent()).resolves.toBe(t('Auth.errors.invalidCredentials'));

    await page.getByLabel(t('Auth.password')).fill(password);
    await page.getByRole('button', { name: t('Auth.submitSignIn'), exact: true }).click();
    await page.waitForURL('**/dashboard');
    await expect(page.getByTestId('dashboard-welcome').textContent()).resolves.toContain('Grace Hopper');
    await context.close();
  });

  it('refuses a second sign-up with the same e-mail, keeping what was typed', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const email = uniqueEmail('twice');
    for (let i = 0; i < 2; i++) {
      await page.goto('/sign-up');
      await page.getByLabel(t('Auth.name')).fill('Twice');
      await page.getByLabel(t('Auth.email')).fill(email);
      await page.getByLabel(t('Auth.password')).fill('a-long-enough-password');
      await page.getByRole('button', { name: t('Auth.submitSignUp') }).click();
      if (i === 0) {
        await page.waitForURL('**/dashboard');
        await context.clearCookies();
      }
    }
    await expect(page.getByTestId('auth-error').textContent()).resolves.toBe(t('Auth.errors.emailTaken'));
    await expect(page.getByLabel(t('Auth.email')).inputValue()).resolves.toBe(email);
    await context.close();
  });
});
