import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MarketingDrafts } from '~/components/admin/marketing-drafts';
import type { Locale } from '~/i18n/routing';

/** SPEC J2: marketing drafts awaiting an admin's decision. */
export default async function MarketingPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const ta = await getTranslations('Admin');
  return <MarketingDrafts runNow={{ run: ta('runNow.run'), queued: ta('runNow.queued'), failed: ta('runNow.failed'), lead: ta('runNow.marketingEmpty') }} />;
}
