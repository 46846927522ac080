import { getTranslations, setRequestLocale } from 'next-intl/server';
import { UpgradePlans } from '~/components/planner/upgrade-plans';
import type { Locale } from '~/i18n/routing';

/** SPEC P7: the upgrade planner's design-only plans, for admins. */
export default async function AdminUpgradesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Planner');
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      <UpgradePlans />
    </div>
  );
}
