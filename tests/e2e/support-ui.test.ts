import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps, uniqueEmail } from '../helpers/deps';
import { messages, newContext, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k]));
const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('support (SPEC P6)', () => {
  it('a customer opens a ticket on a phone; an admin answers it from the queue with a suggested reply; the customer rates it', async () => {
    const customer = await makeUser(deps.db, { password: 'support-customer-1', name: 'Cora Customer' });
    const customerContext = await newContext(browser(), { width: 375, height: 740 });
    const page = await customerContext.newPage();
    await signIn(page, customer.email, 'support-customer-1');
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: t('Nav.support') }).first().click();
    await page.getByRole('heading', { name: t('Support.title'), level: 1 }).waitFor();
    await expect(page.getByText(fill(t('Support.lead'), { hours: 48 })).count()).resolves.toBe(1);

    const subject = `How do I reset my password ${crypto.randomUUID().slice(0, 6)}`;
    await page.getByLabel(t('Support.subject')).fill(subject);
    await page.getByLabel(t('Support.message'), { exact: true }).fill('I forgot my password for a colleague. How do we reset it?');
    await page.getByRole('button', { name: t('Support.submit') }).click();
    await page.getByTestId('ticket-created').waitFor();
    const row = page.getByTestId('ticket-row').filter({ hasText: subject });
    await row.getByTestId('ticket-status').filter({ hasText: t('Support.status.open') }).waitFor();
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);

    // The admin's queue lists it; the ticket page suggests the password article's passage.
    const admin = await makeUser(deps.db, { role: 'admin', password: 'support-admin-1' });
    const adminContext = await newContext(browser(), { width: 375, height: 740 });
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin.email, 'support-admin-1');
    await adminPage.waitForURL('**/dashboard');
    await adminPage.goto('/admin/support');
    await adminPage.getByRole('heading', { name: t('Support.admin.title'), level: 1 }).waitFor();
    await adminPage.getByTestId('queue-row').first().waitFor();
    expect(await seriousViolations(adminPage)).toEqual([]);
    await adminPage.getByTestId('queue-row').getByRole('link', { name: subject }).click();
    await adminPage.getByRole('heading', { name: subject, level: 1 }).waitFor();
    const suggestion = adminPage.getByTestId('reply-suggestion').first();
    await suggestion.waitFor();
    await suggestion.getByRole('button', { name: t('Support.admin.useSuggestion') }).click();
    await expect(adminPage.getByLabel(t('Support.admin.reply'), { exact: true }).inputValue()).resolves.toMatch(/Forgot your password\?/);
    await adminPage.getByRole('button', { name: t('Support.admin.replyAndClose') }).click();
    // No mail transport in tests: the reply is saved and the admin is told it was not e-mailed.
    await adminPage.getByText(t('Support.admin.savedNoMail')).waitFor();
    await adminPage.getByTestId('ticket-status').filter({ hasText: t('Support.status.closed') }).waitFor();
    expect(await noSideScroll(adminPage)).toBeLessThanOrEqual(0);
    await adminContext.close();

    // The customer reads the answer and rates it, once.
    await row.getByRole('link', { name: subject }).click();
    await page.getByRole('heading', { name: subject, level: 1 }).waitFor();
    await page.locator('[data-testid="ticket-message"][data-author="staff"]').filter({ hasText: t('Support.staff') }).waitFor();
    await page.getByRole('button', { name: fill(t('Support.rateOption'), { score: 5 }) }).click();
    await page.getByTestId('ticket-rated').filter({ hasText: fill(t('Support.rated'), { score: 5 }) }).waitFor();
    await expect(page.getByRole('button', { name: fill(t('Support.rateOption'), { score: 4 }) }).count()).resolves.toBe(0);
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await customerContext.close();
  });

  it('anyone can write through the contact form, linked from the footer; bad input keeps what was typed', async () => {
    const context = await newContext(browser(), { width: 375, height: 740 });
    const page = await context.newPage();
    await page.goto('/pricing');
    await page.getByRole('contentinfo').getByRole('link', { name: t('Footer.contact') }).click();
    await page.getByRole('heading', { name: t('Contact.title'), level: 1 }).waitFor();
    const email = uniqueEmail('prospect');
    await page.getByLabel(t('Contact.name')).fill('Pat Prospect');
    await page.getByLabel(t('Contact.email')).fill(email);
    await page.getByLabel(t('Contact.subject')).fill('Hi');
    await page.getByLabel(t('Contact.message')).fill('Can Levqor call our own API every morning?');
    // The browser's own checks are off here, so the server's answer is what is shown.
    await page.locator('form').evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: t('Contact.submit') }).click();
    await page.getByRole('alert').filter({ hasText: t('Contact.errors.invalid') }).waitFor();
    await expect(page.getByLabel(t('Contact.message')).inputValue()).resolves.toBe('Can Levqor call our own API every morning?');
    await page.getByLabel(t('Contact.subject')).fill('Before I sign up');
    await page.getByRole('button', { name: t('Contact.submit') }).click();
    await page.getByTestId('contact-sent').filter({ hasText: email }).waitFor();
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
