import { setRequestLocale } from 'next-intl/server';
import { GrowthIntelligence } from '~/components/growth-intel/growth-intelligence';
import type { Locale } from '~/i18n/routing';

/** SPEC G4/G5: growth intelligence and discount suggestions, admins only (the admin layout checks). */
export default async function GrowthPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  // Figures are per UTC day; the period picker starts from today's UTC date.
  const today = new Date().toISOString().slice(0, 10);
  return <GrowthIntelligence today={today} />;
}
