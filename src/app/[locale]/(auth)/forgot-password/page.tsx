import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ForgotPasswordForm } from '~/components/auth/password-reset-forms';
import { getResetTexts } from '~/components/auth/reset-texts';
import { Card } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';
import { RESET_TTL_MINUTES } from '~/server/domain/accounts/password-reset';
import { requestPasswordResetAction } from '../actions';

/** "Forgot password" (decision 025): asks for the address and sends a link if it has an account. */
export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, texts] = await Promise.all([getTranslations('PasswordReset'), getResetTexts(RESET_TTL_MINUTES)]);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:py-20">
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-bold">{t('forgotTitle')}</h1>
        <p className="mt-2 text-sm text-fg-muted">{t('forgotLead')}</p>
        <div className="mt-6">
          <ForgotPasswordForm action={requestPasswordResetAction} texts={texts} />
        </div>
        <p className="mt-6 text-center text-sm">
          <Link href="/sign-in" className="font-medium text-accent underline-offset-4 hover:underline">
            {t('backToSignIn')}
          </Link>
        </p>
      </Card>
    </main>
  );
}
