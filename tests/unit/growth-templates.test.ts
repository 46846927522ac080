import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '~/i18n/locales';
import { TEMPLATE_CATEGORIES, TEMPLATE_IDS, TEMPLATES } from '~/server/domain/growth/templates-catalog';
import { foldForSearch, listTemplates, templateWorkflow } from '~/server/domain/growth/templates';
import { workflowStepsSchema } from '~/server/domain/workflows/steps';

type Texts = { name: string; description: string; steps: Record<string, string> };
const catalog = (locale: string) =>
  (JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}.json`), 'utf8')) as { Templates: Record<string, Texts> })
    .Templates;

describe('starter templates (SPEC G1)', () => {
  it('has at least 25 templates with unique ids, in every category', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(TEMPLATE_IDS).size).toBe(TEMPLATES.length);
    for (const category of TEMPLATE_CATEGORIES) {
      expect(TEMPLATES.filter((t) => t.category === category).length, category).toBeGreaterThanOrEqual(3);
    }
    expect(TEMPLATES.filter((t) => t.featured).length).toBeGreaterThanOrEqual(3);
    for (const id of TEMPLATE_IDS) expect(id.length).toBeLessThanOrEqual(80);
  });

  it.each(TEMPLATE_IDS)('%s is a valid workflow in every locale', (id) => {
    for (const locale of locales) {
      const workflow = templateWorkflow(id, locale)!;
      const parsed = workflowStepsSchema.safeParse(workflow.steps);
      expect(parsed.success, `${id} (${locale}): ${parsed.error?.issues[0]?.message}`).toBe(true);
      expect(workflow.name.trim().length).toBeGreaterThan(0);
      expect(workflow.name.length).toBeLessThanOrEqual(120);
      expect(workflow.description.length).toBeLessThanOrEqual(2000);
      for (const step of workflow.steps) expect(step.name.length).toBeLessThanOrEqual(80);
    }
  });

  it.each([...locales])('%s has the name, description and every step name of every template, and nothing else', (locale) => {
    const texts = catalog(locale);
    expect(Object.keys(texts).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const template of TEMPLATES) {
      const t = texts[template.id]!;
      expect(t.name.trim(), template.id).not.toBe('');
      expect(t.description.trim(), template.id).not.toBe('');
      expect(Object.keys(t.steps).sort(), template.id).toEqual(template.steps.map((s) => s.id).sort());
      for (const name of Object.values(t.steps)) expect(name.trim(), template.id).not.toBe('');
    }
  });

  it('translates names per locale (not English everywhere)', () => {
    const en = catalog('en');
    for (const locale of locales.filter((l) => l !== 'en')) {
      const other = catalog(locale);
      const same = TEMPLATE_IDS.filter((id) => other[id]!.description === en[id]!.description);
      expect(same, locale).toEqual([]);
    }
  });

  it('filters by category and searches the texts of the requested locale', () => {
    const all = listTemplates({ locale: 'en' });
    expect(all.total).toBe(TEMPLATES.length);
    expect(all.categories.map((c) => c.id)).toEqual([...TEMPLATE_CATEGORIES]);
    expect(all.categories.reduce((n, c) => n + c.count, 0)).toBe(TEMPLATES.length);

    const billing = listTemplates({ locale: 'en', category: 'billing' });
    expect(billing.items.length).toBeGreaterThan(0);
    expect(billing.items.every((t) => t.category === 'billing')).toBe(true);

    const invoice = listTemplates({ locale: 'en', q: 'Invoice' });
    expect(invoice.items.map((t) => t.id)).toContain('billing-overdue-invoices');
    // Category counts follow the search, not the category filter.
    expect(invoice.categories.find((c) => c.id === 'billing')!.count).toBe(invoice.items.filter((t) => t.category === 'billing').length);

    // German words find German texts; English words do not match German-only texts.
    const de = listTemplates({ locale: 'de', q: 'rechnungen' });
    expect(de.items.map((t) => t.id)).toContain('billing-overdue-invoices');
    expect(de.items[0]!.name).not.toBe(invoice.items.find((t) => t.id === de.items[0]!.id)?.name);
    // Accents are ignored ("facturacion" finds "Facturación"); every word must match.
    expect(listTemplates({ locale: 'es', q: 'facturacion' }).total).toBeGreaterThan(0);
    expect(listTemplates({ locale: 'en', q: 'invoice zzzzqqq' }).total).toBe(0);
    expect(listTemplates({ locale: 'ja', q: 'バックアップ' }).total).toBeGreaterThan(0);
    expect(foldForSearch('  Sauvegarde  ÉTÉ ')).toBe('sauvegarde ete');
  });

  it('falls back to the given locale, then English', () => {
    expect(listTemplates({}, 'fr').items[0]!.name).toBe(catalog('fr')[TEMPLATES[0]!.id]!.name);
    expect(listTemplates({}, 'xx').items[0]!.name).toBe(catalog('en')[TEMPLATES[0]!.id]!.name);
    expect(templateWorkflow('no-such-template', 'en')).toBeNull();
  });
});
