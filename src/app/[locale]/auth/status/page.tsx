import { headers } from 'next/headers';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, CardTitle } from '~/components/ui/card';
import type { Locale } from '~/i18n/routing';
import { requireAdmin } from '~/server/transport/auth/guards';
import { authStatus } from '~/server/transport/auth/status';

/** /auth/status (admins): how sign-in is configured on this server, without any secret. */
export default async function AuthStatusPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin();
  const [t, h] = await Promise.all([getTranslations('AuthStatus'), headers()]);
  const proto = (h.get('x-forwarded-proto') ?? '').split(',')[0]!.trim();
  const status = authStatus({ protocol: proto === 'https' ? 'https' : 'http' });
  const yes = (v: boolean) => (v ? t('yes') : t('no'));
  const rows: [string, string][] = [
    [t('strategy'), status.session.strategy.toUpperCase()],
    [t('maxAge'), t('days', { count: status.session.maxAgeDays })],
    [t('refresh'), t('hours', { count: status.session.refreshHours })],
    [t('cookieName'), status.cookie.name],
    [t('cookieFlags'), `HttpOnly · SameSite=Lax · Path=/ · ${status.cookie.secure === 'always' ? t('secureAlways') : t('secureOnHttps')}`],
    [t('baseUrl'), status.baseUrl],
    [t('protocol'), status.requestProtocol],
    [t('authSecret'), yes(status.secrets.authSecret)],
    [t('secretsKey'), status.secrets.secretsKey ? t('yes') : t('derived')],
    [t('mail'), status.mail],
  ];
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      <Card aria-labelledby="providers-title">
        <CardTitle id="providers-title">{t('providers')}</CardTitle>
        <ul className="mt-3 space-y-1 text-sm" data-testid="auth-providers">
          {status.providers.map((p) => (
            <li key={p.id} className="flex justify-between gap-3" data-provider={p.id} data-configured={p.configured}>
              <span className="font-medium">{t(`provider.${p.id}`)}</span>
              <span className={p.configured ? 'text-emerald-300' : 'text-fg-muted'}>{p.configured ? t('configured') : t('notConfigured')}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="session-title">
        <CardTitle id="session-title">{t('session')}</CardTitle>
        <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]" data-testid="auth-settings">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-fg-muted">{k}</dt>
              <dd className="break-all font-mono">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </main>
  );
}
