import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ResetPasswordForm } from '~/components/auth/password-reset-forms';
import { getResetTexts } from '~/components/auth/reset-texts';
import { Card } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';
import { inspectPasswordReset, RESET_TTL_MINUTES } from '~/server/domain/accounts/password-reset';
import { getDb } from '~/server/infra/db/client';
import { resetPasswordAction } from '../../actions';

/** Where a reset link lands (decision 025): the new password, or a plain page saying why the link does not work. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ locale: Locale; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, texts, link] = await Promise.all([getTranslations('PasswordReset'), getResetTexts(RESET_TTL_MINUTES), inspectPasswordReset({ db: getDb() }, token)]);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:py-20">
      <Card className="p-6 sm:p-8">
        {link.state === 'valid' && link.email ? (
          <>
            <h1 className="text-2xl font-bold">{t('resetTitle')}</h1>
            <p className="mt-2 text-sm text-fg-muted">{t('resetLead', { email: link.email })}</p>
            <div className="mt-6">
              <ResetPasswordForm action={resetPasswordAction.bind(null, token)} texts={texts} />
            </div>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
            <p className="mt-2 text-fg-muted" data-testid="reset-state" data-state={link.state}>
              {t(`states.${link.state === 'valid' ? 'unknown' : link.state}`)}
            </p>
            <p className="mt-6">
              <Link href="/forgot-password" className="font-medium text-accent underline-offset-4 hover:underline">
                {t('requestNew')}
              </Link>
            </p>
          </>
        )}
      </Card>
    </main>
  );
}
