import { defaultLocale, locales, type Locale } from '~/i18n/locales';
import { AI_MONTHLY_CREDITS } from '~/server/domain/ai/config';
import {
  DFY_PACKAGES_GBP,
  MONTHLY_PRICE_GBP,
  PLANS,
  SUPPORT_SLA_HOURS,
  TRIAL_TEXT,
  YEARLY_PRICE_GBP,
  type Plan,
} from '~/server/domain/billing/pricing';
import de from '../../../../../messages/de.json';
import enMessages from '../../../../../messages/en.json';
import es from '../../../../../messages/es.json';
import fr from '../../../../../messages/fr.json';
import hi from '../../../../../messages/hi.json';
import it from '../../../../../messages/it.json';
import ja from '../../../../../messages/ja.json';
import nl from '../../../../../messages/nl.json';
import pt from '../../../../../messages/pt.json';
import { de as deTexts } from './de';
import { en as enTexts } from './en';
import { es as esTexts } from './es';
import { fr as frTexts } from './fr';
import { hi as hiTexts } from './hi';
import { it as itTexts } from './it';
import { ja as jaTexts } from './ja';
import { nl as nlTexts } from './nl';
import { pt as ptTexts } from './pt';
import { HELP_ARTICLE_IDS, type AiTexts, type HelpArticleId, type Plural } from './types';

export * from './types';

const TEXTS: Record<Locale, AiTexts> = {
  en: enTexts,
  es: esTexts,
  fr: frTexts,
  de: deTexts,
  pt: ptTexts,
  it: itTexts,
  nl: nlTexts,
  hi: hiTexts,
  ja: jaTexts,
};

/** The catalogs' own copies of the trial text and plan names (one translation, kept by i18n). */
type CatalogBits = { Home: { trialText: string }; Plans: Record<Plan, string> };
const CATALOGS: Record<Locale, CatalogBits> = { en: enMessages, es, fr, de, pt, it, nl, hi, ja };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function resolveLocale(...candidates: unknown[]): Locale {
  for (const c of candidates) if (isLocale(c)) return c;
  return defaultLocale;
}

export function textsFor(locale: Locale): AiTexts {
  return TEXTS[locale];
}

/** Fills `{name}` placeholders; `{{ path }}` workflow placeholders are left alone. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

export function plural(locale: Locale, forms: Plural, n: number): string {
  const category = new Intl.PluralRules(locale).select(n) as keyof Plural;
  const form = forms[category] ?? forms.other;
  return form.replace(/#/g, new Intl.NumberFormat(locale).format(n));
}

/** Where the article is read in the dashboard (the source link of a chat answer). */
export const helpArticleHref = (id: HelpArticleId) => `/dashboard/help/${id}`;

export function isHelpArticleId(value: string): value is HelpArticleId {
  return (HELP_ARTICLE_IDS as readonly string[]).includes(value);
}

/** The figures the articles quote, from pricing.ts and the AI config, formatted for a locale. */
export function helpFigures(locale: Locale): Record<string, string> {
  const catalog = CATALOGS[locale];
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
  const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
  const num = new Intl.NumberFormat(locale);
  const list = (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  const perPlan = (format: (plan: Plan) => string) => list(PLANS.map((plan) => `${catalog.Plans[plan]} ${format(plan)}`));
  return {
    trial: locale === 'en' ? TRIAL_TEXT : catalog.Home.trialText,
    monthly: perPlan((p) => money.format(MONTHLY_PRICE_GBP[p])),
    yearly: perPlan((p) => money.format(YEARLY_PRICE_GBP[p])),
    dfy: list(Object.values(DFY_PACKAGES_GBP).map((v) => money.format(v))),
    sla: perPlan((p) => hours.format(SUPPORT_SLA_HOURS[p])),
    credits: perPlan((p) => num.format(AI_MONTHLY_CREDITS[p])),
  };
}

export type HelpArticle = { id: HelpArticleId; title: string; summary: string; steps: string[]; href: string };

export function helpArticle(locale: Locale, id: HelpArticleId): HelpArticle {
  const text = textsFor(locale).help[id];
  return { id, title: text.title, summary: fill(text.summary, helpFigures(locale)), steps: [...text.steps], href: helpArticleHref(id) };
}

export function trialTextFor(locale: Locale): string {
  return locale === 'en' ? TRIAL_TEXT : CATALOGS[locale].Home.trialText;
}
