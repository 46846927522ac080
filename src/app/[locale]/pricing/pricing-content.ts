import 'server-only';
import { USAGE_LIMITS } from '~/server/domain/billing/limits';
import { getTranslations } from 'next-intl/server';
import { localizedPath } from '~/i18n/paths';
import { ROI_ASSUMPTIONS, ROI_LIMITS } from '~/lib/roi';
import {
  DFY_PACKAGES,
  DFY_PACKAGES_GBP,
  MONTHLY_PRICE_GBP,
  PLAN_FEATURES,
  PLANS,
  SUPPORT_SLA_HOURS,
  YEARLY_PRICE_GBP,
  type BillingInterval,
  type DfyPackage,
  type Plan,
} from '~/server/domain/billing/pricing';
import type { ExitIntentTexts } from '~/components/pricing/exit-intent';
import type { PlanView, PricingPlansTexts } from '~/components/pricing/pricing-plans';
import type { RoiTexts } from '~/components/pricing/roi-calculator';

/** Whole pounds as GBP in the visitor's locale ("£29", "29 £", "£ 29"). */
export function gbpFormatter(locale: string): (pounds: number) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 0 });
  return (pounds) => format.format(pounds);
}

export type DfyView = { id: DfyPackage; name: string; body: string; price: string; cta: string; href: string };

/** Where a plan's button leads: signed-in users to billing (plan preselected), visitors to sign-up. */
export function planHref(locale: string, signedIn: boolean, plan: Plan, interval: BillingInterval): string {
  // Visitors carry the plan through sign-up: with Stripe, Checkout opens on it (decision 019).
  return `${localizedPath(signedIn ? '/dashboard/billing' : '/sign-up', locale)}?plan=${plan}&interval=${interval}`;
}

/**
 * Everything the pricing page's client components show, translated and formatted on the server
 * (SPEC B2): figures come from pricing.ts, never from the catalogs.
 */
export async function getPricingContent(locale: string, opts: { signedIn: boolean }) {
  const [t, tPlans] = await Promise.all([getTranslations('Pricing'), getTranslations('Plans')]);
  const gbp = gbpFormatter(locale);
  const number = new Intl.NumberFormat(locale);

  const plans: PlanView[] = PLANS.map((plan, i) => {
    const previous = i > 0 ? PLANS[i - 1] : undefined;
    return {
      id: plan,
      name: tPlans(plan),
      tagline: t(`plans.${plan}.tagline`),
      price: { month: gbp(MONTHLY_PRICE_GBP[plan]), year: gbp(YEARLY_PRICE_GBP[plan]) },
      sla: t('sla', { hours: SUPPORT_SLA_HOURS[plan] }),
      everythingIn: previous ? t('everythingIn', { plan: tPlans(previous) }) : null,
      featuresLabel: t('featuresLabel', { plan: tPlans(plan) }),
      features: PLAN_FEATURES[plan].map((feature) =>
        feature === 'limits'
          ? t('features.limits', {
              runs: number.format(USAGE_LIMITS[plan].workflow_run),
              apiCalls: number.format(USAGE_LIMITS[plan].api_call),
              aiCredits: number.format(USAGE_LIMITS[plan].ai_credit),
            })
          : t(`features.${feature}`),
      ),
      cta: {
        label: opts.signedIn ? t('ctaChoose', { plan: tPlans(plan) }) : t('ctaTrial'),
        href: { month: planHref(locale, opts.signedIn, plan, 'month'), year: planHref(locale, opts.signedIn, plan, 'year') },
      },
      popular: plan === 'growth',
    };
  });

  const dfy: DfyView[] = DFY_PACKAGES.map((pkg) => ({
    id: pkg,
    name: t(`dfy.packages.${pkg}.name`),
    body: t(`dfy.packages.${pkg}.body`),
    price: gbp(DFY_PACKAGES_GBP[pkg]),
    cta: t('dfy.cta', { package: t(`dfy.packages.${pkg}.name`) }),
    href: opts.signedIn ? `${localizedPath('/dashboard/billing', locale)}?dfy=${pkg}` : localizedPath('/sign-up', locale),
  }));

  const planTexts: PricingPlansTexts = {
    periodLabel: t('periodLabel'),
    monthly: t('monthly'),
    yearly: t('yearly'),
    yearlyNote: t('yearlyNote'),
    perMonth: t('perMonth'),
    perYear: t('perYear'),
    popular: t('popular'),
  };

  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const roi: RoiTexts = {
    title: t('roi.title'),
    lead: t('roi.lead'),
    hoursLabel: t('roi.hoursLabel'),
    rateLabel: t('roi.rateLabel'),
    hoursSaved: t('roi.hoursSaved'),
    valueSaved: t('roi.valueSaved'),
    assumption: t('roi.assumption', {
      weeks: ROI_ASSUMPTIONS.weeksPerYear,
      months: ROI_ASSUMPTIONS.monthsPerYear,
      share: percent.format(ROI_ASSUMPTIONS.automationShare),
    }),
    hoursError: t('roi.hoursError', { min: number.format(ROI_LIMITS.hoursPerWeek.min), max: number.format(ROI_LIMITS.hoursPerWeek.max) }),
    rateError: t('roi.rateError', { min: number.format(ROI_LIMITS.hourlyRate.min), max: number.format(ROI_LIMITS.hourlyRate.max) }),
  };

  const exit: ExitIntentTexts = {
    title: t('exit.title'),
    body: t('exit.body'),
    trialText: t('trialText'),
    cta: t('exit.cta'),
    later: t('exit.later'),
  };

  return { plans, planTexts, dfy, roi, exit };
}
