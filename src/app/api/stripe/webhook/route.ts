import { billingConfigFromEnv } from '~/server/domain/billing/config';
import { handleStripeWebhook } from '~/server/domain/billing/webhook';
import { getStripe } from '~/server/domain/billing/stripe';
import { getDb } from '~/server/infra/db/client';
import { rest } from '~/server/transport/rest/rest';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Stripe webhooks (SPEC B3): the raw body is verified against its Stripe-Signature header
 * (STRIPE_WEBHOOK_SECRET). 200 `{ received, eventId, type, outcome }` for applied, replayed,
 * stale and ignored events; 400 for a bad signature; 503 when Stripe is not configured. Not rate
 * limited (Stripe retries; the signature is the gate) and not CSRF-checked (server to server).
 */
export const POST = rest({ name: 'stripe.webhook', rateClass: null }, async (req, { log }) => {
  const payload = await req.text();
  const result = await handleStripeWebhook(
    { db: getDb(), stripe: getStripe(), config: billingConfigFromEnv(), log },
    { payload, signature: req.headers.get('stripe-signature') },
  );
  return Response.json(result, { status: 200, headers: { 'cache-control': 'no-store' } });
});
