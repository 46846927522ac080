import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { BASE, messages, newContext, setupBrowser, signIn } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

/**
 * SPEC P2 in the browser, with the real worker process: a workflow from a template is run,
 * fails visibly with its error and an AI explanation, then succeeds as a test run with sample
 * input; its webhook starts a run over HTTP with the secret shown once.
 */
describe('workflow runs in the dashboard', () => {
  it('runs a template workflow, shows a failure and its explanation, then a success, and accepts a webhook call', async () => {
    const user = await makeUser(deps.db, { password: 'runs-ui-password' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, user.email, 'runs-ui-password');
    await page.waitForURL('**/dashboard');

    const name = t('Templates.support-auto-acknowledge.name');
    await page.goto('/dashboard/templates');
    const card = page.getByTestId('template-card').filter({ hasText: name });
    await card.getByRole('button', { name: t('TemplateGallery.use') }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    // The webhook secret issued at creation is shown once, on the workflow's page, in a ready curl example.
    const firstSecret = (await page.getByTestId('hook-secret').textContent())!.trim();
    expect(firstSecret.length).toBeGreaterThan(20);
    await expect(page.getByTestId('hook-curl').textContent()).resolves.toContain(`Authorization: Bearer ${firstSecret}`);

    // Run now, without input: the e-mail step has no recipient, so the run fails and says why.
    await page.getByTestId('run-now').click();
    await page.waitForURL('**/dashboard/runs/**');
    await page.locator('header [data-testid="run-status"][data-status="failed"]').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('run-error').textContent()).resolves.toMatch(/not an e-mail address/);
    await page.getByRole('button', { name: t('Runs.explain') }).click();
    await page.getByTestId('run-explanation').waitFor();

    // A test run with sample input succeeds; each step's attempt is on the timeline.
    await page.goBack();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('button', { name: t('Runs.testRun') }).click();
    await page.getByLabel(t('Runs.sampleInput')).fill('{"customer_email": "ada@example.com", "ticket_id": "42"}');
    await page.getByRole('button', { name: t('Runs.startTest') }).click();
    await page.waitForURL('**/dashboard/runs/**');
    await page.locator('header [data-testid="run-status"][data-status="succeeded"]').waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-testid="step-attempt"][data-status="succeeded"]').count()).resolves.toBe(3);

    // The webhook: issue the secret (shown once), activate, call it over HTTP: 401 without, 202 with.
    await page.goBack();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('button', { name: t('Runs.rotateSecret') }).click();
    await expect.poll(async () => (await page.getByTestId('hook-secret').textContent())!.trim()).not.toBe(firstSecret);
    const secret = (await page.getByTestId('hook-secret').textContent())!.trim();
    const hookUrl = (await page.getByTestId('hook-url').textContent())!.replace(/^POST\s+/, '').trim();
    expect(hookUrl).toMatch(/\/api\/hooks\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: t('Workflows.activate') }).click();
    await page.getByText(t('Workflows.updated')).waitFor();
    const url = `${BASE}${new URL(hookUrl).pathname}`;
    const body = JSON.stringify({ customer_email: 'grace@example.com', ticket_id: '7' });
    expect((await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).status).toBe(401);
    // Rotation retired the secret issued at creation.
    expect(secret).not.toBe(firstSecret);
    expect((await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${firstSecret}` } })).status).toBe(401);
    const accepted = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` } });
    expect(accepted.status).toBe(202);
    const { run_id } = (await accepted.json()) as { run_id: string };
    await page.goto(`/dashboard/runs/${run_id}`);
    await page.locator('header [data-testid="run-status"][data-status="succeeded"]').waitFor({ timeout: 20_000 });

    // The runs page lists all three.
    await page.goto('/dashboard/runs');
    await page.getByTestId('run-row').first().waitFor();
    await expect(page.getByTestId('run-row').count()).resolves.toBe(3);
    await context.close();
  });

  it('fits a phone: the run page and the runs list at 375 px', async () => {
    const user = await makeUser(deps.db, { password: 'runs-phone-password' });
    const context = await newContext(browser(), { width: 375, height: 800 });
    const page = await context.newPage();
    await signIn(page, user.email, 'runs-phone-password');
    await page.waitForURL('**/dashboard');
    await page.goto('/dashboard/runs');
    await page.getByRole('heading', { name: t('Runs.title'), level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
