'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { buttonClasses } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { Link } from '~/i18n/navigation';
import { cn } from '~/lib/cn';
import { api } from '~/trpc/react';
import { METER_KEYS, type DailyUsage, type MeterKey } from './types';

/**
 * Usage this month against the plan's limits (SPEC P3): a bar, the figures and what is left per
 * meter, a banner at 80% and at the limit with the way up, and the last 30 days. On the
 * dashboard and on the billing page; every figure is the ledger's (usage events).
 */
export function UsagePanel({ chart = true }: { chart?: boolean }) {
  const t = useTranslations('Usage');
  const tCommon = useTranslations('Common');
  const format = useFormatter();
  const summary = api.usage.summary.useQuery(undefined, { refetchInterval: 30_000 });
  const daily = api.usage.daily.useQuery(undefined, { enabled: chart });

  if (!summary.data) {
    return (
      <Card data-testid="usage-panel">
        <CardTitle>{t('title')}</CardTitle>
        <p className="mt-3 text-sm text-fg-muted">{summary.error ? t('unavailable') : tCommon('loading')}</p>
      </Card>
    );
  }
  const s = summary.data;
  const full = s.meters.filter((m) => m.used >= m.limit);
  const near = s.meters.filter((m) => m.used < m.limit && m.percent >= 80);
  const resets = format.dateTime(s.resetsAt, { dateStyle: 'long', timeZone: 'UTC' });

  return (
    <Card data-testid="usage-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <CardTitle>{t('title')}</CardTitle>
        <p className="text-sm text-fg-muted">{t('planLine', { plan: t(`plans.${s.plan}`), days: s.daysLeft })}</p>
      </div>

      {full.length > 0 ? (
        <div role="alert" data-testid="usage-limit-banner" className="mt-3 rounded-lg border border-rose-400/40 bg-rose-950/50 px-3 py-2 text-sm text-rose-100">
          <p>{t('atLimit', { meters: full.map((m) => t(`meters.${m.meter}`)).join(', '), date: resets })}</p>
          <Link href="/dashboard/billing" className={buttonClasses('primary', 'sm', 'mt-2')}>
            {t('upgrade')}
          </Link>
        </div>
      ) : near.length > 0 ? (
        <p role="status" data-testid="usage-near-banner" className="mt-3 rounded-lg border border-amber-400/40 bg-amber-950/50 px-3 py-2 text-sm text-amber-100">
          {t('nearLimit', { meters: near.map((m) => t(`meters.${m.meter}`)).join(', ') })}{' '}
          <Link href="/dashboard/billing" className="underline">
            {t('upgrade')}
          </Link>
        </p>
      ) : null}

      <ul className="mt-4 space-y-3">
        {s.meters.map((m) => (
          <li key={m.meter} data-testid={`usage-${m.meter}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-medium">{t(`meters.${m.meter}`)}</span>
              <span className="tabular-nums text-fg-muted" data-testid="usage-figures">
                {t('usedOf', { used: format.number(m.used), limit: format.number(m.limit) })}
              </span>
            </div>
            <div
              role="progressbar"
              aria-label={t(`meters.${m.meter}`)}
              aria-valuemin={0}
              aria-valuemax={m.limit}
              aria-valuenow={Math.min(m.used, m.limit)}
              aria-valuetext={t('percent', { percent: format.number(m.percent, { maximumFractionDigits: 1 }) })}
              className="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-800"
            >
              <div
                className={cn('h-full rounded-full', m.percent >= 100 ? 'bg-rose-400' : m.percent >= 80 ? 'bg-amber-400' : 'bg-indigo-400')}
                style={{ width: `${Math.min(100, m.percent)}%` }}
              />
            </div>
          </li>
        ))}
      </ul>

      {chart && daily.data ? <UsageChart days={daily.data} /> : null}
    </Card>
  );
}

/** 30 days as small bars per meter (SVG, decorative), with the same figures in a table. */
function UsageChart({ days }: { days: DailyUsage[] }) {
  const t = useTranslations('Usage');
  const format = useFormatter();
  return (
    <div className="mt-5">
      <h3 className="text-sm font-semibold">{t('chartTitle')}</h3>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {METER_KEYS.map((meter) => (
          <Bars key={meter} label={t(`meters.${meter}`)} values={days.map((d) => d[meter])} />
        ))}
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-fg-muted">{t('showTable')}</summary>
        <div className="mt-2 max-h-64 overflow-auto">
          <table className="w-full text-left tabular-nums">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">{t('day')}</th>
                {METER_KEYS.map((m) => (
                  <th key={m} scope="col" className="py-1 pr-3">{t(`meters.${m}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className="border-t border-slate-800">
                  <td className="py-1 pr-3">{format.dateTime(new Date(`${d.day}T00:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' })}</td>
                  {METER_KEYS.map((m: MeterKey) => (
                    <td key={m} className="py-1 pr-3">{format.number(d[m])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function Bars({ label, values }: { label: string; values: number[] }) {
  const max = Math.max(1, ...values);
  const w = 100 / values.length;
  return (
    <figure>
      <figcaption className="text-xs text-fg-muted">{label}</figcaption>
      <svg viewBox="0 0 100 30" preserveAspectRatio="none" className="mt-1 h-12 w-full" aria-hidden="true">
        {values.map((v, i) => {
          const h = (Math.max(0, v) / max) * 28;
          return <rect key={i} x={i * w + w * 0.15} y={30 - h} width={w * 0.7} height={h} className="fill-indigo-400" />;
        })}
      </svg>
    </figure>
  );
}
