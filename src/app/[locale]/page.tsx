import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';
import { PricingLink } from '~/components/pricing/pricing-link';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';
import { env } from '~/env';
import { getCurrentUser } from '~/server/transport/auth/current-user';
import { trackLandingVisit } from '~/server/transport/auth/request-context';

const FEATURES = ['templates', 'ai', 'health', 'reports'] as const;

export default async function HomePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tp, user] = await Promise.all([getTranslations('Home'), getTranslations('Pricing'), getCurrentUser().catch(() => null)]);
  // Referral click and visit of anonymous visitors (SPEC G2/G4), recorded after the response.
  if (!user) await trackLandingVisit(await searchParams);

  return (
    <main id="main">
      <section className="relative overflow-hidden">
        <div
          aria-hidden
          className="pointer-events-none absolute inset-x-0 -top-40 mx-auto h-80 max-w-3xl rounded-full bg-indigo-600/20 blur-3xl"
        />
        <div className="relative mx-auto max-w-4xl px-4 pb-16 pt-16 text-center sm:pt-24">
          <p className="text-sm font-semibold uppercase tracking-widest text-accent-2">{t('eyebrow')}</p>
          <h1 className="mt-4 text-balance text-4xl font-bold tracking-tight sm:text-5xl">
            <span className="text-gradient">{t('title')}</span>
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-pretty text-lg text-fg-muted">{t('lead')}</p>
          <div className="mt-10 flex flex-wrap items-center justify-center gap-3">
            {user ? (
              <Link href="/dashboard" className={buttonClasses('primary', 'lg')}>
                {t('ctaDashboard')}
              </Link>
            ) : (
              <>
                <Link href="/sign-up" className={buttonClasses('primary', 'lg')}>
                  {t('ctaPrimary')}
                </Link>
                <Link href="/sign-in" className={buttonClasses('secondary', 'lg')}>
                  {t('ctaSecondary')}
                </Link>
              </>
            )}
          </div>
          <p className="mt-6 text-sm text-fg-muted" data-testid="trial-text">
            {t('trialText')}
          </p>
          {env.STRIPE_SECRET_KEY ? null : (
            <p className="mt-1 text-xs text-fg-muted" data-testid="no-card-note">
              {tp('noCardHere')}
            </p>
          )}
          <PricingLink label="homeLink" className="mt-3 inline-block text-sm font-medium text-accent-2 underline-offset-4 hover:underline" />
        </div>
      </section>
      <section aria-labelledby="features-title" className="mx-auto max-w-6xl px-4 pb-24">
        <h2 id="features-title" className="text-center text-2xl font-semibold">
          {t('featuresTitle')}
        </h2>
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {FEATURES.map((key) => (
            <li key={key}>
              <Card className="h-full">
                <CardTitle as="h3">{t(`features.${key}.title`)}</CardTitle>
                <CardDescription>{t(`features.${key}.body`)}</CardDescription>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
