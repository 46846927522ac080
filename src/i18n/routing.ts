import { defineRouting } from 'next-intl/routing';

export const locales = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'hi', 'ja'] as const;
export type Locale = (typeof locales)[number];

export const localeNames: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  pt: 'Português',
  it: 'Italiano',
  nl: 'Nederlands',
  hi: 'हिन्दी',
  ja: '日本語',
};

export const routing = defineRouting({
  locales,
  defaultLocale: 'en',
  localePrefix: 'as-needed',
  // The switcher's choice persists for a year (next-intl 4 defaults to a session cookie).
  localeCookie: { name: 'NEXT_LOCALE', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' },
});
