import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import { ServerPager } from '~/components/ui/server-pager';
import { Table, Td, Th, THead } from '~/components/ui/table';
import type { Locale } from '~/i18n/routing';
import { BURST_THRESHOLD, BURST_WINDOW_MINUTES, FLAG_REASONS } from '~/server/domain/referrals/referrals';
import { cn } from '~/lib/cn';
import { getServerApi } from '~/trpc/server';

const PERIODS = { all: undefined, d30: 30, d7: 7 } as const;
type Period = keyof typeof PERIODS;
const FLAGGED_PAGE = 25;

/** SPEC G2: top referrers and flagged referrals (admins only; e-mails masked). */
export default async function AdminReferralsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const period: Period = typeof sp.period === 'string' && sp.period in PERIODS ? (sp.period as Period) : 'all';
  const page = Math.min(4000, Math.max(0, Number.parseInt(String(sp.page ?? '0'), 10) || 0));
  const api = await getServerApi();
  const [t, format, board, flagged] = await Promise.all([
    getTranslations('Referrals'),
    getFormatter(),
    api.referrals.leaderboard({ limit: 20, ...(PERIODS[period] ? { days: PERIODS[period] } : {}) }),
    api.referrals.flagged({ limit: FLAGGED_PAGE, offset: page * FLAGGED_PAGE }),
  ]);
  const pages = Math.max(1, Math.ceil(flagged.total / FLAGGED_PAGE));
  const reason = (r: string | null) => t(`flagReasons.${(FLAG_REASONS as readonly string[]).includes(r ?? '') ? (r as (typeof FLAG_REASONS)[number]) : 'other'}`);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>

      <Card aria-labelledby="leaderboard-title" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <CardTitle id="leaderboard-title">{t('leaderboardTitle')}</CardTitle>
          <nav aria-label={t('period')}>
            <ul className="flex flex-wrap gap-1">
              {(Object.keys(PERIODS) as Period[]).map((p) => (
                <li key={p}>
                  <Link
                    href={{ pathname: '/admin/referrals', query: p === 'all' ? {} : { period: p } }}
                    aria-current={p === period ? 'page' : undefined}
                    className={cn(buttonClasses(p === period ? 'secondary' : 'ghost', 'sm'))}
                  >
                    {t(`periods.${p}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        {board.items.length === 0 ? (
          <p className="text-sm text-fg-muted" data-testid="leaderboard-empty">
            {t('leaderboardEmpty')}
          </p>
        ) : (
          <Table caption={t('leaderboardTitle')}>
            <THead>
              <tr>
                <Th>{t('columns.rank')}</Th>
                <Th>{t('columns.referrer')}</Th>
                <Th>{t('columns.workspace')}</Th>
                <Th>{t('columns.code')}</Th>
                <Th className="text-right">{t('columns.clicks')}</Th>
                <Th className="text-right">{t('columns.signups')}</Th>
                <Th className="text-right">{t('columns.conversions')}</Th>
                <Th className="text-right">{t('columns.flagged')}</Th>
              </tr>
            </THead>
            <tbody>
              {board.items.map((r, i) => (
                <tr key={r.code} data-testid="leaderboard-row">
                  <Td className="tabular-nums">{i + 1}</Td>
                  <Td>
                    <span className="block font-medium">{r.name ?? r.email}</span>
                    {r.name ? <span className="block text-xs text-fg-muted">{r.email}</span> : null}
                  </Td>
                  <Td>{r.tenantName}</Td>
                  <Td className="font-mono text-xs">{r.code}</Td>
                  <Td className="text-right tabular-nums">{format.number(r.clicks)}</Td>
                  <Td className="text-right tabular-nums">{format.number(r.signups)}</Td>
                  <Td className="text-right tabular-nums">{format.number(r.conversions)}</Td>
                  <Td className={cn('text-right tabular-nums', r.flagged > 0 && 'font-semibold text-warn')}>{format.number(r.flagged)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card aria-labelledby="flagged-title" className="space-y-4">
        <div>
          <CardTitle id="flagged-title">{t('flaggedTitle')}</CardTitle>
          <p className="mt-1 text-sm text-fg-muted" data-testid="flagged-count">
            {t('flaggedCount', { count: flagged.total })}
          </p>
        </div>
        <div className="rounded-lg border border-border bg-surface-raised/50 p-4 text-sm">
          <h3 className="font-semibold">{t('rulesTitle')}</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-fg-muted">
            <li>{t('rules.burst', { count: BURST_THRESHOLD, minutes: BURST_WINDOW_MINUTES })}</li>
            <li>{t('rules.alias_email')}</li>
          </ul>
          <p className="mt-2 text-fg-muted">{t('refusedNote')}</p>
        </div>
        {flagged.items.length === 0 ? (
          <p className="text-sm text-fg-muted" data-testid="flagged-empty">
            {t('flaggedEmpty')}
          </p>
        ) : (
          <Table caption={t('flaggedTitle')}>
            <THead>
              <tr>
                <Th>{t('columns.date')}</Th>
                <Th>{t('columns.referrer')}</Th>
                <Th>{t('columns.referred')}</Th>
                <Th>{t('columns.workspace')}</Th>
                <Th>{t('columns.reason')}</Th>
              </tr>
            </THead>
            <tbody>
              {flagged.items.map((r) => (
                <tr key={r.id} data-testid="flagged-row">
                  <Td className="whitespace-nowrap">{format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
                  <Td>
                    <span className="block">{r.referrerName ?? r.referrerEmail}</span>
                    <span className="block font-mono text-xs text-fg-muted">{r.code}</span>
                  </Td>
                  <Td>{r.referredEmail}</Td>
                  <Td>{r.referredTenantName}</Td>
                  <Td>
                    {reason(r.flagReason)}
                    {r.converted ? (
                      <span className="ml-2 rounded-full bg-emerald-950 px-2 py-0.5 text-xs font-semibold text-ok">{t('columns.conversions')}</span>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <ServerPager
          pathname="/admin/referrals"
          page={page}
          pages={pages}
          query={period === 'all' ? {} : { period }}
          label={t('flaggedTitle')}
        />
      </Card>
    </div>
  );
}
