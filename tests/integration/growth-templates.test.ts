import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '~/server/domain/growth/templates-catalog';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';

const deps = setupTestDeps();
const de = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../messages/de.json'), 'utf8')) as {
  Templates: Record<string, { name: string; description: string; steps: Record<string, string> }>;
}).Templates;

describe('starter templates (SPEC G1)', () => {
  it('lists templates to anyone, in the requested locale, by category and text', async () => {
    const anon = callerFor(deps, null);
    const all = await anon.growth.templates({ locale: 'de' });
    expect(all.total).toBe(TEMPLATES.length);
    expect(all.items[0]!.name).toBe(de[all.items[0]!.id]!.name);
    const support = await anon.growth.templates({ category: 'customer_support', q: 'ticket', locale: 'en' });
    expect(support.items.length).toBeGreaterThan(0);
    expect(support.items.every((t) => t.category === 'customer_support')).toBe(true);
    await expect(anon.growth.templates({ category: 'nope' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('turns a template into a workflow of the caller’s tenant, in the caller’s language', async () => {
    const [a, b] = [await makeUser(deps.db), await makeUser(deps.db)];
    const apiA = callerFor(deps, a);
    const apiB = callerFor(deps, b);
    await apiA.account.setLocale({ locale: 'de' });

    const created = await apiA.growth.useTemplate({ templateId: 'billing-failed-payment' });
    const texts = de['billing-failed-payment']!;
    expect(created).toMatchObject({ name: texts.name, description: texts.description, status: 'draft', templateId: 'billing-failed-payment' });
    expect(created.steps.map((s) => s.name)).toEqual(Object.values(texts.steps));

    const list = await apiA.workflows.list({ limit: 50, offset: 0 });
    expect(list.items).toContainEqual(expect.objectContaining({ id: created.id, templateId: 'billing-failed-payment', stepCount: 6 }));

    // An explicit locale (the page's) wins over the saved one.
    const english = await apiA.growth.useTemplate({ templateId: 'ops-uptime-monitor', locale: 'en' });
    expect(english.name).toBe('Website uptime monitor');

    // Tenant isolation: the other tenant sees none of it.
    expect((await apiB.workflows.list({ limit: 50, offset: 0 })).total).toBe(0);
    await expect(apiB.workflows.get({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(apiA.growth.useTemplate({ templateId: 'no-such-template' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(deps, null).growth.useTemplate({ templateId: 'ops-uptime-monitor' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('recommends featured templates the tenant has not used yet', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    const before = await api.growth.recommended({ limit: 3, locale: 'en' });
    expect(before.items).toHaveLength(3);
    expect(before.items.every((t) => t.featured)).toBe(true);
    await api.growth.useTemplate({ templateId: before.items[0]!.id });
    const after = await api.growth.recommended({ limit: 3, locale: 'en' });
    expect(after.items.map((t) => t.id)).not.toContain(before.items[0]!.id);
    expect(after.items).toHaveLength(3);
    // Another tenant's use does not change this tenant's recommendations.
    const other = await makeUser(deps.db);
    expect((await callerFor(deps, other).growth.recommended({ limit: 3, locale: 'en' })).items.map((t) => t.id)).toEqual(before.items.map((t) => t.id));
  });
});
