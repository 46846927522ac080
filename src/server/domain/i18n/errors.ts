import { locales, type Locale } from '~/i18n/locales';
import { CATALOGS } from './catalogs';

/**
 * Domain errors are written in English where they are thrown; the ones a person sees are
 * translated on the way out (tRPC's error formatter, the REST envelope) from messages/<locale>.json
 * `ErrorMessages`, whose English texts are exactly the thrown messages (a unit test keeps them equal).
 * A message with no entry (admin and operator messages, texts with values in them) stays English.
 */
const KEY_OF = new Map(Object.entries(CATALOGS.en.ErrorMessages).map(([key, text]) => [text, key as keyof (typeof CATALOGS)['en']['ErrorMessages']]));

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value);

export function localizeErrorMessage(message: string, locale: string | null | undefined): string {
  if (!isLocale(locale) || locale === 'en') return message;
  const key = KEY_OF.get(message);
  return key ? CATALOGS[locale].ErrorMessages[key] : message;
}

const LOCALE_COOKIE = /(?:^|;\s*)NEXT_LOCALE=([a-z]{2})\b/;

/** The caller's language: our clients' `x-levqor-locale` header (the page's `lang`), else the locale cookie. */
export function requestLocale(headers: Headers): Locale | null {
  const header = headers.get('x-levqor-locale');
  if (isLocale(header)) return header;
  const cookie = LOCALE_COOKIE.exec(headers.get('cookie') ?? '')?.[1];
  return isLocale(cookie) ? cookie : null;
}
