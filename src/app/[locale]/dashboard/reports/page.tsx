import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, CardTitle } from '~/components/ui/card';
import type { Locale } from '~/i18n/routing';
import { TENANT_REPORT_METRICS } from '~/server/domain/reports/tenant';
import { getServerApi } from '~/trpc/server';

/**
 * The workspace's weekly reports (issue 16 #7): the latest week's figures beside the week
 * before, and the earlier weeks' runs and success rates.
 */
export default async function WeeklyReportsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const api = await getServerApi();
  const [t, format, { items }] = await Promise.all([getTranslations('TenantReports'), getFormatter(), api.reports.mine()]);
  const percent = (x: number | null) => (x === null ? '—' : format.number(x, { style: 'percent', maximumFractionDigits: 1 }));
  const [latest, ...earlier] = items;

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      {!latest ? (
        <Card>
          <p className="text-sm text-fg-muted" data-testid="reports-empty">
            {t('empty')}
          </p>
        </Card>
      ) : (
        <section aria-labelledby="report-latest" data-testid="report-latest">
          <h2 id="report-latest" className="text-lg font-semibold">
            {t('week', { period: latest.period, from: latest.figures.firstDay, to: latest.figures.lastDay })}
          </h2>
          <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            <li>
              <Card className="h-full p-4">
                <p className="text-xs text-fg-muted">{t('successRate')}</p>
                <p className="mt-1 text-2xl font-semibold" data-testid="report-successRate">
                  {percent(latest.figures.successRate)}
                </p>
                <p className="text-xs text-fg-muted">{t('lastWeek', { value: percent(latest.figures.successRateLastWeek) })}</p>
              </Card>
            </li>
            {TENANT_REPORT_METRICS.map((key) => {
              const m = latest.figures.metrics[key];
              return (
                <li key={key}>
                  <Card className="h-full p-4">
                    <p className="text-xs text-fg-muted">{t(`metrics.${key}`)}</p>
                    <p className="mt-1 text-2xl font-semibold" data-testid={`report-${key}`}>
                      {format.number(m.thisWeek)}
                    </p>
                    <p className="text-xs text-fg-muted">{t('lastWeek', { value: format.number(m.lastWeek) })}</p>
                  </Card>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {earlier.length ? (
        <Card aria-labelledby="report-earlier">
          <CardTitle id="report-earlier">{t('older')}</CardTitle>
          <ul className="mt-3 divide-y divide-border text-sm">
            {earlier.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <span className="font-medium">{t('week', { period: r.period, from: r.figures.firstDay, to: r.figures.lastDay })}</span>
                <span className="text-fg-muted">
                  {t('columnRuns')}: {format.number(r.figures.metrics.runs.thisWeek)} · {t('columnRate')}: {percent(r.figures.successRate)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
