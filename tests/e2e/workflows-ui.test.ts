import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, signIn, setupBrowser } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');

describe('workflows in the dashboard', () => {
  it('creates a scheduled workflow, opens it, and deletes it', async () => {
    const user = await makeUser(deps.db, { password: 'workflow-password' });
    const context = await newContext(browser());
    const page = await context.newPage();
    await signIn(page, user.email, 'workflow-password');
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: t('Dashboard.viewWorkflows') }).click();
    await page.waitForURL('**/dashboard/workflows');

    await page.getByRole('button', { name: t('Workflows.new') }).click();
    await page.getByLabel(t('Workflows.name')).fill('Monday digest');
    await page.getByLabel(t('Workflows.trigger')).selectOption('schedule_trigger');
    await page.getByLabel(t('Workflows.schedule')).fill('every monday');
    await page.getByRole('button', { name: t('Workflows.create') }).click();
    // The server's validation message is shown in the dialog; nothing is created.
    await page.getByRole('dialog').getByRole('alert').waitFor();
    // In plain words, never a path like steps.0.config.cron.
    await expect(page.getByRole('dialog').getByRole('alert').textContent()).resolves.toBe(`Step 1: ${t('WorkflowEditor.validation.cronParts')}`);

    await page.getByLabel(t('Workflows.schedule')).fill('0 8 * * 1');
    await page.getByRole('button', { name: t('Workflows.create') }).click();
    await page.getByText(t('Workflows.created')).waitFor();
    // The new workflow opens in the editor.
    await page.getByRole('heading', { name: 'Monday digest', level: 1 }).waitFor();
    await page.getByTestId('workflow-editor').waitFor();
    await page.goto('/dashboard/workflows');
    await page.getByTestId('workflow-row').first().waitFor();
    await expect(page.getByTestId('workflow-row').count()).resolves.toBe(1);

    await page.getByRole('link', { name: 'Monday digest' }).click();
    await page.getByRole('heading', { name: 'Monday digest', level: 1 }).waitFor();
    await page.locator('[data-testid="editor-step"][data-step-id="start"]').getByText(t('Workflows.stepTypes.schedule_trigger'), { exact: true }).waitFor();

    await page.getByRole('link', { name: new RegExp(t('Common.back')) }).click();
    await page.getByRole('button', { name: t('Common.delete') }).first().click();
    const confirm = page.getByRole('dialog', { name: t('Workflows.confirmDeleteTitle') });
    await confirm.getByRole('button', { name: t('Common.delete') }).click();
    await page.getByTestId('workflows-empty').waitFor();
    await context.close();
  });
});
