import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AcceptInviteForm } from '~/components/team/accept-invite-form';
import { Card } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';
import { getServerApi } from '~/trpc/server';
import { acceptInviteAction } from '../../actions';

/**
 * Where an invitation link lands (SPEC P4): who invited you where, and a form to create the
 * account — or, for an expired, used, withdrawn or forged link, a plain page saying so.
 */
export default async function InvitePage({ params }: { params: Promise<{ locale: Locale; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, tt, api] = await Promise.all([getTranslations('Invite'), getTranslations('Team'), getServerApi()]);
  const invite =
    token.length >= 20 && token.length <= 200
      ? await api.team.inspectInvite({ token })
      : { state: 'unknown' as const, email: null, workspace: null, role: null };

  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:py-20">
      <Card className="p-6 sm:p-8">
        {invite.state === 'valid' && invite.email && invite.workspace && invite.role ? (
          <>
            <h1 className="text-2xl font-bold">{t('title', { workspace: invite.workspace })}</h1>
            <p className="mt-2 text-sm text-fg-muted">{t('lead', { workspace: invite.workspace, role: tt(`roles.${invite.role}`) })}</p>
            <div className="mt-6">
              <AcceptInviteForm
                email={invite.email}
                accept={acceptInviteAction.bind(null, token)}
                texts={{ email: t('email'), name: t('name'), password: t('password'), passwordHint: t('passwordHint'), submit: t('submit'), submitting: t('submitting') }}
              />
            </div>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
            <p className="mt-2 text-fg-muted" data-testid="invite-state" data-state={invite.state}>
              {t(`states.${invite.state === 'valid' ? 'unknown' : invite.state}`)}
            </p>
            <p className="mt-6">
              <Link href="/sign-in" className="font-medium text-accent underline-offset-4 hover:underline">
                {t('signIn')}
              </Link>
            </p>
          </>
        )}
      </Card>
    </main>
  );
}
