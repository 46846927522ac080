import { getTranslations, setRequestLocale } from 'next-intl/server';
import { TeamManager } from '~/components/team/team-manager';
import type { Locale } from '~/i18n/routing';

/** SPEC P4: the workspace's people; owners invite, change roles and remove. */
export default async function TeamPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Team');
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      <TeamManager />
    </div>
  );
}
