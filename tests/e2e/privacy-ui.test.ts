import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPasswordReset } from '~/server/domain/accounts/password-reset';
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

describe('settings: password (decision 024)', () => {
  it('changes the password: this browser stays signed in, another one is signed out, the old password stops working', async () => {
    const user = await makeUser(deps.db, { password: 'first-password-1' });
    const here = await newContext(browser(), { width: 375, height: 740 });
    const elsewhere = await newContext(browser());
    const page = await here.newPage();
    const other = await elsewhere.newPage();
    for (const p of [page, other]) {
      await signIn(p, user.email, 'first-password-1');
      await p.waitForURL('**/dashboard');
    }

    await page.goto('/dashboard/settings');
    const form = page.getByTestId('change-password');
    await form.getByLabel(t('Settings.currentPassword')).fill('not-my-password');
    await form.getByLabel(t('Settings.newPassword')).fill('second-password-2');
    await form.getByLabel(t('Settings.confirmPassword')).fill('second-password-2');
    await form.getByRole('button', { name: t('Settings.changePassword') }).click();
    // Said on the field it concerns; nothing changed.
    await form.getByRole('alert').filter({ hasText: t('Settings.passwordErrors.wrongCurrent') }).waitFor();
    expect(await form.getByLabel(t('Settings.currentPassword')).getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel(t('Settings.currentPassword')).fill('first-password-1');
    await form.getByLabel(t('Settings.newPassword')).fill('second-password-2');
    await form.getByLabel(t('Settings.confirmPassword')).fill('second-password-2');
    await form.getByRole('button', { name: t('Settings.changePassword') }).click();
    await page.waitForURL('**/dashboard/settings?password=changed');
    await form.getByRole('status').filter({ hasText: t('Settings.passwordChanged') }).waitFor();

    // This browser is still in; the other one is asked to sign in again.
    await page.goto('/dashboard');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await other.goto('/dashboard');
    await other.waitForURL('**/sign-in**');
    await signIn(other, user.email, 'first-password-1');
    await other.getByRole('alert').waitFor();
    await signIn(other, user.email, 'second-password-2');
    await other.waitForURL('**/dashboard');
    await here.close();
    await elsewhere.close();
  });
});

describe('forgot password (decision 025)', () => {
  it('from the sign-in page to a new password through a link, on a phone; the link then says it was used', async () => {
    const user = await makeUser(deps.db, { password: 'lost-password-1' });
    const context = await newContext(browser(), { width: 375, height: 740 });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: t('PasswordReset.forgotLink') }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByLabel(t('PasswordReset.email')).fill(user.email);
    await page.getByRole('button', { name: t('PasswordReset.submit') }).click();
    // The browser tests' server has no mail transport: it says an administrator makes the link.
    await page.getByRole('alert').filter({ hasText: t('PasswordReset.noMail') }).waitFor();

    const { token } = await createPasswordReset({ db: deps.db }, user.id);
    await page.goto(`/reset-password/${token}`);
    await page.getByRole('heading', { name: t('PasswordReset.resetTitle') }).waitFor();
    await page.getByLabel(t('PasswordReset.newPassword')).fill('found-password-2');
    await page.getByLabel(t('PasswordReset.confirmPassword')).fill('found-password-3');
    await page.getByRole('button', { name: t('PasswordReset.resetSubmit') }).click();
    await page.getByRole('alert').filter({ hasText: t('PasswordReset.errors.mismatch') }).waitFor();
    await page.getByLabel(t('PasswordReset.newPassword')).fill('found-password-2');
    await page.getByLabel(t('PasswordReset.confirmPassword')).fill('found-password-2');
    await page.getByRole('button', { name: t('PasswordReset.resetSubmit') }).click();
    await page.waitForURL('**/dashboard');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.goto(`/reset-password/${token}`);
    expect(await page.getByTestId('reset-state').getAttribute('data-state')).toBe('used');
    await context.close();
  });
});
