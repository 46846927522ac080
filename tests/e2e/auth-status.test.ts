import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { BASE, messages, newContext, sessionCookie, signIn, setupBrowser } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

describe('/auth/status (issue 15 #5)', () => {
  it('shows admins how sign-in is configured, without a secret; members get a 403 and visitors go to sign-in', async () => {
    const admin = await makeUser(deps.db, { role: 'admin', password: 'auth-status-admin' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, admin.email, 'auth-status-admin');
    await page.waitForURL('**/dashboard');
    await page.goto('/auth/status');
    await page.getByRole('heading', { name: t('AuthStatus.title'), level: 1 }).waitFor();
    const providers = page.getByTestId('auth-providers');
    await expect(providers.locator('[data-provider="credentials"]').getAttribute('data-configured')).resolves.toBe('true');
    await expect(providers.locator('[data-provider="google"]').getAttribute('data-configured')).resolves.toBe('false');
    const settings = (await page.getByTestId('auth-settings').textContent())!;
    expect(settings).toContain('JWT');
    expect(settings).toContain('authjs.session-token');
    expect(settings).toContain('HttpOnly');
    const html = await page.content();
    expect(html).not.toContain(process.env.AUTH_SECRET!);
    if (process.env.SECRETS_KEY) expect(html).not.toContain(process.env.SECRETS_KEY);
    await context.close();

    const member = await makeUser(deps.db, { role: 'member', password: 'auth-status-member' });
    const cookie = await sessionCookie(member.email, 'auth-status-member');
    expect((await fetch(`${BASE}/auth/status`, { headers: { cookie }, redirect: 'manual' })).status).toBe(403);
    const anonymous = await fetch(`${BASE}/auth/status`, { redirect: 'manual' });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.headers.get('location')).toContain('/sign-in');
  });
});
