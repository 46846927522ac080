import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RunList } from '~/components/runs/run-list';
import type { Locale } from '~/i18n/routing';

export default async function RunsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Runs');
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      <RunList />
    </div>
  );
}
