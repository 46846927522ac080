import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, signIn, setupBrowser } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const en = messages('en');
const es = messages('es');
const PASSWORD = 'role-test-password';

describe('admin area (F1)', () => {
  it('sends anonymous visitors to sign-in', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto('/admin');
    await page.waitForURL('**/sign-in?callbackUrl=%2Fadmin');
    await context.close();
  });

  it('refuses a member with 403 and no admin link', async () => {
    const member = await makeUser(deps.db, { role: 'member', password: PASSWORD });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, member.email, PASSWORD);
    await page.waitForURL('**/dashboard');
    await expect(page.getByRole('link', { name: en('Nav.admin') }).count()).resolves.toBe(0);
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: en('Errors.forbiddenTitle') }).count()).resolves.toBe(1);
    await context.close();
  });

  it('lets an admin in, returning to the page asked for', async () => {
    const admin = await makeUser(deps.db, { role: 'admin', password: PASSWORD });
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto('/admin');
    await page.waitForURL('**/sign-in?callbackUrl=%2Fadmin');
    await page.getByLabel(en('Auth.email')).fill(admin.email);
    await page.getByLabel(en('Auth.password')).fill(PASSWORD);
    await page.getByRole('button', { name: en('Auth.submitSignIn'), exact: true }).click();
    await page.waitForURL('**/admin');
    await expect(page.getByRole('heading', { name: en('Admin.title'), level: 1 }).count()).resolves.toBe(1);
    await expect(page.getByRole('table').count()).resolves.toBe(1);
    await context.close();
  });
});

describe('language (F3)', () => {
  it('switches the dashboard to Spanish and keeps it', async () => {
    const user = await makeUser(deps.db, { role: 'owner', password: PASSWORD, name: 'Lola' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, user.email, PASSWORD);
    await page.waitForURL('**/dashboard');
    await page.getByLabel(en('LocaleSwitcher.label')).selectOption('es');
    await page.waitForURL('**/es/dashboard');
    await page.getByRole('heading', { name: es('Dashboard.title'), level: 1 }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');

    // The choice persists: a visit to the unprefixed home goes to Spanish.
    await page.goto('/');
    await page.waitForURL('**/es');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(es('Home.title'));
    await context.close();

    // And it is stored on the user for e-mails and other devices.
    const { callerFor } = await import('../helpers/deps');
    await expect(callerFor(deps, user).account.me()).resolves.toMatchObject({ user: { locale: 'es' } });
  });
});
