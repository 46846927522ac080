import { getTranslations, setRequestLocale } from 'next-intl/server';
import { YourData } from '~/components/settings/your-data';
import type { Locale } from '~/i18n/routing';

/** SPEC P5: the account's settings — taking your data out, and deleting the account. */
export default async function SettingsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Settings');
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      <YourData />
    </div>
  );
}
