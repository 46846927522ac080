import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SupportQueue } from '~/components/support/support-queue';
import type { Locale } from '~/i18n/routing';
import { PLANS, SUPPORT_SLA_HOURS } from '~/server/domain/billing/pricing';

/** SPEC P6: the support queue, ordered by breach risk. */
export default async function AdminSupportPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, plans] = await Promise.all([getTranslations('Support.admin'), getTranslations('Plans')]);
  const slas = PLANS.map((p) => `${plans(p)} ${SUPPORT_SLA_HOURS[p]} h`).join(' · ');
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead', { slas })}</p>
      </header>
      <SupportQueue />
    </div>
  );
}
