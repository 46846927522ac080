import { setRequestLocale } from 'next-intl/server';
import { MarketingDrafts } from '~/components/admin/marketing-drafts';
import type { Locale } from '~/i18n/routing';

/** SPEC J2: marketing drafts awaiting an admin's decision. */
export default async function MarketingPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <MarketingDrafts />;
}
