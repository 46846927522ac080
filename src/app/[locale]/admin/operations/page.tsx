import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, CardTitle } from '~/components/ui/card';
import { Table, Td, Th, THead } from '~/components/ui/table';
import type { Locale } from '~/i18n/routing';
import { env } from '~/env';
import { getServerApi } from '~/trpc/server';

/**
 * Admin operations: health score and anomalies (H7), scaling tier and load (H5), incident
 * timeline (H3), abuse signals (H8).
 */
export default async function OperationsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const api = await getServerApi();
  const [t, format, scaling, incidents, abuse, telemetry] = await Promise.all([
    getTranslations('Operations'),
    getFormatter(),
    api.admin.scaling(),
    api.admin.incidents({ limit: 20, offset: 0 }),
    api.admin.abuseSignals({ limit: 20, offset: 0 }),
    api.admin.telemetry(),
  ]);
  const { today } = telemetry;

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>

      <Card aria-labelledby="score-title">
        <CardTitle id="score-title">{t('scoreTitle')}</CardTitle>
        <p className="mt-2 text-4xl font-bold" data-testid="health-score">
          {t('scoreValue', { score: today.score })}
        </p>
        <p className="text-sm text-fg-muted">
          {t('scoreFactors', {
            requests: today.factors.requests,
            errors: today.factors.errors,
            incidents: today.factors.openIncidents,
          })}
        </p>
        <ol className="mt-3 flex flex-wrap gap-2 text-xs" aria-label={t('historyTitle')}>
          {telemetry.history.map((d) => (
            <li key={d.day} className="rounded bg-surface-raised px-2 py-1">
              {format.dateTime(new Date(`${d.day}T12:00:00Z`), { weekday: 'short' })}: {d.score}
            </li>
          ))}
        </ol>
        <h3 className="mt-4 text-sm font-semibold">{t('suggestionsTitle')}</h3>
        {today.suggestions.length === 0 ? (
          <p className="mt-1 text-sm text-fg-muted">{t('suggestionsEmpty')}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {today.suggestions.map((sug, i) => (
              <li key={i}>{t(`suggestions.${sug.code}`, sug.params)}</li>
            ))}
          </ul>
        )}
        <h3 className="mt-4 text-sm font-semibold">{t('anomaliesTitle')}</h3>
        {telemetry.anomalies.length === 0 ? (
          <p className="mt-1 text-sm text-fg-muted">{t('anomaliesEmpty')}</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm" data-testid="anomalies">
            {telemetry.anomalies.map((a, i) => (
              <li key={i}>
                {t(`anomalies.${a.rule}`, {
                  subject: a.subject === '*' ? t('allEndpoints') : a.subject,
                  value: a.rule === 'high_error_rate' ? Math.round(a.value * 100) : Math.round(a.value),
                  count: a.count,
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card aria-labelledby="scaling-title">
        <CardTitle id="scaling-title">{t('scalingTitle')}</CardTitle>
        {scaling ? (
          <div className="mt-3 space-y-4 text-sm">
            <p data-testid="scaling-tier">
              {t('tierNow', { tier: t(`tiers.${scaling.tier}`), load: format.number(scaling.load, { style: 'percent' }) })}
              {scaling.enabled ? null : ` · ${t('rateLimitsDisabled')}`}
            </p>
            <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
              <div className="rounded-lg bg-surface-raised p-3">
                <dt className="text-xs text-fg-muted">{t('signals.elu')}</dt>
                <dd className="font-semibold">{format.number(scaling.signals.eventLoopUtilization, { style: 'percent' })}</dd>
              </div>
              <div className="rounded-lg bg-surface-raised p-3">
                <dt className="text-xs text-fg-muted">{t('signals.rps')}</dt>
                <dd className="font-semibold">{format.number(scaling.signals.requestsPerSecond, { maximumFractionDigits: 1 })}</dd>
              </div>
              <div className="rounded-lg bg-surface-raised p-3">
                <dt className="text-xs text-fg-muted">{t('signals.queue')}</dt>
                <dd className="font-semibold">{format.number(scaling.signals.queueDepth)}</dd>
              </div>
            </dl>
            <Table caption={t('limitsTitle')}>
              <THead>
                <tr>
                  <Th>{t('columns.class')}</Th>
                  <Th>{t('columns.limit')}</Th>
                </tr>
              </THead>
              <tbody>
                {(['api', 'ai', 'auth'] as const).map((cls) => (
                  <tr key={cls}>
                    <Td>{t(`classes.${cls}`)}</Td>
                    <Td>{t('limitValue', { points: scaling.limits[cls].points, seconds: scaling.limits[cls].windowSeconds })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        ) : (
          <p className="mt-3 text-sm text-fg-muted">{t('rateLimitsDisabled')}</p>
        )}
      </Card>

      <Card aria-labelledby="incidents-title">
        <CardTitle id="incidents-title">{t('incidentsTitle')}</CardTitle>
        {incidents.items.length === 0 ? (
          <p className="mt-3 text-sm text-fg-muted">{t('incidentsEmpty')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('incidentsTitle')}>
              <THead>
                <tr>
                  <Th>{t('columns.check')}</Th>
                  <Th>{t('columns.severity')}</Th>
                  <Th>{t('columns.opened')}</Th>
                  <Th>{t('columns.resolved')}</Th>
                </tr>
              </THead>
              <tbody>
                {incidents.items.map((i) => (
                  <tr key={i.id} data-testid="incident-row">
                    <Td className="font-medium">{t(`checks.${i.check as 'db' | 'redis' | 'queue' | 'stripe'}`)}</Td>
                    <Td>{t(`severity.${i.severity as 'critical' | 'major' | 'minor'}`)}</Td>
                    <Td>{format.dateTime(i.openedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
                    <Td>
                      {i.resolvedAt
                        ? format.dateTime(i.resolvedAt, { dateStyle: 'medium', timeStyle: 'short' })
                        : t('ongoing')}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Card>

      <Card aria-labelledby="abuse-title">
        <CardTitle id="abuse-title">{t('abuseTitle')}</CardTitle>
        <p className="mt-1 text-sm text-fg-muted" data-testid="abuse-mode">
          {env.ABUSE_ENFORCE ? t('abuseEnforced') : t('abuseLogOnly')}
        </p>
        {abuse.items.length === 0 ? (
          <p className="mt-3 text-sm text-fg-muted">{t('abuseEmpty')}</p>
        ) : (
          <div className="mt-3">
            <Table caption={t('abuseTitle')}>
              <THead>
                <tr>
                  <Th>{t('columns.kind')}</Th>
                  <Th>{t('columns.source')}</Th>
                  <Th>{t('columns.count')}</Th>
                  <Th>{t('columns.lastSeen')}</Th>
                </tr>
              </THead>
              <tbody>
                {abuse.items.map((a) => (
                  <tr key={a.id} data-testid="abuse-row">
                    <Td className="font-medium">{t(`abuseKinds.${a.kind}`)}</Td>
                    <Td>
                      <code className="text-xs">{a.ipHashPrefix}</code>
                    </Td>
                    <Td>{t('countOf', { count: a.count, threshold: a.threshold, minutes: Math.round(a.windowSeconds / 60) })}</Td>
                    <Td>{format.dateTime(a.lastSeenAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Card>
    </div>
  );
}
