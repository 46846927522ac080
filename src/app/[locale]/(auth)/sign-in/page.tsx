import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInForm } from '~/components/auth/auth-forms';
import { getAuthFormTexts } from '~/components/auth/auth-texts';
import { OAuthButtons } from '~/components/auth/oauth-buttons';
import { Card } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import { redirect } from 'next/navigation';
import { localizedPath } from '~/i18n/paths';
import type { Locale } from '~/i18n/routing';
import { getCurrentUser } from '~/server/transport/auth/current-user';
import { signInAction } from '../actions';
import { oauthButtons } from '../oauth-providers';

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  if (await getCurrentUser()) redirect(localizedPath('/dashboard', locale));
  const [t, tr, texts] = await Promise.all([getTranslations('Auth'), getTranslations('PasswordReset'), getAuthFormTexts()]);
  const callbackUrl = typeof sp.callbackUrl === 'string' && sp.callbackUrl.startsWith('/') ? sp.callbackUrl : undefined;
  const oauthError = typeof sp.error === 'string' && sp.error !== 'CredentialsSignin';

  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:py-20">
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-bold">{t('signInTitle')}</h1>
        <p className="mt-2 text-sm text-fg-muted">{t('signInLead')}</p>
        {oauthError ? (
          <p role="alert" className="mt-4 rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100">
            {t('errors.oauth')}
          </p>
        ) : null}
        <div className="mt-6">
          <SignInForm callbackUrl={callbackUrl} texts={texts} signIn={signInAction} />
          <p className="mt-3 text-right text-sm">
            <Link href="/forgot-password" className="text-accent underline-offset-4 hover:underline">
              {tr('forgotLink')}
            </Link>
          </p>
        </div>
        <OAuthButtons providers={oauthButtons(callbackUrl ?? localizedPath('/dashboard', locale))} />
        <p className="mt-6 text-center text-sm text-fg-muted">
          {t('noAccount')}{' '}
          <Link href="/sign-up" className="font-medium text-accent underline-offset-4 hover:underline">
            {t('submitSignUp')}
          </Link>
        </p>
      </Card>
    </main>
  );
}
