import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignUpForm } from '~/components/auth/auth-forms';
import { getAuthFormTexts } from '~/components/auth/auth-texts';
import { OAuthButtons } from '~/components/auth/oauth-buttons';
import { Card } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import { redirect } from 'next/navigation';
import { localizedPath } from '~/i18n/paths';
import type { Locale } from '~/i18n/routing';
import { TRIAL_DAYS } from '~/server/domain/billing/pricing';
import { signupTrial } from '~/server/domain/billing/stripe';
import { getCurrentUser } from '~/server/transport/auth/current-user';
import { signUpAction } from '../actions';
import { oauthButtons } from '../oauth-providers';

/** Kept through the form: UTM tags (growth attribution) and the plan picked on /pricing (Checkout). */
const CARRIED_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'plan', 'interval'] as const;

export default async function SignUpPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  if (await getCurrentUser()) redirect(localizedPath('/dashboard', locale));
  const sp = await searchParams;
  const cardAtCheckout = signupTrial() === 'at_checkout';
  const [t, tp, texts] = await Promise.all([getTranslations('Auth'), getTranslations('Pricing'), getAuthFormTexts()]);
  const carry: Record<string, string> = {};
  for (const key of CARRIED_KEYS) {
    const v = sp[key];
    if (typeof v === 'string' && v.length <= 100) carry[key] = v;
  }

  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:py-20">
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-bold">{t('signUpTitle')}</h1>
        <p className="mt-2 text-sm text-fg-muted">{t('signUpLead')}</p>
        {/* "Card required" (decision 019): with Stripe the trial starts at Checkout, after this form. */}
        <p className="mt-2 text-xs text-fg-muted" data-testid={cardAtCheckout ? 'card-at-checkout-note' : 'no-card-note'}>
          {cardAtCheckout ? tp('cardAtCheckout', { days: TRIAL_DAYS }) : tp('noCardHere')}
        </p>
        <div className="mt-6">
          <SignUpForm carry={carry} texts={texts} signUp={signUpAction} />
        </div>
        <OAuthButtons providers={oauthButtons(localizedPath('/dashboard', locale))} />
        <p className="mt-6 text-center text-sm text-fg-muted">
          {t('haveAccount')}{' '}
          <Link href="/sign-in" className="font-medium text-accent underline-offset-4 hover:underline">
            {t('submitSignIn')}
          </Link>
        </p>
      </Card>
    </main>
  );
}
