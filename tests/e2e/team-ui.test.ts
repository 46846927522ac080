import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tenants } from '~/server/infra/db/schema';
import { makeUser, setupTestDeps, uniqueEmail } from '../helpers/deps';
import { messages, newContext, signIn, setupBrowser } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k]));

describe('team (SPEC P4)', () => {
  it('an owner invites someone, passes on the link, and the invitee joins the workspace as a member', async () => {
    const owner = await makeUser(deps.db, { password: 'team-owner-password', name: 'Olga Owner' });
    // A workspace named with one long word: the invitation page must still fit a phone.
    const workspace = `Nordwestdeutsche-Bäckereigroßhandelsgenossenschaft-${owner.id.slice(0, 8)}`;
    await deps.db.update(tenants).set({ name: workspace }).where(eq(tenants.id, owner.tenantId));
    const ownerContext = await newContext(browser());
    const page = await ownerContext.newPage();
    await signIn(page, owner.email, 'team-owner-password');
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: t('Nav.team') }).first().click();
    await page.getByRole('heading', { name: t('Team.title'), level: 1 }).waitFor();

    const email = uniqueEmail('joiner');
    await page.getByLabel(t('Team.inviteEmail')).fill(email);
    await page.getByRole('button', { name: t('Team.invite') }).click();
    // No mail transport in tests: the owner gets the link to pass on.
    const link = (await page.getByTestId('invite-link-url').textContent())!.trim();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await page.getByTestId('team-invite').filter({ hasText: email }).waitFor();

    // The invitee opens the link in another browser, at phone width.
    const guest = await newContext(browser(), { width: 375, height: 740 });
    const invitee = await guest.newPage();
    await invitee.goto(new URL(link).pathname);
    await invitee.getByRole('heading', { name: fill(t('Invite.title'), { workspace }) }).waitFor();
    await expect(invitee.getByLabel(t('Invite.email')).inputValue()).resolves.toBe(email);
    await invitee.getByLabel(t('Invite.name')).fill('Jo Joiner');
    await invitee.getByLabel(t('Invite.password'), { exact: true }).fill('joiner-password-1');
    // A wrong password length is explained; nothing is created.
    await invitee.getByLabel(t('Invite.password'), { exact: true }).evaluate((el) => el.removeAttribute('minlength'));
    await invitee.getByLabel(t('Invite.password'), { exact: true }).fill('short');
    await invitee.getByRole('button', { name: t('Invite.submit') }).click();
    await invitee.getByRole('alert').filter({ hasText: t('Auth.errors.passwordTooShort') }).waitFor();
    // Measured once the page has settled (web fonts swapped in, the alert laid out).
    await invitee.evaluate(() => document.fonts.ready.then(() => undefined));
    await expect.poll(() => invitee.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await invitee.getByLabel(t('Invite.name')).fill('Jo Joiner');
    await invitee.getByLabel(t('Invite.password'), { exact: true }).fill('joiner-password-1');
    await invitee.getByRole('button', { name: t('Invite.submit') }).click();
    // Accepting signs the new member in.
    await invitee.waitForURL('**/dashboard');

    // The link is spent: opening it again (signed out) says so plainly.
    await invitee.context().clearCookies();
    await invitee.goto(new URL(link).pathname);
    await invitee.getByText(t('Invite.states.used')).waitFor();
    await invitee.goto('/invite/not-a-real-invitation-token-at-all');
    await invitee.locator('[data-testid="invite-state"][data-state="unknown"]').waitFor();

    await signIn(invitee, email, 'joiner-password-1');
    await invitee.waitForURL('**/dashboard');
    await invitee.goto('/dashboard/team');
    await invitee.getByText(t('Team.membersOnly')).waitFor();
    await expect(invitee.getByTestId('team-member').count()).resolves.toBe(2);

    // Back with the owner: the new member is listed and can be made an owner.
    await page.reload();
    const row = page.locator(`[data-testid="team-member"][data-email="${email}"]`);
    await row.getByRole('button', { name: t('Team.makeOwner') }).click();
    await page.getByText(fill(t('Team.roleChanged'), { name: 'Jo Joiner', role: t('Team.roles.owner') })).waitFor();
    await guest.close();
    await ownerContext.close();
  });
});
