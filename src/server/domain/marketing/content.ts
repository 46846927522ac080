import { createHash } from 'node:crypto';
import { createTranslator } from 'use-intl/core';
import { defaultLocale, locales, type Locale } from '~/i18n/locales';
import de from '../../../../messages/de.json';
import en from '../../../../messages/en.json';
import es from '../../../../messages/es.json';
import fr from '../../../../messages/fr.json';
import hi from '../../../../messages/hi.json';
import it from '../../../../messages/it.json';
import ja from '../../../../messages/ja.json';
import nl from '../../../../messages/nl.json';
import pt from '../../../../messages/pt.json';
import { SEGMENT_ACTIONS, SEGMENT_FEATURES, type MarketingAction, type MarketingFeature, type MarketingSegment } from './segments';

/**
 * Draft content (SPEC J2): subject and body in the tenant's locale, rendered from the
 * `MarketingEmails` messages. Catalogs are imported statically (the typechecker then proves
 * every locale has every e-mail) and one translator per locale is built once and reused.
 */
type MarketingMessages = (typeof en)['MarketingEmails'];

const CATALOGS: Record<Locale, MarketingMessages> = {
  en: en.MarketingEmails,
  es: es.MarketingEmails,
  fr: fr.MarketingEmails,
  de: de.MarketingEmails,
  pt: pt.MarketingEmails,
  it: it.MarketingEmails,
  nl: nl.MarketingEmails,
  hi: hi.MarketingEmails,
  ja: ja.MarketingEmails,
};

/** A tenant's stored locale as a supported one: exact, then its language ("de-AT" -> "de"), else English. */
export function resolveLocale(locale: string | null | undefined): Locale {
  const value = (locale ?? '').trim().toLowerCase();
  const isLocale = (l: string): l is Locale => (locales as readonly string[]).includes(l);
  if (isLocale(value)) return value;
  const language = value.split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : defaultLocale;
}

/** Deterministic: the same tenant always gets the same feature for a segment (hash of its id). */
export function pickFeature(segment: MarketingSegment, tenantId: string): MarketingFeature {
  const list: readonly MarketingFeature[] = SEGMENT_FEATURES[segment];
  const n = createHash('sha256').update(tenantId).digest().readUInt32BE(0);
  return list[n % list.length]!;
}

function makeTranslator(locale: Locale) {
  return createTranslator({
    locale,
    messages: { MarketingEmails: CATALOGS[locale] },
    namespace: 'MarketingEmails',
    timeZone: 'Europe/London',
    // A missing or broken message must never become a customer's e-mail: fail the cycle.
    onError: (error) => {
      throw error;
    },
  });
}
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();
function translatorFor(locale: Locale) {
  let t = translators.get(locale);
  if (!t) {
    t = makeTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

export type RenderedDraft = {
  locale: Locale;
  action: MarketingAction;
  feature: MarketingFeature;
  subject: string;
  body: string;
};

export function renderDraft(input: { tenantId: string; tenantName: string; segment: MarketingSegment; locale: string | null }): RenderedDraft {
  const locale = resolveLocale(input.locale);
  const action = SEGMENT_ACTIONS[input.segment];
  const feature = pickFeature(input.segment, input.tenantId);
  const t = translatorFor(locale);
  const values = { tenant: input.tenantName.trim() || 'Levqor', feature: t(`features.${feature}`) };
  return {
    locale,
    action,
    feature,
    subject: t(`${action}.subject`, values),
    body: t(`${action}.body`, values),
  };
}
