import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SupportDesk } from '~/components/support/support-desk';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';
import { getServerApi } from '~/trpc/server';

/** SPEC P6: the workspace's support tickets, and a form to open one. */
export default async function SupportPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const api = await getServerApi();
  const [t, mine] = await Promise.all([getTranslations('Support'), api.support.mine()]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">
          {t('lead', { hours: mine.slaHours })}{' '}
          <Link href="/dashboard/help/getting-started" className="font-medium text-accent underline-offset-4 hover:underline">
            {t('helpLink')}
          </Link>
        </p>
      </header>
      <SupportDesk />
    </div>
  );
}
