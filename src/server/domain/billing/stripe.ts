import Stripe from 'stripe';
import { env } from '~/env';

/**
 * The Stripe adapter: the official SDK when STRIPE_SECRET_KEY is set, nothing otherwise
 * (callers report "not_configured"). STRIPE_API_BASE points the SDK at a local server in tests.
 */
export function createStripe(
  opts: { secretKey?: string; apiBase?: string; timeoutMs?: number } = {},
): Stripe | null {
  const key = opts.secretKey ?? env.STRIPE_SECRET_KEY;
  if (!key) return null;
  const base = opts.apiBase ?? env.STRIPE_API_BASE;
  const url = base ? new URL(base) : null;
  return new Stripe(key, {
    maxNetworkRetries: 0,
    timeout: opts.timeoutMs ?? 10_000,
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
          protocol: url.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
}

const globalForStripe = globalThis as unknown as { levqorStripe?: Stripe | null };
export function getStripe(): Stripe | null {
  if (globalForStripe.levqorStripe === undefined) globalForStripe.levqorStripe = createStripe();
  return globalForStripe.levqorStripe;
}

/**
 * When a new workspace's trial starts (decision 019): with Stripe configured, at Checkout once a
 * card is on file ("Card required"); without it, at sign-up — and the pages say so.
 */
export function signupTrial(): 'now' | 'at_checkout' {
  return getStripe() ? 'at_checkout' : 'now';
}
