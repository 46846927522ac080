import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ExitIntent } from '~/components/pricing/exit-intent';
import { getPricingContent } from './pricing-content';
import { PricingPlans } from '~/components/pricing/pricing-plans';
import { RoiCalculator } from '~/components/pricing/roi-calculator';
import { buttonClasses } from '~/components/ui/button';
import { localizedPath } from '~/i18n/paths';
import { routing, type Locale } from '~/i18n/routing';
import { env } from '~/env';
import { getCurrentUser } from '~/server/transport/auth/current-user';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : 'en', namespace: 'Pricing' });
  return { title: `${t('metaTitle')} — Levqor`, description: t('metaDescription') };
}

/**
 * Public pricing page (SPEC B2, B4): the locked prices from pricing.ts with a monthly / yearly
 * toggle, SLAs, Done-For-You packages, the trial text, the ROI calculator and the exit-intent
 * modal. A public page: client components get translated, formatted props (150 kB budget).
 */
export default async function PricingPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser().catch(() => null);
  const [t, content] = await Promise.all([getTranslations('Pricing'), getPricingContent(locale, { signedIn: Boolean(user) })]);
  const startHref = user ? localizedPath('/dashboard/billing', locale) : localizedPath('/sign-up', locale);

  return (
    <main id="main">
      <section className="relative overflow-hidden">
        <div
          aria-hidden
          className="pointer-events-none absolute inset-x-0 -top-40 mx-auto h-80 max-w-3xl rounded-full bg-indigo-600/20 blur-3xl"
        />
        <div className="relative mx-auto max-w-3xl px-4 pb-10 pt-16 text-center sm:pt-20">
          <h1 className="text-balance text-4xl font-bold tracking-tight sm:text-5xl">
            <span className="text-gradient">{t('title')}</span>
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-pretty text-lg text-fg-muted">{t('lead')}</p>
          <p
            className="mx-auto mt-6 inline-block rounded-lg border border-indigo-400/30 bg-indigo-950/50 px-4 py-2 text-sm font-medium text-indigo-100"
            data-testid="trial-text"
          >
            {t('trialText')}
          </p>
          {/* The trial text is the offer; a server without Stripe says plainly how it differs here. */}
          {env.STRIPE_SECRET_KEY ? null : (
            <p className="mx-auto mt-2 max-w-2xl text-xs text-fg-muted" data-testid="no-card-note">
              {t('noCardHere')}
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="plans-title" className="mx-auto max-w-6xl px-4 pb-16">
        <h2 id="plans-title" className="sr-only">
          {t('plansTitle')}
        </h2>
        <PricingPlans plans={content.plans} texts={content.planTexts} />
      </section>

      <section aria-labelledby="dfy-title" className="mx-auto max-w-6xl px-4 pb-16">
        <h2 id="dfy-title" className="text-2xl font-semibold">
          {t('dfy.title')}
        </h2>
        <p className="mt-2 max-w-2xl text-fg-muted">{t('dfy.lead')}</p>
        <ul className="mt-6 grid gap-4 md:grid-cols-3">
          {content.dfy.map((pkg) => (
            <li key={pkg.id} data-testid={`dfy-${pkg.id}`}>
              <article aria-labelledby={`dfy-${pkg.id}-title`} className="flex h-full flex-col rounded-card border border-border bg-surface/80 p-5">
                <h3 id={`dfy-${pkg.id}-title`} className="text-lg font-semibold">
                  {pkg.name}
                </h3>
                <p className="mt-1 text-sm text-fg-muted">{pkg.body}</p>
                <p className="mt-4 flex flex-wrap items-baseline gap-x-2">
                  <span className="text-3xl font-bold" data-testid={`dfy-price-${pkg.id}`}>
                    {pkg.price}
                  </span>
                  <span className="text-sm text-fg-muted">{t('dfy.oneOff')}</span>
                </p>
                <div className="mt-auto pt-6">
                  <a href={pkg.href} className={buttonClasses('secondary', 'md', 'w-full')}>
                    {pkg.cta}
                  </a>
                </div>
              </article>
            </li>
          ))}
        </ul>
      </section>

      <div className="mx-auto max-w-6xl px-4 pb-24">
        <RoiCalculator texts={content.roi} locale={locale} />
      </div>

      <ExitIntent texts={content.exit} ctaHref={startHref} />
    </main>
  );
}
