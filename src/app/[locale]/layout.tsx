import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CookieConsent } from '~/components/layout/cookie-consent';
import { SiteFooter } from '~/components/layout/site-footer';
import { SiteHeader } from '~/components/layout/site-header';
import { localizedPath } from '~/i18n/paths';
import { getCurrentUser } from '~/server/transport/auth/current-user';
import { signOutAction, switchLocaleAction } from '../actions';
import { routing } from '~/i18n/routing';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : 'en', namespace: 'Metadata' });
  return {
    title: t('title'),
    description: t('description'),
    // public/: the favicon and app icons (a first load used to log a 404 for /favicon.ico).
    icons: {
      icon: [
        { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
        { url: '/icon.svg', type: 'image/svg+xml' },
        { url: '/icon-192.png', type: 'image/png', sizes: '192x192' },
      ],
      apple: { url: '/apple-touch-icon.png', sizes: '180x180' },
    },
  };
}

export const viewport: Viewport = { themeColor: '#020617', colorScheme: 'dark' };

export default async function LocaleLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [t, tErrors, tConsent, user] = await Promise.all([
    getTranslations('Common'),
    getTranslations('Errors'),
    getTranslations('Consent'),
    // The header never takes a page down: if the session cannot be read, show the visitor view.
    getCurrentUser().catch(() => null),
  ]);
  const headerUser = user ? { email: user.email, role: user.role } : null;

  return (
    <html lang={locale} dir="ltr">
      <head>
        {/* Read by the client error boundary, which cannot load translations itself. */}
        <meta name="levqor:error-title" content={tErrors('genericTitle')} />
        <meta name="levqor:error-body" content={tErrors('genericBody')} />
        <meta name="levqor:error-retry" content={t('retry')} />
      </head>
      <body className="bg-bg text-fg antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded bg-surface-raised px-4 py-2 focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
        >
          {t('skipToContent')}
        </a>
        <SiteHeader user={headerUser} signOut={signOutAction} switchLocale={switchLocaleAction} />
        {children}
        <SiteFooter />
        <CookieConsent
          texts={{
            title: tConsent('title'),
            body: tConsent('body'),
            accept: tConsent('accept'),
            reject: tConsent('reject'),
            choose: tConsent('choose'),
            optional: tConsent('optional'),
            optionalHint: tConsent('optionalHint'),
            save: tConsent('save'),
            more: tConsent('more'),
            moreHref: localizedPath('/legal/cookies', locale),
          }}
        />
      </body>
    </html>
  );
}
