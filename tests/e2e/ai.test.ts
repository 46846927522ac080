import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { BASE, messages, newContext, sessionCookie, setupBrowser, signIn } from './browser';

/**
 * SPEC A3/A5 in the browser: the AI panels on the dashboard (AiPanels, mounted by the
 * dashboard page) build a workflow from a description, save it, and it shows in Workflows.
 */
const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

describe('AI helpers on the dashboard', () => {
  it('describes a workflow, previews it, saves it and finds it in Workflows', async () => {
    const user = await makeUser(deps.db, { password: 'ai-builder-password' });
    const context = await newContext(browser(), { reducedMotion: true });
    const page = await context.newPage();
    await signIn(page, user.email, 'ai-builder-password');
    await page.waitForURL('**/dashboard');

    const builder = page.getByTestId('ai-workflow-builder');
    await builder.getByLabel(t('AI.builder.label')).fill('When a form is submitted, wait a day, then e-mail the lead and log it');
    await builder.getByRole('button', { name: t('AI.builder.submit') }).click();
    await builder.getByTestId('ai-workflow-preview').waitFor();
    await expect(builder.getByTestId('ai-workflow-step').count()).resolves.toBe(4);
    await expect(builder.getByText(t('Workflows.stepTypes.delay')).count()).resolves.toBe(1);

    const name = `AI lead follow-up ${crypto.randomUUID().slice(0, 6)}`;
    await builder.getByLabel(t('AI.builder.nameLabel')).fill(name);
    await builder.getByRole('button', { name: t('AI.builder.save') }).click();
    await page.getByText(t('AI.builder.saved')).first().waitFor();

    // The proposal opens in the editor as a draft, with its four steps.
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await expect(page.getByTestId('editor-step').count()).resolves.toBe(4);
    await expect(page.getByTestId('editor-name').inputValue()).resolves.toBe(name);
    await context.close();
  });

  it('answers a help question with the source article linked, and shows next steps', async () => {
    const user = await makeUser(deps.db, { password: 'ai-help-password' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, user.email, 'ai-help-password');
    await page.waitForURL('**/dashboard');

    await page.getByTestId('ai-onboarding-checklist').waitFor();
    await expect(page.getByTestId('ai-onboarding-checklist').locator('li').count()).resolves.toBe(5);

    const help = page.getByTestId('ai-help-panel');
    await help.getByLabel(t('AI.help.label')).fill('How do I invite a teammate?');
    // Keyboard only: Ctrl+Enter sends.
    await help.getByLabel(t('AI.help.label')).press('Control+Enter');
    await help.getByTestId('ai-help-answer').waitFor();
    await help.getByRole('link', { name: 'Inviting a teammate' }).click();
    await page.waitForURL('**/dashboard/help/invite-teammate');
    await page.getByRole('heading', { name: 'Inviting a teammate', level: 1 }).waitFor();
    await context.close();
  });

  it('serves POST /api/ai/* to signed-in users only', async () => {
    const user = await makeUser(deps.db, { password: 'ai-rest-password' });
    const anonymous = await fetch(`${BASE}/api/ai/chat`, { method: 'POST', body: JSON.stringify({ query: 'hi' }) });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ success: false });
    const cookie = await sessionCookie(user.email, 'ai-rest-password');
    const res = await fetch(`${BASE}/api/ai/debug`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'getaddrinfo ENOTFOUND api.example.test' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, category: 'dns', meta: { provider: 'local' } });
    const bad = await fetch(`${BASE}/api/ai/chat`, { method: 'POST', headers: { cookie }, body: '{"query":' });
    expect(bad.status).toBe(400);
  });
});
