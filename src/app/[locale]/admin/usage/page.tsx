import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import { Table, Td, Th, THead } from '~/components/ui/table';
import { METER_KEYS, type MeterKey } from '~/components/usage/types';
import type { Locale } from '~/i18n/routing';
import { cn } from '~/lib/cn';
import { getServerApi } from '~/trpc/server';

const SORTS = ['fullest', 'name', ...METER_KEYS] as const;
type Sort = (typeof SORTS)[number];

/** SPEC P3: this month's usage of every workspace against its limits, sortable (admins only). */
export default async function AdminUsagePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const sort: Sort = SORTS.includes(sp.sort as Sort) ? (sp.sort as Sort) : 'fullest';
  const api = await getServerApi();
  const [t, format, rows] = await Promise.all([getTranslations('Usage'), getFormatter(), api.usage.tenants()]);
  const percentOf = (r: (typeof rows)[number], m: MeterKey) => r.meters.find((x) => x.meter === m)?.percent ?? 0;
  const sorted = [...rows].sort((a, b) =>
    sort === 'name' ? a.name.localeCompare(b.name) : sort === 'fullest' ? b.maxPercent - a.maxPercent : percentOf(b, sort) - percentOf(a, sort),
  );
  const header = (key: Sort, label: string) => (
    <Th aria-sort={sort === key ? (key === 'name' ? 'ascending' : 'descending') : undefined}>
      <Link href={`/admin/usage?sort=${key}`} className="underline-offset-2 hover:underline" aria-label={t('admin.sortBy', { column: label })}>
        {label}
      </Link>
    </Th>
  );

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('admin.title')}</h1>
        <p className="mt-1 text-fg-muted">{t('admin.description')}</p>
      </header>
      <Card>
        <CardTitle>{t('title')}</CardTitle>
        {sorted.length === 0 ? (
          <CardDescription className="mt-2">{t('admin.empty')}</CardDescription>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <Table caption={t('admin.title')}>
              <THead>
                <tr>
                  {header('name', t('admin.workspace'))}
                  <Th>{t('admin.plan')}</Th>
                  {METER_KEYS.map((m) => header(m, t(`meters.${m}`)))}
                  {header('fullest', t('admin.fullest'))}
                </tr>
              </THead>
              <tbody>
                {sorted.map((r) => (
                  <tr key={r.tenantId} className="border-t border-border">
                    <Td className="max-w-48 truncate font-medium">{r.name}</Td>
                    <Td>{t(`plans.${r.plan}`)}</Td>
                    {METER_KEYS.map((m) => {
                      const cell = r.meters.find((x) => x.meter === m)!;
                      return (
                        <Td key={m} className="tabular-nums">
                          {t('usedOf', { used: format.number(cell.used), limit: format.number(cell.limit) })}
                        </Td>
                      );
                    })}
                    <Td>
                      <span className={cn('tabular-nums', r.maxPercent >= 100 ? 'text-rose-300' : r.maxPercent >= 80 ? 'text-amber-300' : '')}>
                        {t('percent', { percent: format.number(r.maxPercent, { maximumFractionDigits: 1 }) })}
                      </span>
                      {r.maxPercent >= 100 ? <span className="ml-2 text-xs text-rose-300">{t('admin.over')}</span> : r.maxPercent >= 80 ? <span className="ml-2 text-xs text-amber-300">{t('admin.near')}</span> : null}
                    </Td>
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
