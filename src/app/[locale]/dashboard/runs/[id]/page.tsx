import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { RunDetail } from '~/components/runs/run-detail';
import { buttonClasses } from '~/components/ui/button';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';

export default async function RunPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!z.uuid().safeParse(id).success) notFound();
  const t = await getTranslations('Runs');
  return (
    <div className="space-y-6">
      <Link href="/dashboard/runs" className={buttonClasses('ghost', 'sm')}>
        ← {t('allRuns')}
      </Link>
      <RunDetail id={id} />
    </div>
  );
}
