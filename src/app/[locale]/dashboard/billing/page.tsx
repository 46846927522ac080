import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { CheckoutForm, DfyPurchase, ManageSubscription } from '~/components/billing/billing-actions';
import { gbpFormatter } from '~/app/[locale]/pricing/pricing-content';
import { buttonClasses } from '~/components/ui/button';
import { UsagePanel } from '~/components/usage/usage-panel';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import { localizedPath } from '~/i18n/paths';
import type { Locale } from '~/i18n/routing';
import {
  BILLING_INTERVALS,
  DFY_PACKAGES,
  DFY_PACKAGES_GBP,
  MONTHLY_PRICE_GBP,
  PLANS,
  TRIAL_DAYS,
  YEARLY_PRICE_GBP,
  type BillingInterval,
  type DfyPackage,
  type Plan,
} from '~/server/domain/billing/pricing';
import { getServerApi } from '~/trpc/server';

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const pick = <T extends string>(values: readonly T[], v: string | undefined): T | null => (values.includes(v as T) ? (v as T) : null);

/**
 * Billing (SPEC B3, B4): current plan, status, trial days left; checkout for a plan (preselected
 * from /pricing's links) or a Done-For-You package; the customer portal, with the "before you
 * go" block in front of cancelling or downgrading.
 */
export default async function BillingPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const api = await getServerApi();
  const [t, tPlans, tStatus, tPricing, tDashboard, format, status] = await Promise.all([
    getTranslations('Billing'),
    getTranslations('Plans'),
    getTranslations('TenantStatus'),
    getTranslations('Pricing'),
    getTranslations('Dashboard'),
    getFormatter(),
    api.billing.status(),
  ]);
  const gbp = gbpFormatter(locale);
  const checkout = one(sp.checkout);
  const sub = status.subscription;
  const live = sub && sub.status !== 'canceled' && sub.status !== 'incomplete_expired' ? sub : null;
  const defaultPlan: Plan = pick(PLANS, one(sp.plan)) ?? status.plan;
  const defaultInterval: BillingInterval = pick(BILLING_INTERVALS, one(sp.interval)) ?? sub?.interval ?? 'month';
  const dfyHighlight: DfyPackage | null = pick(DFY_PACKAGES, one(sp.dfy));

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
          <p className="mt-1 text-fg-muted">{t('lead')}</p>
        </div>
        <Link href="/pricing" className={buttonClasses('ghost', 'sm')}>
          {t('comparePlans')}
        </Link>
      </header>

      {checkout === 'success' ? (
        <p role="status" className="rounded-lg border border-emerald-400/30 bg-emerald-950/50 px-4 py-3 text-sm text-emerald-100">
          {t('checkoutSuccess')}
        </p>
      ) : checkout === 'canceled' ? (
        <p role="status" className="rounded-lg border border-border bg-surface px-4 py-3 text-sm text-fg-muted">
          {t('checkoutCanceled')}
        </p>
      ) : null}
      {!status.canManage ? (
        <p className="rounded-lg border border-border bg-surface px-4 py-3 text-sm text-fg-muted" data-testid="billing-owners-only">
          {t('ownersOnly')}
        </p>
      ) : null}
      {!status.configured ? (
        <p className="rounded-lg border border-amber-400/30 bg-amber-950/40 px-4 py-3 text-sm text-amber-100" data-testid="billing-not-configured">
          {t('notConfigured')}
        </p>
      ) : null}

      {status.status === 'awaiting_card' ? (
        <p className="rounded-lg border border-indigo-400/30 bg-indigo-950/50 px-4 py-3 text-sm text-indigo-100" data-testid="billing-awaiting-card">
          {t('awaitingCard', { days: TRIAL_DAYS })}
        </p>
      ) : null}

      <UsagePanel />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="billing-current">
          <CardTitle id="billing-current">{t('currentTitle')}</CardTitle>
          {status.trialDaysLeft !== null ? (
            <p className="mt-3 rounded-lg border border-indigo-400/30 bg-indigo-950/50 px-3 py-2 text-sm text-indigo-100" data-testid="billing-trial-days">
              {tDashboard('trialDaysLeft', { days: status.trialDaysLeft })}
            </p>
          ) : null}
          <dl className="mt-3 space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">{t('plan')}</dt>
              <dd className="font-medium" data-testid="billing-plan-name">
                {tPlans(status.plan)}
              </dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">{t('status')}</dt>
              <dd className="font-medium" data-testid="billing-status">
                {sub ? t(`subscriptionStatus.${sub.status}`) : tStatus(status.status)}
              </dd>
            </div>
            {sub ? (
              <div className="flex justify-between gap-4">
                <dt className="text-fg-muted">{t('interval')}</dt>
                <dd className="font-medium">{t(`intervals.${sub.interval}`)}</dd>
              </div>
            ) : null}
            <div className="flex justify-between gap-4">
              <dt className="text-fg-muted">{t('support')}</dt>
              <dd className="font-medium">{t('supportValue', { hours: status.supportSlaHours })}</dd>
            </div>
          </dl>
          {live?.currentPeriodEnd ? (
            <p className="mt-3 text-sm text-fg-muted">
              {t(live.cancelAtPeriodEnd ? 'endsOn' : 'renewsOn', { date: format.dateTime(live.currentPeriodEnd, { dateStyle: 'long' }) })}
            </p>
          ) : null}
          {!sub ? <p className="mt-3 text-sm text-fg-muted">{t('noSubscription')}</p> : null}
          <p className="mt-4 text-xs text-fg-muted">{tPricing('trialText')}</p>
        </Card>

        <Card aria-labelledby="billing-choose">
          <CardTitle id="billing-choose">{t('chooseTitle')}</CardTitle>
          <CardDescription>{t('chooseLead')}</CardDescription>
          <CheckoutForm
            plans={PLANS.map((p) => ({ id: p, name: tPlans(p), price: { month: gbp(MONTHLY_PRICE_GBP[p]), year: gbp(YEARLY_PRICE_GBP[p]) } }))}
            defaultPlan={defaultPlan}
            defaultInterval={defaultInterval}
            configured={status.configured}
          />
        </Card>

        <Card aria-labelledby="billing-manage">
          <CardTitle id="billing-manage">{t('manageTitle')}</CardTitle>
          <CardDescription>{t('manageLead')}</CardDescription>
          <ManageSubscription
            hasBillingAccount={status.hasBillingAccount}
            configured={status.configured}
            supportHref={localizedPath('/dashboard/support', locale)}
            supportHours={status.supportSlaHours}
          />
        </Card>

        <Card aria-labelledby="billing-dfy">
          <CardTitle id="billing-dfy">{t('dfyTitle')}</CardTitle>
          <CardDescription>{t('dfyLead')}</CardDescription>
          <DfyPurchase
            packages={DFY_PACKAGES.map((p) => ({ id: p, name: tPricing(`dfy.packages.${p}.name`), price: gbp(DFY_PACKAGES_GBP[p]) }))}
            highlight={dfyHighlight}
            configured={status.configured}
          />
        </Card>
      </div>
    </div>
  );
}
