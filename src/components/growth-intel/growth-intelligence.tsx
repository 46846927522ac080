'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { Td, Th, THead } from '~/components/ui/table';
import { api } from '~/trpc/react';
import { CHART_COLORS, GroupedBarChart, MultiLineChart, SimpleBarChart } from './charts';
import { DataTable } from './data-table';
import { DiscountSuggestions } from './discount-suggestions';

/**
 * /admin/growth (SPEC G4, G5): funnel, ROI by source, active tenants and weekly cohort
 * retention for a chosen period (UTC days), each as a recharts chart plus the same numbers in a
 * table; then the discount suggestions. `today` (UTC) comes from the server so that the first
 * render matches.
 */
const PRESETS = ['7', '30', '90', '365', 'custom'] as const;
type Preset = (typeof PRESETS)[number];
const DAY_MS = 86_400_000;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const MAX_DAYS = 1096;

const inputClass = 'mt-1 block h-10 rounded-lg border border-border bg-surface-raised px-3 text-sm text-fg';

function Status({ loading, error, children }: { loading: boolean; error: boolean; children: React.ReactNode }) {
  const t = useTranslations('GrowthIntel');
  const tc = useTranslations('Common');
  if (loading) {
    return (
      <p role="status" className="mt-3 text-sm text-fg-muted">
        {tc('loading')}
      </p>
    );
  }
  if (error) {
    return (
      <p role="alert" className="mt-3 text-sm text-danger">
        {t('loadFailed')}
      </p>
    );
  }
  return <>{children}</>;
}

export function GrowthIntelligence({ today }: { today: string }) {
  const t = useTranslations('GrowthIntel');
  const format = useFormatter();
  const ids = { preset: useId(), from: useId(), to: useId(), periodError: useId() };
  const [preset, setPreset] = useState<Preset>('30');
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);

  const span = isDay(from) && isDay(to) ? (Date.parse(to) - Date.parse(from)) / DAY_MS + 1 : 0;
  const valid = span >= 1 && span <= MAX_DAYS;
  const period = { from, to };

  const funnel = api.growthIntel.funnel.useQuery(period, { enabled: valid });
  const sources = api.growthIntel.sources.useQuery(period, { enabled: valid });
  const activity = api.growthIntel.activity.useQuery(period, { enabled: valid });
  const retention = api.growthIntel.retention.useQuery({ to }, { enabled: isDay(to) });

  const pct = (v: number | null) => (v === null ? t('none') : format.number(v, { style: 'percent', maximumFractionDigits: 1 }));
  const gbp = (pence: number) => format.number(pence / 100, { style: 'currency', currency: 'GBP' });
  const int = (v: number) => format.number(v);
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const coverage = (c: { rolledUp: number; live: number } | undefined) =>
    c ? <p className="mt-2 text-xs text-fg-muted">{t('coverage', { rolled: c.rolledUp, live: c.live })}</p> : null;

  const choosePreset = (p: Preset) => {
    setPreset(p);
    if (p !== 'custom') {
      setFrom(addDays(today, -(Number(p) - 1)));
      setTo(today);
    }
  };

  const retentionAverages = useMemo(() => {
    const cohorts = retention.data?.cohorts ?? [];
    return Array.from({ length: retention.data?.weeks ?? 0 }, (_, offset) => {
      let retained = 0;
      let size = 0;
      for (const c of cohorts) {
        const cell = c.cells[offset];
        if (cell && cell.retained !== null && c.size > 0) {
          retained += cell.retained;
          size += c.size;
        }
      }
      return { label: t('retention.week', { n: offset }), average: size > 0 ? retained / size : null };
    });
  }, [retention.data, t]);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>

      <fieldset className="flex flex-wrap items-end gap-3 rounded-card border border-border p-4">
        <legend className="px-1 text-sm font-semibold">{t('period')}</legend>
        <div>
          <label htmlFor={ids.preset} className="block text-sm font-medium">
            {t('preset')}
          </label>
          <select id={ids.preset} className={inputClass} value={preset} onChange={(e) => choosePreset(e.target.value as Preset)}>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`presets.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.from} className="block text-sm font-medium">
            {t('from')}
          </label>
          <input
            id={ids.from}
            type="date"
            className={inputClass}
            value={from}
            max={to}
            aria-invalid={!valid}
            aria-describedby={valid ? undefined : ids.periodError}
            onChange={(e) => {
              setPreset('custom');
              setFrom(e.target.value);
            }}
          />
        </div>
        <div>
          <label htmlFor={ids.to} className="block text-sm font-medium">
            {t('to')}
          </label>
          <input
            id={ids.to}
            type="date"
            className={inputClass}
            value={to}
            min={from}
            aria-invalid={!valid}
            aria-describedby={valid ? undefined : ids.periodError}
            onChange={(e) => {
              setPreset('custom');
              setTo(e.target.value);
            }}
          />
        </div>
        {valid ? null : (
          <p id={ids.periodError} role="alert" className="basis-full text-sm text-danger">
            {t('periodInvalid', { max: MAX_DAYS })}
          </p>
        )}
      </fieldset>

      <Card aria-labelledby="funnel-title">
        <CardTitle id="funnel-title">{t('funnel.title')}</CardTitle>
        <Status loading={valid && funnel.isPending} error={funnel.isError}>
          {funnel.data ? (
            <>
              <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
                <div className="rounded-lg bg-surface-raised p-3">
                  <dt className="text-xs text-fg-muted">{t('funnel.overall')}</dt>
                  <dd className="font-semibold" data-testid="funnel-overall">
                    {pct(funnel.data.overallRate)}
                  </dd>
                </div>
                <div className="rounded-lg bg-surface-raised p-3">
                  <dt className="text-xs text-fg-muted">{t('funnel.revenue')}</dt>
                  <dd className="font-semibold">{gbp(funnel.data.revenuePence)}</dd>
                </div>
                <div className="rounded-lg bg-surface-raised p-3">
                  <dt className="text-xs text-fg-muted">{t('funnel.churns')}</dt>
                  <dd className="font-semibold">{int(funnel.data.churns)}</dd>
                </div>
              </dl>
              <SimpleBarChart
                data={funnel.data.steps.map((s) => ({ label: t(`funnel.steps.${s.key}`), value: s.count }))}
                name={t('funnel.count')}
                note={t('chartNote')}
                format={int}
                integer
              />
              <DataTable caption={t('funnel.caption', { from: funnel.data.from, to: funnel.data.to })} className="mt-3">
                <THead>
                  <tr>
                    <Th>{t('funnel.step')}</Th>
                    <Th className="text-right">{t('funnel.count')}</Th>
                    <Th className="text-right">{t('funnel.fromPrevious')}</Th>
                    <Th className="text-right">{t('funnel.fromStart')}</Th>
                  </tr>
                </THead>
                <tbody>
                  {funnel.data.steps.map((s) => (
                    <tr key={s.key} data-testid="funnel-row">
                      <Th scope="row" className="font-medium normal-case">
                        {t(`funnel.steps.${s.key}`)}
                      </Th>
                      <Td className="text-right tabular-nums">{int(s.count)}</Td>
                      <Td className="text-right tabular-nums">{pct(s.rateFromPrevious)}</Td>
                      <Td className="text-right tabular-nums">{pct(s.rateFromStart)}</Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              {coverage(funnel.data.coverage)}
            </>
          ) : null}
        </Status>
      </Card>

      <Card aria-labelledby="sources-title">
        <CardTitle id="sources-title">{t('sources.title')}</CardTitle>
        <CardDescription>{t('sources.lead')}</CardDescription>
        <Status loading={valid && sources.isPending} error={sources.isError}>
          {sources.data && sources.data.items.length === 0 ? (
            <p className="mt-3 text-sm text-fg-muted">{t('sources.empty')}</p>
          ) : sources.data ? (
            <>
              <GroupedBarChart
                data={sources.data.items.slice(0, 10).map((r) => ({ label: r.source, revenue: r.revenuePence / 100 }))}
                series={[{ key: 'revenue', name: t('sources.revenue'), color: CHART_COLORS.primary }]}
                note={t('chartNote')}
                format={(v) => format.number(v, { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })}
              />
              <DataTable caption={t('sources.caption', { from: sources.data.from, to: sources.data.to })} className="mt-3">
                <THead>
                  <tr>
                    <Th>{t('sources.source')}</Th>
                    <Th className="text-right">{t('funnel.steps.visits')}</Th>
                    <Th className="text-right">{t('funnel.steps.signups')}</Th>
                    <Th className="text-right">{t('funnel.steps.trials')}</Th>
                    <Th className="text-right">{t('funnel.steps.conversions')}</Th>
                    <Th className="text-right">{t('sources.revenue')}</Th>
                    <Th className="text-right">{t('sources.rate')}</Th>
                    <Th className="text-right">{t('sources.perSignup')}</Th>
                  </tr>
                </THead>
                <tbody>
                  {sources.data.items.map((r) => (
                    <tr key={r.source} data-testid="source-row">
                      <Th scope="row" className="font-medium normal-case">
                        {r.source}
                      </Th>
                      <Td className="text-right tabular-nums">{int(r.visits)}</Td>
                      <Td className="text-right tabular-nums">{int(r.signups)}</Td>
                      <Td className="text-right tabular-nums">{int(r.trials)}</Td>
                      <Td className="text-right tabular-nums">{int(r.conversions)}</Td>
                      <Td className="text-right tabular-nums">{gbp(r.revenuePence)}</Td>
                      <Td className="text-right tabular-nums">{pct(r.signupToPaidRate)}</Td>
                      <Td className="text-right tabular-nums">{r.revenuePerSignupPence === null ? t('none') : gbp(r.revenuePerSignupPence)}</Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              {coverage(sources.data.coverage)}
            </>
          ) : null}
        </Status>
      </Card>

      <Card aria-labelledby="activity-title">
        <CardTitle id="activity-title">{t('activity.title')}</CardTitle>
        <CardDescription>{t('activity.lead')}</CardDescription>
        <Status loading={valid && activity.isPending} error={activity.isError}>
          {activity.data ? (
            <>
              <MultiLineChart
                data={activity.data.series.map((p) => ({ label: dayLabel(p.day), dau: p.dau, wau: p.wau, mau: p.mau }))}
                series={[
                  { key: 'dau', name: t('activity.dau'), color: CHART_COLORS.primary },
                  { key: 'wau', name: t('activity.wau'), color: CHART_COLORS.secondary },
                  { key: 'mau', name: t('activity.mau'), color: CHART_COLORS.tertiary },
                ]}
                note={t('chartNote')}
                format={int}
                integer
              />
              {activity.data.bySource.length === 0 ? (
                <p className="mt-3 text-sm text-fg-muted">{t('activity.empty', { day: activity.data.asOf })}</p>
              ) : (
                <DataTable caption={t('activity.bySourceCaption', { day: activity.data.asOf })} className="mt-3">
                  <THead>
                    <tr>
                      <Th>{t('sources.source')}</Th>
                      <Th className="text-right">{t('activity.dau')}</Th>
                      <Th className="text-right">{t('activity.wau')}</Th>
                      <Th className="text-right">{t('activity.mau')}</Th>
                    </tr>
                  </THead>
                  <tbody>
                    {activity.data.bySource.map((r) => (
                      <tr key={r.source}>
                        <Th scope="row" className="font-medium normal-case">
                          {r.source}
                        </Th>
                        <Td className="text-right tabular-nums">{int(r.dau)}</Td>
                        <Td className="text-right tabular-nums">{int(r.wau)}</Td>
                        <Td className="text-right tabular-nums">{int(r.mau)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              )}
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer text-fg-muted hover:text-fg">{t('activity.showDaily')}</summary>
                <DataTable caption={t('activity.seriesCaption', { from: activity.data.from, to: activity.data.to })} className="mt-2">
                  <THead>
                    <tr>
                      <Th>{t('activity.day')}</Th>
                      <Th className="text-right">{t('activity.dau')}</Th>
                      <Th className="text-right">{t('activity.wau')}</Th>
                      <Th className="text-right">{t('activity.mau')}</Th>
                    </tr>
                  </THead>
                  <tbody>
                    {activity.data.series.map((p) => (
                      <tr key={p.day}>
                        <Th scope="row" className="font-medium normal-case tabular-nums">
                          {p.day}
                        </Th>
                        <Td className="text-right tabular-nums">{int(p.dau)}</Td>
                        <Td className="text-right tabular-nums">{int(p.wau)}</Td>
                        <Td className="text-right tabular-nums">{int(p.mau)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              </details>
              {coverage(activity.data.coverage)}
            </>
          ) : null}
        </Status>
      </Card>

      <Card aria-labelledby="retention-title">
        <CardTitle id="retention-title">{t('retention.title')}</CardTitle>
        <CardDescription>{t('retention.lead')}</CardDescription>
        <Status loading={isDay(to) && retention.isPending} error={retention.isError}>
          {retention.data ? (
            <>
              <MultiLineChart
                data={retentionAverages.map((p) => ({ label: p.label, average: p.average }))}
                series={[{ key: 'average', name: t('retention.average'), color: CHART_COLORS.secondary }]}
                note={t('chartNote')}
                format={(v) => format.number(v, { style: 'percent', maximumFractionDigits: 0 })}
              />
              <DataTable caption={t('retention.caption', { week: retention.data.cohorts.at(-1)?.label ?? '' })} className="mt-3">
                <THead>
                  <tr>
                    <Th>{t('retention.cohort')}</Th>
                    <Th className="text-right">{t('retention.size')}</Th>
                    {Array.from({ length: retention.data.weeks }, (_, n) => (
                      <Th key={n} className="whitespace-nowrap text-right">
                        {t('retention.week', { n })}
                      </Th>
                    ))}
                  </tr>
                </THead>
                <tbody>
                  {retention.data.cohorts.map((c) => (
                    <tr key={c.cohortWeek} data-testid="cohort-row">
                      <Th scope="row" className="whitespace-nowrap font-medium normal-case">
                        {c.label}
                      </Th>
                      <Td className="text-right tabular-nums">{int(c.size)}</Td>
                      {c.cells.map((cell) => (
                        <Td
                          key={cell.offset}
                          className="whitespace-nowrap text-right tabular-nums"
                          style={cell.rate === null ? undefined : { backgroundColor: `rgba(129, 140, 248, ${(0.08 + cell.rate * 0.5).toFixed(2)})` }}
                        >
                          {cell.retained === null
                            ? ''
                            : cell.rate === null
                              ? t('none')
                              : t('retention.cell', { rate: pct(cell.rate), count: cell.retained })}
                        </Td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <p className="mt-2 text-xs text-fg-muted">
                {t('retention.coverage', { rolled: retention.data.coverage.rolledUp, live: retention.data.coverage.live })}
              </p>
            </>
          ) : null}
        </Status>
      </Card>

      <DiscountSuggestions />
    </div>
  );
}
