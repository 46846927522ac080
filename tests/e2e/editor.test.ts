import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { messages, newContext, scriptWeight, signIn, setupBrowser } from './browser';

const { browser } = setupBrowser();
const deps = setupTestDeps();
const t = messages('en');
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k]));

/** A workflow with only its webhook trigger, and a signed-in page on its editor. */
async function openEditor(page: Page, password: string) {
  const made = await makeUser(deps.db, { password });
  const user = (await loadCurrentUser(deps, made.id))!;
  const wf = await createWorkflow({ db: deps.db }, user, {
    name: 'Order sync',
    steps: [{ id: 'start', name: 'Order placed', type: 'webhook_trigger', config: { method: 'POST' } }],
  });
  await signIn(page, made.email, password);
  await page.waitForURL('**/dashboard');
  await page.goto(`/dashboard/workflows/${wf.id}`);
  await page.getByTestId('workflow-editor').waitFor();
  return wf.id;
}

const stepIds = (page: Page) => page.getByTestId('editor-step').evaluateAll((els) => els.map((el) => el.getAttribute('data-step-id')));

/** Keyboard only: focus moves with the keyboard's own keys, and text is typed. */
async function press(page: Page, selector: ReturnType<Page['getByTestId']>, key = 'Enter') {
  await selector.focus();
  await page.keyboard.press(key);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('[data-testid="workflow-editor"]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('workflow editor (SPEC P1)', () => {
  it('builds a three-step workflow by keyboard only, explains a mistake on its field, reorders, saves, compares and restores', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const id = await openEditor(page, 'editor-password');
    const editor = page.getByTestId('workflow-editor');

    // Step 2: an HTTP request (the first kind in the list), added with Enter; its form opens.
    await press(page, page.getByTestId('add-step'));
    const http = page.locator('[data-testid="editor-step"][data-step-id="http-request"]');
    await http.getByLabel(t('WorkflowEditor.fields.url'), { exact: true }).focus();
    await page.keyboard.type('http://169.254.169.254/latest/meta-data');
    // The mistake is explained on the field, in plain words, with the step named in the summary.
    const urlError = fill(t('WorkflowEditor.validation.urlBlocked'), { host: '169.254.169.254' });
    await http.getByTestId('field-error').filter({ hasText: urlError }).waitFor();
    await editor.getByRole('alert').filter({ hasText: `Step 2: ${urlError}` }).waitFor();
    await expect(editor.getByRole('alert').textContent()).resolves.not.toMatch(/steps\.\d|config\./);
    await http.getByLabel(t('WorkflowEditor.fields.url'), { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('https://api.example.com/orders');
    await http.getByTestId('field-error').waitFor({ state: 'detached' });

    // Step 3: a log step, chosen by typing in the select, then added.
    await page.getByTestId('add-step-type').focus();
    await page.keyboard.type(t('Workflows.stepTypes.log'));
    await press(page, page.getByTestId('add-step'));
    const log = page.locator('[data-testid="editor-step"][data-step-id="log"]');
    await log.getByLabel(t('WorkflowEditor.fields.message'), { exact: true }).focus();
    await page.keyboard.type('Order {{ body.id }} synced');
    await editor.getByTestId('editor-issues').getByRole('alert').waitFor({ state: 'detached' });
    expect(await stepIds(page)).toEqual(['start', 'http-request', 'log']);

    // Reorder with dnd-kit's keyboard sensor: space picks up, arrow up moves, space drops.
    // Fold both forms first: short cards, all in view, so moving needs no scrolling.
    await press(page, http.getByRole('button', { name: t('WorkflowEditor.close') }));
    await press(page, log.getByRole('button', { name: t('WorkflowEditor.close') }));
    await log.getByRole('button', { name: new RegExp(`^${t('WorkflowEditor.edit')}`) }).waitFor();
    // Each key waits for what dnd-kit announces to screen readers.
    const logName = t('Workflows.stepTypes.log');
    await log.getByTestId('drag-handle').focus();
    await page.keyboard.press('Space');
    // Picked up: the step is over its own place (the live region says so).
    await page.getByText(fill(t('WorkflowEditor.movedTo'), { name: logName, to: 3 })).waitFor({ state: 'attached' });
    // dnd-kit's keyboard sensor starts listening for arrows in a setTimeout(0) after the pick-up:
    // let the page run one task so that timer has fired (an arrow before it was lost under load).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('ArrowUp');
    await page.getByText(fill(t('WorkflowEditor.movedTo'), { name: logName, to: 2 })).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await page.getByText(fill(t('WorkflowEditor.dropped'), { name: logName, to: 2 })).waitFor({ state: 'attached' });
    await expect.poll(() => stepIds(page)).toEqual(['start', 'log', 'http-request']);
    // And back with the explicit button.
    await press(page, log.getByRole('button', { name: t('WorkflowEditor.moveDown') }));
    await expect.poll(() => stepIds(page)).toEqual(['start', 'http-request', 'log']);

    expect(await seriousViolations(page)).toEqual([]);

    await expect(page.getByTestId('editor-state').textContent()).resolves.toBe(t('WorkflowEditor.unsaved'));
    await press(page, page.getByTestId('editor-save'));
    await page.getByText(fill(t('WorkflowEditor.saved'), { version: 2 })).waitFor();
    await page.getByTestId('editor-state').filter({ hasText: t('WorkflowEditor.allSaved') }).waitFor();
    await expect(stepIds(page)).resolves.toEqual(['start', 'http-request', 'log']);

    // History: two versions; the diff says what was added.
    const versions = page.getByTestId('versions-panel');
    await expect.poll(() => versions.getByTestId('version-row').count()).toBe(2);
    await press(page, versions.getByRole('button', { name: t('WorkflowEditor.versions.compare') }));
    const diff = versions.getByTestId('version-diff');
    await diff.getByText(fill(t('WorkflowEditor.versions.added'), { name: t('Workflows.stepTypes.http_request'), position: 2 })).waitFor();
    await diff.getByText(fill(t('WorkflowEditor.versions.added'), { name: t('Workflows.stepTypes.log'), position: 3 })).waitFor();

    // Restore version 1: a new version 3 with the one trigger step.
    await press(page, versions.getByRole('button', { name: `${t('WorkflowEditor.versions.restore')} ${fill(t('WorkflowEditor.versions.version'), { version: 1 })}` }));
    await press(page, page.getByTestId('confirm-restore'));
    await page.getByText(fill(t('WorkflowEditor.versions.restored'), { version: 1, newVersion: 3 })).waitFor();
    await expect.poll(() => stepIds(page)).toEqual(['start']);
    await expect.poll(() => versions.getByTestId('version-row').count()).toBe(3);

    // Unsaved changes are not lost silently: leaving asks first, and staying keeps them.
    await page.getByTestId('editor-name').focus();
    await page.keyboard.type(' (edited)');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('link', { name: new RegExp(t('Common.back')) }).click();
    expect(asked).toEqual([t('WorkflowEditor.leaveConfirm')]);
    expect(page.url()).toContain(`/dashboard/workflows/${id}`);
    await expect(page.getByTestId('editor-name').inputValue()).resolves.toBe('Order sync (edited)');

    const weight = await scriptWeight(page, `/dashboard/workflows/${id}`);
    console.log(`editor page script weight: ${(weight.gzipBytes / 1024).toFixed(1)} kB gzip in ${weight.scripts} scripts`);
    await context.close();
  });

  it('works on a 375 px phone: schedule in words, fix a mistake, reorder by tap, save', async () => {
    const context = await newContext(browser(), { width: 375, height: 740 });
    const page = await context.newPage();
    await openEditor(page, 'editor-phone-password');
    const editor = page.getByTestId('workflow-editor');

    // The trigger becomes a schedule: a second trigger is explained, then the first one removed.
    await page.getByTestId('add-step-type').selectOption('schedule_trigger');
    await page.getByTestId('add-step').click();
    const schedule = page.locator('[data-testid="editor-step"][data-step-id="schedule"]');
    await schedule.getByTestId('field-error').filter({ hasText: t('WorkflowEditor.validation.oneTrigger') }).waitFor();
    await schedule.getByRole('button', { name: t('WorkflowEditor.moveUp') }).click();
    await page.locator('[data-testid="editor-step"][data-step-id="start"]').getByRole('button', { name: /Remove/ }).click();
    await schedule.getByLabel(t('WorkflowEditor.fields.cron'), { exact: true }).fill('0 8 * * 1-5');
    await schedule.getByLabel(t('WorkflowEditor.fields.timezone'), { exact: true }).fill('Europe/Berlin');
    const preview = schedule.getByTestId('schedule-preview');
    await preview.getByText(fill(t('WorkflowEditor.scheduleWords'), { words: 'At 08:00 AM, Monday through Friday' })).waitFor();
    await expect(preview.getByRole('listitem').count()).resolves.toBe(3);

    await page.getByTestId('add-step-type').selectOption('email');
    await page.getByTestId('add-step').click();
    const email = page.locator('[data-testid="editor-step"][data-step-id="email"]');
    await email.getByLabel(t('WorkflowEditor.fields.to'), { exact: true }).fill('not-an-address');
    await email.getByLabel(t('WorkflowEditor.fields.subject'), { exact: true }).fill('Daily digest');
    await email.getByLabel(t('WorkflowEditor.fields.body'), { exact: true }).fill('Good morning');
    await email.getByTestId('field-error').filter({ hasText: fill(t('WorkflowEditor.validation.recipient'), { example: '{{ body.email }}' }) }).waitFor();
    await email.getByLabel(t('WorkflowEditor.fields.to'), { exact: true }).fill('team@example.com');
    await editor.getByTestId('editor-issues').getByRole('alert').waitFor({ state: 'detached' });

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByTestId('editor-save').click();
    await page.getByText(fill(t('WorkflowEditor.saved'), { version: 2 })).waitFor();
    await expect.poll(() => stepIds(page)).toEqual(['schedule', 'email']);
    await context.close();
  });
});
