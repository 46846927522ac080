import type Stripe from 'stripe';
import { env } from '~/env';
import { AppError } from '~/server/errors';
import { BILLING_INTERVALS, DFY_PACKAGES, PLANS, type BillingInterval, type DfyPackage, type Plan } from './pricing';

/**
 * Billing configuration: Stripe price ids per plan and interval and per Done-For-You package,
 * the public base URL for Checkout's return links and the webhook signing secret. Read from env
 * by the transports (`billingConfigFromEnv`) and passed to the domain functions, so tests give
 * their own without touching env.
 */
export type PriceIds = {
  plans: Record<Plan, Record<BillingInterval, string | undefined>>;
  dfy: Record<DfyPackage, string | undefined>;
};
export type BillingConfig = {
  /** Public base URL (APP_URL): success and cancel URLs of Checkout, the portal's return URL. */
  appUrl: string;
  prices: PriceIds;
  /** STRIPE_WEBHOOK_SECRET (whsec_...); without it webhooks are refused (503). */
  webhookSecret?: string;
};

/** The env variable holding each price id (named in configuration errors). */
export const PRICE_ENV = {
  plans: {
    starter: { month: 'STRIPE_PRICE_STARTER_MONTHLY', year: 'STRIPE_PRICE_STARTER_YEARLY' },
    growth: { month: 'STRIPE_PRICE_GROWTH_MONTHLY', year: 'STRIPE_PRICE_GROWTH_YEARLY' },
    pro: { month: 'STRIPE_PRICE_PRO_MONTHLY', year: 'STRIPE_PRICE_PRO_YEARLY' },
    business: { month: 'STRIPE_PRICE_BUSINESS_MONTHLY', year: 'STRIPE_PRICE_BUSINESS_YEARLY' },
  },
  dfy: {
    starter: 'STRIPE_PRICE_DFY_STARTER',
    professional: 'STRIPE_PRICE_DFY_PROFESSIONAL',
    enterprise: 'STRIPE_PRICE_DFY_ENTERPRISE',
  },
} as const satisfies { plans: Record<Plan, Record<BillingInterval, keyof typeof env>>; dfy: Record<DfyPackage, keyof typeof env> };

export function billingConfigFromEnv(): BillingConfig {
  const read = (name: keyof typeof env) => {
    const value = env[name];
    return typeof value === 'string' && value ? value : undefined;
  };
  return {
    appUrl: env.APP_URL,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    prices: {
      plans: Object.fromEntries(
        PLANS.map((plan) => [plan, Object.fromEntries(BILLING_INTERVALS.map((i) => [i, read(PRICE_ENV.plans[plan][i])]))]),
      ) as PriceIds['plans'],
      dfy: Object.fromEntries(DFY_PACKAGES.map((p) => [p, read(PRICE_ENV.dfy[p])])) as PriceIds['dfy'],
    },
  };
}

/** Which plan and interval a Stripe price id stands for (null for an unknown price). */
export function planForPriceId(prices: PriceIds, priceId: string | null | undefined): { plan: Plan; interval: BillingInterval } | null {
  if (!priceId) return null;
  for (const plan of PLANS) {
    for (const interval of BILLING_INTERVALS) {
      if (prices.plans[plan][interval] === priceId) return { plan, interval };
    }
  }
  return null;
}

/** The message checkout, portal and webhooks answer with when Stripe is not set up. */
export const NOT_CONFIGURED_MESSAGE = 'Online billing is not configured on this server yet (STRIPE_SECRET_KEY).';

export function requireStripe(stripe: Stripe | null): Stripe {
  if (!stripe) throw new AppError('SERVICE_UNAVAILABLE', NOT_CONFIGURED_MESSAGE);
  return stripe;
}

/** Stripe's locale for a Levqor locale (Checkout and the portal speak all nine). */
export function stripeLocale(locale: string): Stripe.Checkout.SessionCreateParams.Locale {
  const map: Record<string, Stripe.Checkout.SessionCreateParams.Locale> = {
    en: 'en-GB',
    es: 'es',
    fr: 'fr',
    de: 'de',
    pt: 'pt',
    it: 'it',
    nl: 'nl',
    hi: 'hi-IN',
    ja: 'ja',
  };
  return map[locale] ?? 'auto';
}
