import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { BASE, messages, newContext, sessionCookie, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

describe('health in the browser and over HTTP (H1, H2, H4, H6)', () => {
  it('shows customers the service and their runs, and admins every infrastructure check', async () => {
    const user = await makeUser(deps.db, { password: 'health-ui-password' });
    const context = await newContext(browser(), { reducedMotion: true });
    const page = await context.newPage();
    await signIn(page, user.email, 'health-ui-password');
    await page.waitForURL('**/dashboard');
    const panel = page.getByTestId('health-overview');
    await panel.getByTestId('health-status').waitFor();
    await expect(panel.getByRole('heading').textContent()).resolves.toBe(t('HealthOverview.customerTitle'));
    await expect(panel.getByTestId('health-tile-service').getAttribute('data-state')).resolves.toBe('ok');
    await expect(panel.getByTestId('health-tile-runs').textContent()).resolves.toContain(t('HealthOverview.runStates.ok'));
    // No vendor infrastructure for customers.
    for (const key of ['app', 'db', 'redis', 'queue', 'stripe', 'errors']) await expect(panel.getByTestId(`health-tile-${key}`).count()).resolves.toBe(0);
    await expect(panel.getByText(/Checked/).count()).resolves.toBe(1);
    await context.close();

    const admin = await makeUser(deps.db, { role: 'admin', password: 'health-ui-admin' });
    const adminContext = await newContext(browser(), { reducedMotion: true });
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin.email, 'health-ui-admin');
    await adminPage.waitForURL('**/dashboard');
    const adminPanel = adminPage.getByTestId('health-overview');
    await adminPanel.getByTestId('health-status').waitFor();
    for (const key of ['app', 'db', 'redis', 'queue', 'stripe', 'errors']) {
      await expect(adminPanel.getByTestId(`health-tile-${key}`).count()).resolves.toBe(1);
    }
    await expect(adminPanel.getByTestId('health-tile-db').getAttribute('data-state')).resolves.toBe('ok');
    await expect(adminPanel.getByTestId('health-tile-queue').textContent()).resolves.toContain(t('HealthOverview.tiles.queue'));
    await expect(adminPanel.getByTestId('health-tile-stripe').textContent()).resolves.toContain(t('HealthOverview.states.notConfigured'));
    await adminContext.close();
  });

  it('paints the dashboard panels with their data on first load (server prefetch, no "Checking…")', async () => {
    const user = await makeUser(deps.db, { password: 'health-prefetch-pw' });
    const [name, value] = (await sessionCookie(user.email, 'health-prefetch-pw')).split(/=(.*)/s) as [string, string];
    // Without JavaScript the page is exactly what the server painted.
    const context = await browser().newContext({ baseURL: BASE, javaScriptEnabled: false });
    await context.addCookies([{ name, value, url: BASE }]);
    const page = await context.newPage();
    await page.goto('/dashboard');
    const health = page.getByTestId('health-overview');
    await expect(health.getByTestId('health-status').textContent()).resolves.toBe(t('HealthOverview.status.ok'));
    await expect(health.getByTestId('health-tile-service').count()).resolves.toBe(1);
    await expect(health.textContent()).resolves.not.toContain(t('HealthOverview.loading'));
    await expect(page.getByTestId('usage-panel').getByTestId('usage-workflow_run').count()).resolves.toBe(1);
    await expect(page.getByTestId('recommended-templates').locator('li').count()).resolves.toBe(3);
    await expect(page.getByTestId('referral-link').inputValue()).resolves.toMatch(/\?ref=/);
    await context.close();
  });

  it('lets an admin see the active rate-limit tier and the incident timeline', async () => {
    const admin = await makeUser(deps.db, { role: 'admin', password: 'ops-admin-password' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, admin.email, 'ops-admin-password');
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: t('Nav.operations') }).click();
    await page.waitForURL('**/admin/operations');
    await expect(page.getByTestId('scaling-tier').textContent()).resolves.toMatch(/Active tier: (Generous|Normal|Tight|Critical)/);
    await expect(page.getByRole('heading', { name: t('Operations.incidentsTitle') }).count()).resolves.toBe(1);
    await context.close();
  });

  it('serves the health, readiness, heartbeat and metrics endpoints', async () => {
    const summary = await fetch(`${BASE}/api/health/summary?verbose`);
    expect(summary.status).toBe(200);
    const body = (await summary.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['status', 'app_up', 'db_ok', 'redis_ok', 'queue_ok', 'stripe_ok', 'error_count', 'last_incident_time', 'checked_at', 'version', 'uptime_seconds', 'checks'].sort(),
    );
    expect(body).toMatchObject({ app_up: true, db_ok: true, redis_ok: true, stripe_ok: 'not_configured' });

    const ready = await fetch(`${BASE}/api/system/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, db_ok: true });

    const beat = (await (await fetch(`${BASE}/api/system/heartbeat`)).json()) as Record<string, unknown>;
    expect(Object.keys(beat).sort()).toEqual(['brain_ok', 'db_ok', 'error_count_recent', 'status', 'stripe_ok', 'uptime_seconds', 'version']);

    const app = (await (await fetch(`${BASE}/api/metrics/app`)).json()) as Record<string, unknown>;
    expect(Object.keys(app).sort()).toEqual(['ai_requests_last_5m', 'errors_last_5m', 'status', 'uptime_seconds']);
    expect(typeof app.errors_last_5m).toBe('number');

    expect((await fetch(`${BASE}/api/metrics`)).status).toBe(401);
    const member = await makeUser(deps.db, { password: 'metrics-member-pw' });
    expect((await fetch(`${BASE}/api/metrics`, { headers: { cookie: await sessionCookie(member.email, 'metrics-member-pw') } })).status).toBe(403);
    const admin = await makeUser(deps.db, { role: 'admin', password: 'metrics-admin-pw' });
    const prom = await fetch(`${BASE}/api/metrics`, { headers: { cookie: await sessionCookie(admin.email, 'metrics-admin-pw') } });
    expect(prom.status).toBe(200);
    const text = await prom.text();
    expect(text).toContain('levqor_http_requests_total');
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
