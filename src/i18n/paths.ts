import { defaultLocale, type Locale } from './locales';

/**
 * The public path of an internal route in a locale, for `localePrefix: 'as-needed'`:
 * ("/dashboard", "es") -> "/es/dashboard"; ("/dashboard", "en") -> "/dashboard".
 * Server code uses this instead of next-intl's navigation module, whose import would pull
 * next-intl's client <Link> into every page's bundle.
 */
export function localizedPath(href: string, locale: Locale | string): string {
  const path = href.startsWith('/') ? href : `/${href}`;
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}
