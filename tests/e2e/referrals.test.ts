import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { growthEvents, referralClicks, referrals, tenants, users } from '~/server/infra/db/schema';
import { getOrCreateReferralCode, recordReferralSignup } from '~/server/domain/referrals/referrals';
import { makeUser, setupTestDeps, uniqueEmail } from '../helpers/deps';
import { messages, newContext, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

describe('referrals end to end (SPEC G2, G3)', () => {
  it('a visitor opens a referral link and signs up; the referrer’s growth panel shows the sign-up', async () => {
    const referrer = await makeUser(deps.db, { password: 'referrer-password' });
    const { code, link } = await getOrCreateReferralCode({ db: deps.db }, referrer);

    // The visitor: a first visit asks for consent; until it is given there is no attribution cookie.
    const visitor = await newContext(browser(), { consent: null });
    const page = await visitor.newPage();
    await page.goto(`/?ref=${code.toLowerCase()}`);
    const banner = page.getByTestId('cookie-consent');
    await banner.waitFor();
    expect((await visitor.cookies()).find((c) => c.name === 'levqor_ref')).toBeUndefined();
    // Accepting reloads the link, which sets a first-party attribution cookie (30 days, httpOnly, Lax).
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: t('Consent.accept') }).click()]);
    await banner.waitFor({ state: 'detached' });
    const cookie = (await visitor.cookies()).find((c) => c.name === 'levqor_ref');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.value.startsWith(`${code}.`)).toBe(true);
    const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30.01);

    // A second visit the same day is not a second click.
    await page.goto(`/?ref=${code}`);
    await page.locator('#main').getByRole('link', { name: t('Home.ctaPrimary') }).click();
    await page.waitForURL('**/sign-up');
    const email = uniqueEmail('referred');
    await page.getByLabel(t('Auth.name')).fill('Referred Person');
    await page.getByLabel(t('Auth.email')).fill(email);
    await page.getByLabel(t('Auth.password')).fill('a-long-enough-password');
    await page.getByRole('button', { name: t('Auth.submitSignUp') }).click();
    await page.waitForURL('**/dashboard');
    // The cookie is used once.
    expect((await visitor.cookies()).find((c) => c.name === 'levqor_ref')).toBeUndefined();
    await visitor.close();

    const [referred] = await deps.db.select({ id: users.id, tenantId: users.tenantId }).from(users).where(eq(users.email, email));
    const rows = await deps.db.select().from(referrals).where(eq(referrals.referredUserId, referred!.id));
    expect(rows).toEqual([expect.objectContaining({ code, referrerUserId: referrer.id, referredTenantId: referred!.tenantId, status: 'signed_up' })]);
    const [tenant] = await deps.db.select({ source: tenants.signupSource }).from(tenants).where(eq(tenants.id, referred!.tenantId));
    expect(tenant!.source).toBe('referral');
    const events = await deps.db.select({ type: growthEvents.type }).from(growthEvents).where(eq(growthEvents.tenantId, referred!.tenantId));
    // Besides the day's activity (the new owner is signed in), exactly one sign-up and one trial.
    expect(events.map((e) => e.type).filter((type) => type !== 'active').sort()).toEqual(['signup', 'trial_start']);
    await expect.poll(async () => (await deps.db.select().from(referralClicks).where(eq(referralClicks.code, code))).length).toBe(1);

    // The referrer sees it on the dashboard.
    const own = await newContext(browser());
    await own.grantPermissions(['clipboard-read', 'clipboard-write']);
    const dash = await own.newPage();
    await signIn(dash, referrer.email, 'referrer-password');
    await dash.waitForURL('**/dashboard');
    const panel = dash.getByTestId('growth-panel');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('referral-signups').textContent()).toBe('1');
    await expect(panel.getByTestId('referral-clicks').textContent()).resolves.toBe('1');
    await expect(panel.getByTestId('referral-conversions').textContent()).resolves.toBe('0');
    await expect(panel.getByTestId('referral-link').inputValue()).resolves.toBe(link);

    await panel.getByRole('button', { name: t('GrowthPanel.copy'), exact: true }).click();
    await panel.getByText(t('GrowthPanel.copied'), { exact: true }).waitFor();
    await expect(dash.evaluate(() => navigator.clipboard.readText())).resolves.toBe(link);

    await panel.getByRole('link', { name: t('GrowthPanel.viewTemplates') }).click();
    await dash.waitForURL('**/dashboard/templates');
    await own.close();
  });

  it('a self-referral is not counted and does not block the sign-up', async () => {
    const referrer = await makeUser(deps.db, { password: 'self-ref-password' });
    const { code } = await getOrCreateReferralCode({ db: deps.db }, referrer);
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`/?ref=${code}`);
    await page.goto('/sign-up');
    const [local, domain] = referrer.email.split('@') as [string, string];
    await page.getByLabel(t('Auth.name')).fill('Same Inbox');
    await page.getByLabel(t('Auth.email')).fill(`${local}+second@${domain}`);
    await page.getByLabel(t('Auth.password')).fill('a-long-enough-password');
    await page.getByRole('button', { name: t('Auth.submitSignUp') }).click();
    await page.waitForURL('**/dashboard');
    await context.close();
    const rows = await deps.db.select().from(referrals).where(eq(referrals.referrerUserId, referrer.id));
    expect(rows).toEqual([]);
  });

  it('admins see top referrers and flagged referrals with masked e-mails', async () => {
    const referrer = await makeUser(deps.db, { name: 'Leaderboard Referrer' });
    const { code } = await getOrCreateReferralCode({ db: deps.db }, referrer);
    // Enough sign-ups to be among the top referrers whatever else the test database holds.
    const referred = await Promise.all(Array.from({ length: 30 }, () => makeUser(deps.db)));
    for (const u of referred) await recordReferralSignup({ db: deps.db }, { code, userId: u.id, tenantId: u.tenantId, email: u.email });
    // Last, so it is the newest flagged referral: an alias at the referrer's domain.
    const aliasUser = await makeUser(deps.db);
    const aliasEmail = `alias+${code.toLowerCase()}@example.test`;
    await deps.db.update(users).set({ email: aliasEmail }).where(eq(users.id, aliasUser.id));
    await recordReferralSignup({ db: deps.db }, { code, userId: aliasUser.id, tenantId: aliasUser.tenantId, email: aliasEmail });

    const admin = await makeUser(deps.db, { role: 'admin', password: 'referrals-admin-pw' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, admin.email, 'referrals-admin-pw');
    await page.waitForURL('**/dashboard');
    await page.goto('/admin/referrals?period=d7');
    await page.getByRole('heading', { name: t('Referrals.title'), level: 1 }).waitFor();
    await page.getByTestId('leaderboard-row').filter({ hasText: code }).waitFor();
    await expect(page.getByTestId('leaderboard-row').filter({ hasText: code }).textContent()).resolves.toContain('31');
    const flagged = page.getByTestId('flagged-row').filter({ hasText: code }).filter({ hasText: t('Referrals.flagReasons.alias_email') });
    await flagged.waitFor();
    await expect(flagged.textContent()).resolves.toContain('a***@example.test');
    // The 30 sign-ups within minutes through one link were flagged as a burst.
    await expect(page.getByTestId('flagged-row').filter({ hasText: code }).filter({ hasText: t('Referrals.flagReasons.burst') }).count()).resolves.toBeGreaterThan(0);
    await expect(page.content()).resolves.not.toContain(aliasEmail);
    await context.close();
  });
});
