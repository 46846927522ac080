import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LifecycleAdmin } from '~/components/admin/lifecycle-admin';
import type { Locale } from '~/i18n/routing';

/** SPEC P4: every workspace state change (who or what, from, to, why), and admin actions. */
export default async function AdminLifecyclePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Lifecycle');
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      <LifecycleAdmin />
    </div>
  );
}
