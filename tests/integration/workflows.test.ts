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
    expect((error as TRPCError).message).toContain('trigger can only be the first step');
    expect((await api.workflows.get({ id: wf.id })).steps).toHaveLength(3);
  });

  it('pages through a long list', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    for (let i = 0; i < 7; i++) await api.workflows.create({ name: `WF ${i}`, steps: [steps[2]] });
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
