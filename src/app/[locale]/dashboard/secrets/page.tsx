import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SecretsManager } from '~/components/secrets/secrets-manager';
import type { Locale } from '~/i18n/routing';
import { getServerApi } from '~/trpc/server';

/** SPEC P1: the workspace's secrets, referenced by http_request steps as {{ secrets.NAME }}. */
export default async function SecretsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const api = await getServerApi();
  const [t, me] = await Promise.all([getTranslations('Secrets'), api.account.me()]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead', { example: '{{ secrets.NAME }}' })}</p>
      </header>
      <SecretsManager canManage={me.user.role === 'owner' || me.user.role === 'admin'} />
    </div>
  );
}
