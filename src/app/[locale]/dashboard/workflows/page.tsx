import { setRequestLocale } from 'next-intl/server';
import { WorkflowList } from '~/components/workflows/workflow-list';
import type { Locale } from '~/i18n/routing';

export default async function WorkflowsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <WorkflowList />;
}
