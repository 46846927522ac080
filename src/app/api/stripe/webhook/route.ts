import { billingConfigFromEnv } from '~/server/domain/billing/config';
import { getStripe } from '~/server/domain/billing/stripe';
import { handleStripeWebhook } from '~/server/domain/billing/webhook';
import { getDb } from '~/server/infra/db/client';
import { getRedis } from '~/server/infra/redis';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Stripe webhooks (SPEC B3): the raw body is verified against its Stripe-Signature header
 * (STRIPE_WEBHOOK_SECRET). 200 `{ received, eventId, type, outcome }` for applied, replayed,
 * stale and ignored events; 400 for a bad signature; 503 when Stripe is not configured. Not rate
 * limited (Stripe retries; the signature is the gate) and not CSRF-checked (server to server).
 */
export const POST = route(
  { name: 'stripe.webhook', auth: 'public', rateClass: null, csrf: 'none', body: { kind: 'text', maxBytes: 512 * 1024 } },
  ({ body, req, log }) =>
    handleStripeWebhook(
      { db: getDb(), redis: getRedis(), stripe: getStripe(), config: billingConfigFromEnv(), log },
      { payload: body, signature: req.headers.get('stripe-signature') },
    ),
);
