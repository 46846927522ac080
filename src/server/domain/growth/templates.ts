import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { locales, type Locale } from '~/i18n/locales';
import type { CurrentUser } from '~/server/domain/accounts/users';
import type { Db } from '~/server/infra/db/client';
import { workflows } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { resolveLocale } from '~/server/domain/marketing/content';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { STEP_TYPES, workflowStepsSchema, type WorkflowStepInput } from '~/server/domain/workflows/steps';
import { CATALOGS as MESSAGES, type Catalog as MessageCatalog } from '~/server/domain/i18n/catalogs';
import { findTemplate, TEMPLATE_CATEGORIES, TEMPLATES, type TemplateCategory, type TemplateDefinition } from './templates-catalog';

/**
 * Starter templates (SPEC G1): listed and searched in the caller's locale, and turned into a
 * tenant's workflow ("Use template") with translated name, description and step names.
 * Texts come from messages/<locale>.json (`Templates.<id>`, categories under
 * `TemplateGallery.categories`); catalogs are imported statically so the typechecker and the
 * catalog test prove every locale has them.
 */
type TemplateTexts = { name: string; description: string; steps: Record<string, string> };
type Catalog = { templates: Record<string, TemplateTexts>; categories: Record<TemplateCategory, string> };

const catalog = (m: MessageCatalog): Catalog => ({
  templates: m.Templates as Record<string, TemplateTexts>,
  categories: m.TemplateGallery.categories,
});
const CATALOGS = Object.fromEntries(Object.entries(MESSAGES).map(([locale, m]) => [locale, catalog(m)])) as Record<Locale, Catalog>;

export { TEMPLATE_CATEGORIES };
const localeSchema = z.enum(locales, 'Unknown language');
const templateIdSchema = z
  .string('Unknown template')
  .min(1, 'Unknown template')
  .max(80, 'Unknown template')
  .regex(/^[a-z0-9-]+$/, 'Unknown template');

export const templatesInputSchema = z
  .strictObject({
    category: z.enum(TEMPLATE_CATEGORIES, 'Unknown category').optional(),
    /** Free text, matched against the texts in `locale` (every word must match). */
    q: z.string().trim().max(100, 'Search at most 100 characters').optional(),
    locale: localeSchema.optional(),
  })
  .default({});
export type TemplatesInput = z.infer<typeof templatesInputSchema>;

export const useTemplateInputSchema = z.strictObject({ templateId: templateIdSchema, locale: localeSchema.optional() });
export const recommendedTemplatesInputSchema = z
  .strictObject({ limit: z.number().int().min(1).max(10).default(3), locale: localeSchema.optional() })
  .default({ limit: 3 });

export const templateSummarySchema = z.object({
  id: z.string(),
  category: z.enum(TEMPLATE_CATEGORIES),
  featured: z.boolean(),
  name: z.string(),
  description: z.string(),
  steps: z.array(z.object({ id: z.string(), type: z.enum(STEP_TYPES), name: z.string() })),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
export const templatesOutputSchema = z.object({
  items: z.array(templateSummarySchema),
  /** Matches per category for the current search (ignoring the category filter), for tabs. */
  categories: z.array(z.object({ id: z.enum(TEMPLATE_CATEGORIES), label: z.string(), count: z.number().int() })),
  total: z.number().int(),
});

function textsFor(template: TemplateDefinition, locale: Locale): TemplateTexts {
  return CATALOGS[locale].templates[template.id] ?? CATALOGS.en.templates[template.id]!;
}

function summarise(template: TemplateDefinition, locale: Locale): TemplateSummary {
  const texts = textsFor(template, locale);
  return {
    id: template.id,
    category: template.category,
    featured: template.featured ?? false,
    name: texts.name,
    description: texts.description,
    steps: template.steps.map((s) => ({ id: s.id, type: s.type, name: texts.steps[s.id] ?? s.id })),
  };
}

/** Lower-case, accents removed (so "factura" finds "Facturación"), whitespace collapsed. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function matches(summary: TemplateSummary, categoryLabel: string, words: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = foldForSearch([summary.name, summary.description, categoryLabel, ...summary.steps.map((s) => s.name)].join(' \n '));
  return words.every((w) => haystack.includes(w));
}

/** Templates in `locale`, filtered by category and free text; featured first within a category order. */
export function listTemplates(input: TemplatesInput, fallbackLocale?: string | null): z.infer<typeof templatesOutputSchema> {
  const locale = input.locale ?? resolveLocale(fallbackLocale);
  const words = foldForSearch(input.q ?? '').split(' ').filter(Boolean);
  const labels = CATALOGS[locale].categories;
  const found = TEMPLATES.map((t) => summarise(t, locale)).filter((s) => matches(s, labels[s.category], words));
  const items = input.category ? found.filter((s) => s.category === input.category) : found;
  return {
    items,
    categories: TEMPLATE_CATEGORIES.map((id) => ({ id, label: labels[id], count: found.filter((s) => s.category === id).length })),
    total: items.length,
  };
}

/** The template's workflow (steps named in `locale`), validated by the workflow step schema. */
export function templateWorkflow(templateId: string, locale: Locale) {
  const template = findTemplate(templateId);
  if (!template) return null;
  const texts = textsFor(template, locale);
  const steps: WorkflowStepInput[] = template.steps.map((s) => ({ ...s, name: texts.steps[s.id] ?? s.id }) as WorkflowStepInput);
  return { name: texts.name, description: texts.description, steps: workflowStepsSchema.parse(steps) };
}

/** "Use template": a new draft workflow of the caller's tenant, with template_id set. */
export async function createWorkflowFromTemplate(
  deps: Parameters<typeof createWorkflow>[0],
  user: CurrentUser,
  input: z.infer<typeof useTemplateInputSchema>,
) {
  const workflow = templateWorkflow(input.templateId, input.locale ?? resolveLocale(user.locale));
  if (!workflow) throw new AppError('NOT_FOUND', 'Template not found');
  return createWorkflow(deps, user, { ...workflow, templateId: input.templateId });
}

/** A few templates for the growth panel: featured first, skipping those the tenant already used. */
export async function recommendedTemplates(
  deps: { db: Db },
  user: CurrentUser,
  input: z.infer<typeof recommendedTemplatesInputSchema>,
): Promise<{ items: TemplateSummary[] }> {
  const locale = input.locale ?? resolveLocale(user.locale);
  const used = await deps.db
    .selectDistinct({ templateId: workflows.templateId })
    .from(workflows)
    .where(and(eq(workflows.tenantId, user.tenantId), isNotNull(workflows.templateId)));
  const usedIds = new Set(used.map((r) => r.templateId));
  const ordered = [...TEMPLATES.filter((t) => t.featured), ...TEMPLATES.filter((t) => !t.featured)];
  return { items: ordered.filter((t) => !usedIds.has(t.id)).slice(0, input.limit).map((t) => summarise(t, locale)) };
}
