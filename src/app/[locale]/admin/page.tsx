import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '~/components/ui/card';
import { ServerPager } from '~/components/ui/server-pager';
import { Table, Td, Th, THead } from '~/components/ui/table';
import type { Locale } from '~/i18n/routing';
import { getServerApi } from '~/trpc/server';

const PAGE = 25;
const FIGURES = [
  ['tenants', 'tenants'],
  ['trialing', 'trialing'],
  ['active', 'active'],
  ['users', 'users'],
  ['workflows', 'workflows'],
  ['signupsLast7Days', 'signups7d'],
] as const;

export default async function AdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const page = Math.max(0, Math.min(10_000, Number.parseInt(sp.page ?? '0', 10) || 0));
  const api = await getServerApi();
  const [t, tPlans, tStatus, format, overview, tenants] = await Promise.all([
    getTranslations('Admin'),
    getTranslations('Plans'),
    getTranslations('TenantStatus'),
    getFormatter(),
    api.admin.overview(),
    api.admin.tenants({ limit: PAGE, offset: page * PAGE }),
  ]);
  const pages = Math.max(1, Math.ceil(tenants.total / PAGE));

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
        {FIGURES.map(([key, label]) => (
          <Card key={key} className="p-4">
            <dt className="text-xs text-fg-muted">{t(`overview.${label}`)}</dt>
            <dd className="mt-1 text-2xl font-semibold">{format.number(overview[key])}</dd>
          </Card>
        ))}
      </dl>
      <section aria-labelledby="tenants-title" className="space-y-3">
        <h2 id="tenants-title" className="text-lg font-semibold">
          {t('tenantsTitle')}
        </h2>
        <Table caption={t('tenantsTitle')}>
          <THead>
            <tr>
              <Th>{t('columns.name')}</Th>
              <Th>{t('columns.plan')}</Th>
              <Th>{t('columns.status')}</Th>
              <Th>{t('columns.members')}</Th>
              <Th>{t('columns.created')}</Th>
              <Th>{t('columns.lastActivity')}</Th>
            </tr>
          </THead>
          <tbody>
            {tenants.items.map((row) => (
              <tr key={row.id}>
                <Td className="font-medium">{row.name}</Td>
                <Td>{tPlans(row.plan)}</Td>
                <Td>{tStatus(row.status)}</Td>
                <Td>{format.number(row.members)}</Td>
                <Td>{format.dateTime(row.createdAt, { dateStyle: 'medium' })}</Td>
                <Td>{row.lastActivityAt ? format.relativeTime(row.lastActivityAt) : t('never')}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <ServerPager pathname="/admin" page={page} pages={pages} />
      </section>
    </div>
  );
}
