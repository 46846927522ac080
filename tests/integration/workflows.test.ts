import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';

const deps = setupTestDeps();

const steps = [
  { id: 'start', name: 'Form submitted', type: 'webhook_trigger', config: { method: 'POST' } },
  { id: 'wait', name: 'Wait a day', type: 'delay', config: { amount: 1, unit: 'days' } },
  { id: 'log', name: 'Log it', type: 'log', config: { message: 'done' } },
] as const;

describe('workflows (SPEC P1, F2)', () => {
  it('creates, lists, reads, updates and deletes within the tenant', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    const created = await api.workflows.create({ name: '  Lead follow-up ', steps: [...steps] });
    expect(created).toMatchObject({ name: 'Lead follow-up', status: 'draft', stepCount: 3, description: '' });

    const list = await api.workflows.list({ limit: 10, offset: 0 });
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: created.id, stepCount: 3 });
    expect(list.items[0]).not.toHaveProperty('steps');

    const updated = await api.workflows.update({ id: created.id, status: 'active', name: 'Renamed' });
    expect(updated).toMatchObject({ status: 'active', name: 'Renamed' });
    expect((await api.workflows.get({ id: created.id })).steps.map((s) => s.type)).toEqual(['webhook_trigger', 'delay', 'log']);

    await api.workflows.delete({ id: created.id });
    await expect(api.workflows.get({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never shows or changes another tenant’s workflows', async () => {
    const alice = await makeUser(deps.db);
    const bob = await makeUser(deps.db);
    const aliceWf = await callerFor(deps, alice).workflows.create({ name: 'Alice only', steps: [...steps] });
    const bobApi = callerFor(deps, bob);
    expect((await bobApi.workflows.list({ limit: 100, offset: 0 })).items.map((w) => w.id)).not.toContain(aliceWf.id);
    await expect(bobApi.workflows.get({ id: aliceWf.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(bobApi.workflows.update({ id: aliceWf.id, name: 'Hijacked' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(bobApi.workflows.delete({ id: aliceWf.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await callerFor(deps, alice).workflows.get({ id: aliceWf.id })).toMatchObject({ name: 'Alice only' });
  });

  it('rejects invalid steps with a 400 naming the problem and keeps the stored workflow', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    const wf = await api.workflows.create({ name: 'Keep me', steps: [...steps] });
    const error = await api.workflows
      .update({ id: wf.id, steps: [steps[2], steps[0]] as never })
      .catch((e: unknown) => e as TRPCError);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    // In plain words, on the field, in the user's language: never a path like steps.1.type.
    expect((error as TRPCError).message).toBe('Step 1: The first step must be a trigger: a webhook or a schedule.');
    const issues = (error as TRPCError & { cause: { details: { issues: { step: number; field: string; key: string }[] } } }).cause.details.issues;
    expect(issues.map((i) => [i.step, i.field, i.key])).toEqual([
      [1, 'type', 'triggerFirst'],
      [2, 'type', 'oneTrigger'],
    ]);
    expect((await api.workflows.get({ id: wf.id })).steps).toHaveLength(3);
  });

  it('pages through a long list', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    for (let i = 0; i < 7; i++) await api.workflows.create({ name: `WF ${i}`, steps: [steps[0], steps[2]] });
    const first = await api.workflows.list({ limit: 5, offset: 0 });
    const second = await api.workflows.list({ limit: 5, offset: 5 });
    expect(first.total).toBe(7);
    expect(first.items).toHaveLength(5);
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((w) => w.id)).size).toBe(7);
  });
});

describe('account', () => {
  it('reports the workspace, plan and trial days left', async () => {
    const user = await makeUser(deps.db, { name: 'Tia' });
    const me = await callerFor(deps, user).account.me();
    expect(me.user).toMatchObject({ name: 'Tia', role: 'owner' });
    expect(me.tenant).toMatchObject({ status: 'trialing', plan: 'starter', trialDaysLeft: 7 });
  });

  it('persists the chosen language', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    await api.account.setLocale({ locale: 'ja' });
    expect((await api.account.me()).user.locale).toBe('ja');
  });

  it('ends access for a user who no longer exists', async () => {
    await expect(callerFor(deps, { id: 'deleted-user' }).account.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('versions: history, diff, restore (SPEC P1)', () => {
  const hook = { id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } } as const;
  const call = { id: 'call', name: 'Call CRM', type: 'http_request', config: { method: 'POST', url: 'https://crm.example.com/leads' } } as const;
  const note = { id: 'note', name: 'Note', type: 'log', config: { message: 'sent' } } as const;

  it('every save makes an immutable version; a diff says what changed; restore saves an old one as new', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    const wf = await api.workflows.create({ name: 'Leads', steps: [hook, call, note] });
    await api.workflows.update({ id: wf.id, name: 'Leads v2', steps: [hook, note, { ...call, config: { ...call.config, url: 'https://crm.example.com/v2/leads' } }] });
    // A status change alone is not a new version.
    await api.workflows.update({ id: wf.id, status: 'paused' });
    const v3 = await api.workflows.update({ id: wf.id, steps: [hook, note] });
    expect(v3.currentVersion).toBe(3);

    const history = await api.workflows.versions({ id: wf.id });
    expect(history.items.map((v) => [v.version, v.name, v.stepCount, v.current])).toEqual([
      [3, 'Leads v2', 2, true],
      [2, 'Leads v2', 3, false],
      [1, 'Leads', 3, false],
    ]);
    expect(history.items[0]!.author).toBe('Test User');

    const diff = await api.workflows.diff({ id: wf.id, from: 1, to: 2 });
    expect(diff.changes).toEqual([
      { kind: 'renamed', from: 'Leads', to: 'Leads v2' },
      { kind: 'moved', stepId: 'call', name: 'Call CRM', from: 2, to: 3 },
      { kind: 'changed', stepId: 'call', name: 'Call CRM', field: 'url', before: 'https://crm.example.com/leads', after: 'https://crm.example.com/v2/leads' },
    ]);
    expect((await api.workflows.diff({ id: wf.id, from: 2, to: 3 })).changes).toEqual([{ kind: 'removed', stepId: 'call', name: 'Call CRM', position: 3 }]);
    expect((await api.workflows.diff({ id: wf.id, from: 3, to: 3 })).changes).toEqual([]);
    await expect(api.workflows.diff({ id: wf.id, from: 1, to: 9 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Version 9 does not exist' });

    const restored = await api.workflows.restore({ id: wf.id, version: 1 });
    expect(restored).toMatchObject({ currentVersion: 4, name: 'Leads', status: 'paused' });
    expect(restored.steps.map((s) => s.id)).toEqual(['start', 'call', 'note']);
    // Nothing was rewritten: version 1..3 are as they were, and 4 equals 1.
    expect((await api.workflows.versions({ id: wf.id })).items.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect((await api.workflows.diff({ id: wf.id, from: 1, to: 4 })).changes).toEqual([]);

    // Another workspace sees none of it.
    const other = callerFor(deps, await makeUser(deps.db));
    await expect(other.workflows.versions({ id: wf.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.workflows.restore({ id: wf.id, version: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the editor’s live check answers in the user’s language, with schedules in words', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    await api.account.setLocale({ locale: 'de' });
    const checked = await api.workflows.validate({
      steps: [
        { id: 's', name: 'Montags', type: 'schedule_trigger', config: { cron: '0 8 * * 1', timezone: 'Europe/Berlin' } },
        { id: 'h', name: 'Intern', type: 'http_request', config: { method: 'GET', url: 'http://169.254.169.254/latest/meta-data' } },
      ],
    });
    expect(checked.issues).toEqual([
      expect.objectContaining({ step: 2, stepId: 'h', field: 'url', key: 'urlBlocked', message: expect.stringMatching(/^Schritt 2: 169\.254\.169\.254 ist eine private oder interne Adresse/) }),
    ]);
    expect(checked.schedules).toEqual([expect.objectContaining({ stepId: 's', words: 'Um 08:00, nur jeden Montag', timezone: 'Europe/Berlin' })]);
    expect(checked.schedules[0]!.next).toHaveLength(3);
    // The save refuses the same draft with the same words, and stores nothing.
    const refused = await api.workflows.create({ name: 'Nope', steps: [{ id: 's', name: 'S', type: 'schedule_trigger', config: { cron: '0 8 * *' } }] }).catch((e: unknown) => e as TRPCError);
    expect((refused as TRPCError).message).toBe('Schritt 1: Der Zeitplan braucht fünf Teile, z. B. 0 8 * * 1 (Minute, Stunde, Tag, Monat, Wochentag).');
    expect((await api.workflows.list({ limit: 10, offset: 0 })).total).toBe(0);
  });
});
