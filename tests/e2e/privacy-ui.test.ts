import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, signIn, setupBrowser } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

describe('settings: your data (SPEC P5)', () => {
  it('downloads the export, refuses a wrong password, then deletes the account and signs out everywhere', async () => {
    const user = await makeUser(deps.db, { password: 'privacy-password-1' });
    const context = await newContext(browser(), { width: 375, height: 740 });
    const page = await context.newPage();
    await signIn(page, user.email, 'privacy-password-1');
    await page.waitForURL('**/dashboard');
    await page.goto('/dashboard/settings');
    await page.getByRole('heading', { name: t('Settings.title'), level: 1 }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-data').click()]);
    expect(download.suggestedFilename()).toMatch(/^levqor-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = readFileSync((await download.path())!);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.toString('latin1')).toContain(user.email);

    // The last owner is told the workspace goes too.
    await page.getByTestId('last-owner-warning').waitFor();
    await page.getByLabel(t('Settings.password')).fill('not-the-password');
    await page.getByLabel(t('Settings.confirmLabel')).fill('DELETE');
    await page.getByRole('button', { name: t('Settings.deleteButton') }).click();
    await page.getByRole('alert').filter({ hasText: 'That password is not right. Nothing was deleted.' }).waitFor();

    await page.getByLabel(t('Settings.password')).fill('privacy-password-1');
    await page.getByRole('button', { name: t('Settings.deleteButton') }).click();
    await page.waitForURL((url) => url.pathname === '/');
    // Gone: the dashboard asks to sign in, and the password no longer works.
    await page.goto('/dashboard');
    await page.waitForURL('**/sign-in**');
    await signIn(page, user.email, 'privacy-password-1');
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });
});
