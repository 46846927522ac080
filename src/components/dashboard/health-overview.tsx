'use client';

import { useFormatter, useNow, useTranslations } from 'next-intl';
import { Card, CardTitle } from '~/components/ui/card';
import { cn } from '~/lib/cn';
import { api, type RouterOutputs } from '~/trpc/react';

type Summary = RouterOutputs['health']['summary'];
type TileState = 'ok' | 'warning' | 'down' | 'notConfigured';
type TileKey = 'app' | 'db' | 'redis' | 'queue' | 'stripe' | 'errors' | 'service' | 'runs';

const STATE_STYLE: Record<TileState, { dot: string; text: string }> = {
  ok: { dot: 'bg-ok', text: 'text-ok' },
  warning: { dot: 'bg-warn', text: 'text-warn' },
  down: { dot: 'bg-danger', text: 'text-danger' },
  notConfigured: { dot: 'bg-slate-500', text: 'text-fg-muted' },
};

const bool = (v: boolean): TileState => (v ? 'ok' : 'down');

/** What concerns a customer: is Levqor up, and do their runs go out on time. */
function customerTiles(s: Summary): { key: TileKey; state: TileState }[] {
  return [
    { key: 'service', state: s.status === 'ok' ? 'ok' : s.status === 'degraded' ? 'warning' : 'down' },
    { key: 'runs', state: s.db_ok && s.queue_ok ? 'ok' : 'warning' },
  ];
}

/** The infrastructure, for Levqor's admins. */
function adminTiles(s: Summary): { key: TileKey; state: TileState }[] {
  return [
    { key: 'app', state: 'ok' },
    { key: 'db', state: bool(s.db_ok) },
    { key: 'redis', state: bool(s.redis_ok) },
    { key: 'queue', state: s.queue_ok ? 'ok' : 'warning' },
    { key: 'stripe', state: s.stripe_ok === 'not_configured' ? 'notConfigured' : bool(s.stripe_ok) },
    { key: 'errors', state: s.error_count === null ? 'warning' : s.error_count > 0 ? 'warning' : 'ok' },
  ];
}

/**
 * SPEC H4: refreshed every 30 s and when the tab regains focus. Admins see one tile per check
 * (the infrastructure); customers see the service and their runs (issue 16: no vendor tiles).
 */
export function HealthOverview({ isAdmin = false }: { isAdmin?: boolean }) {
  const t = useTranslations('HealthOverview');
  const format = useFormatter();
  const now = useNow({ updateInterval: 15_000 });
  const query = api.health.summary.useQuery(undefined, {
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });

  return (
    <Card aria-labelledby="health-title" aria-busy={query.isFetching} data-testid="health-overview" className="self-start">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="health-title">{isAdmin ? t('title') : t('customerTitle')}</CardTitle>
        {query.data ? (
          <span
            className={cn(
              'rounded-full px-2 py-0.5 text-xs font-semibold',
              query.data.status === 'ok' ? 'bg-emerald-950 text-ok' : query.data.status === 'degraded' ? 'bg-amber-950 text-warn' : 'bg-rose-950 text-danger',
            )}
            data-testid="health-status"
          >
            {t(`status.${query.data.status}`)}
          </span>
        ) : null}
      </div>
      {query.isPending ? (
        <p role="status" className="mt-3 text-sm text-fg-muted">
          {t('loading')}
        </p>
      ) : query.isError ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {t('loadFailed')}
        </p>
      ) : (
        <>
          <ul className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-3">
            {(isAdmin ? adminTiles : customerTiles)(query.data).map(({ key, state }) => (
              <li
                key={key}
                data-testid={`health-tile-${key}`}
                data-state={state}
                className="rounded-lg border border-border bg-surface-raised px-3 py-2"
              >
                <p className="text-xs text-fg-muted">{t(`tiles.${key}`)}</p>
                <p className={cn('mt-1 flex items-center gap-2 text-sm font-semibold', STATE_STYLE[state].text)}>
                  <span
                    aria-hidden
                    className={cn('inline-block h-2 w-2 rounded-full', STATE_STYLE[state].dot, state !== 'ok' && 'motion-safe:animate-pulse')}
                  />
                  {key === 'errors' && query.data.error_count !== null
                    ? t('errorsValue', { count: query.data.error_count })
                    : key === 'runs'
                      ? t(state === 'ok' ? 'runStates.ok' : 'runStates.delayed')
                      : t(`states.${state}`)}
                </p>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-fg-muted">
            {t('lastChecked', { time: format.relativeTime(new Date(query.data.checked_at), now) })}
            {query.isFetching ? ` · ${t('refreshing')}` : ''}
          </p>
        </>
      )}
    </Card>
  );
}
