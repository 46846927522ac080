import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AiPanels } from '~/components/ai/ai-panels';
import { HealthOverview } from '~/components/dashboard/health-overview';
import { GrowthPanel } from '~/components/growth/growth-panel';
import { UsagePanel } from '~/components/usage/usage-panel';
import { buttonClasses } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';
import { ABANDONED_SIGNUP_DAYS } from '~/server/domain/accounts/lifecycle';
import { TRIAL_DAYS } from '~/server/domain/billing/pricing';
import { getServerApi, HydrateClient, prefetch } from '~/trpc/server';

export default async function DashboardPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const api = await getServerApi();
  const [t, tPlans, tStatus, tRoles, me, workflows] = await Promise.all([
    getTranslations('Dashboard'),
    getTranslations('Plans'),
    getTranslations('TenantStatus'),
    getTranslations('Roles'),
    api.account.me(),
    api.workflows.list({ limit: 5, offset: 0 }),
    // The panels' first paint comes with their data (hydrated below), not "Loading…".
    prefetch.health.summary.prefetch(),
    prefetch.usage.summary.prefetch(),
    prefetch.growth.recommended.prefetch({ limit: 3, locale }),
    prefetch.referrals.mine.prefetch(),
    prefetch.referrals.stats.prefetch(),
    prefetch.ai.usage.prefetch(),
  ]);

  return (
    <HydrateClient>
      <div className="space-y-6">
        <header>
          <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
          <p className="mt-1 text-fg-muted" data-testid="dashboard-welcome">
            {me.user.name ? t('welcome', { name: me.user.name }) : t('welcomeAnonymous')}
          </p>
        </header>

        {me.tenant.status === 'awaiting_card' ? (
          <div
            className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-400/30 bg-amber-950/40 px-4 py-3 text-sm text-amber-100"
            data-testid="awaiting-card"
          >
            <p>
              {t('awaitingCard', { days: TRIAL_DAYS })} {t('awaitingCardExpiry', { days: ABANDONED_SIGNUP_DAYS })}
            </p>
            <Link href="/dashboard/billing" className={buttonClasses('primary', 'sm')}>
              {t('addCard')}
            </Link>
          </div>
        ) : null}
        {me.tenant.trialDaysLeft !== null ? (
          <p className="rounded-lg border border-indigo-400/30 bg-indigo-950/50 px-4 py-3 text-sm text-indigo-100">
            {t('trialDaysLeft', { days: me.tenant.trialDaysLeft })}
          </p>
        ) : null}

        <UsagePanel />

        <div className="grid gap-4 lg:grid-cols-2">
          <HealthOverview isAdmin={me.user.role === 'admin'} />
          <GrowthPanel />
        </div>

        <AiPanels />

        <div className="grid gap-4 sm:grid-cols-2">
          <Card>
            <CardTitle>{t('workspace')}</CardTitle>
            <dl className="mt-3 space-y-2 text-sm">
              <div className="flex justify-between gap-4">
                <dt className="text-fg-muted">{t('workspace')}</dt>
                <dd className="min-w-0 truncate font-medium" data-testid="tenant-name">
                  {me.tenant.name}
                </dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-fg-muted">{t('plan')}</dt>
                <dd className="font-medium">{tPlans(me.tenant.plan)}</dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-fg-muted">{t('status')}</dt>
                <dd className="font-medium">{tStatus(me.tenant.status)}</dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-fg-muted">{t('role')}</dt>
                <dd className="font-medium">{tRoles(me.user.role)}</dd>
              </div>
            </dl>
          </Card>
          <Card>
            <CardTitle>{t('workflowsTitle')}</CardTitle>
            <p className="mt-3 text-3xl font-semibold" data-testid="workflow-count">
              {workflows.total}
            </p>
            <p className="text-sm text-fg-muted">{t('workflowsCount', { count: workflows.total })}</p>
            <Link href="/dashboard/workflows" className={buttonClasses('secondary', 'sm', 'mt-4')}>
              {t('viewWorkflows')}
            </Link>
          </Card>
        </div>
      </div>
    </HydrateClient>
  );
}
