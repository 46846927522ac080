/** Supported locales, free of any i18n runtime so that client code can import them cheaply. */
export const locales = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'hi', 'ja'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

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
