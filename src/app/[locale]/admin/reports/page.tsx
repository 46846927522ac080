import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { RunJobNow } from '~/components/admin/run-job-now';
import { Card } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import { Table, Td, Th, THead } from '~/components/ui/table';
import type { Locale } from '~/i18n/routing';
import { getServerApi } from '~/trpc/server';

/** SPEC J3: the weekly reports, newest first. */
export default async function ReportsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const api = await getServerApi();
  const [t, ta, format, list] = await Promise.all([
    getTranslations('Reports'),
    getTranslations('Admin'),
    getFormatter(),
    api.reports.list({ limit: 52, offset: 0 }),
  ]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      {list.items.length === 0 ? (
        <Card>
          <p className="text-sm text-fg-muted">{t('empty')}</p>
          <RunJobNow job="weekly-report" texts={{ run: ta('runNow.run'), queued: ta('runNow.queued'), failed: ta('runNow.failed') }} />
        </Card>
      ) : (
        <Table caption={t('title')}>
          <THead>
            <tr>
              <Th>{t('columns.week')}</Th>
              <Th>{t('columns.dates')}</Th>
              <Th>{t('columns.created')}</Th>
            </tr>
          </THead>
          <tbody>
            {list.items.map((r) => (
              <tr key={r.id} data-testid="report-row">
                <Td className="font-medium">
                  <Link href={`/admin/reports/${r.id}`} className="hover:underline">
                    {r.period}
                  </Link>
                </Td>
                <Td>{format.dateTimeRange(r.periodStart, new Date(r.periodEnd.getTime() - 1), { dateStyle: 'medium', timeZone: 'Europe/London' })}</Td>
                <Td>{format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
