import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '~/server/infra/db/client';
import { discountSuggestions } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { logger, type Logger } from '~/server/infra/logger';
import {
  decideDiscountInputSchema,
  type DecideDiscountInput,
  type DecideDiscountResult,
  type DiscountSuggestion,
  type DiscountSuggestionList,
} from './schemas';

/**
 * Admin decisions on discount suggestions (SPEC G5, DEV_SAFETY §1).
 *
 * Applying creates a Stripe coupon — `coupons.create({ percent_off, duration: 'repeating',
 * duration_in_months })` — and nothing else: locked prices and products are never edited. It is
 * refused unless auto-apply is on (`autoApply`, from env PRICING_AUTO_APPLY in production) and a
 * Stripe client is configured. The coupon request carries an idempotency key per suggestion, so
 * two admins applying at once get the same coupon; only then is the suggestion marked applied
 * (conditional update), so a failed Stripe call changes nothing.
 *
 * Deciding on a suggestion also closes older pending suggestions of the same rule and source
 * (the same advice from earlier days) as dismissed.
 */
export type DiscountListDeps = { db: Db; autoApply: boolean; stripeConfigured: boolean };
export type DiscountDecisionDeps = {
  db: Db;
  /** The Stripe client, or null when Stripe is not configured. */
  stripe: Stripe | null;
  /** PRICING_AUTO_APPLY: passed in explicitly (the router reads env). */
  autoApply: boolean;
  now?: () => Date;
  log?: Logger;
};

const RECENT_DECISIONS = 10;

export const AUTO_APPLY_OFF_MESSAGE =
  'Discounts are applied only when PRICING_AUTO_APPLY is on. Nothing was changed: no coupon was created and prices stay as they are.';
export const STRIPE_NOT_CONFIGURED_MESSAGE =
  'Stripe is not configured (STRIPE_SECRET_KEY), so no coupon can be created. Nothing was changed.';

const columns = {
  id: discountSuggestions.id,
  day: discountSuggestions.day,
  rule: discountSuggestions.rule,
  source: discountSuggestions.source,
  percentOff: discountSuggestions.percentOff,
  durationMonths: discountSuggestions.durationMonths,
  reason: discountSuggestions.reason,
  status: discountSuggestions.status,
  stripeCouponId: discountSuggestions.stripeCouponId,
  createdAt: discountSuggestions.createdAt,
  decidedAt: discountSuggestions.decidedAt,
};

export async function listDiscountSuggestions(deps: DiscountListDeps): Promise<DiscountSuggestionList> {
  const [pending, recent] = await Promise.all([
    // The latest pending suggestion per rule and source (DISTINCT ON), newest day first.
    deps.db
      .selectDistinctOn([discountSuggestions.rule, discountSuggestions.source], columns)
      .from(discountSuggestions)
      .where(eq(discountSuggestions.status, 'suggested'))
      .orderBy(discountSuggestions.rule, discountSuggestions.source, desc(discountSuggestions.day)),
    deps.db
      .select(columns)
      .from(discountSuggestions)
      .where(inArray(discountSuggestions.status, ['applied', 'dismissed']))
      .orderBy(desc(discountSuggestions.decidedAt), desc(discountSuggestions.id))
      .limit(RECENT_DECISIONS),
  ]);
  pending.sort((a, b) => (a.day === b.day ? (a.rule + a.source < b.rule + b.source ? -1 : 1) : a.day < b.day ? 1 : -1));
  return { autoApply: deps.autoApply, stripeConfigured: deps.stripeConfigured, pending, recent };
}

const STATUS_WORD = { applied: 'applied', dismissed: 'dismissed', suggested: 'pending' } as const;

function couponName(s: Pick<DiscountSuggestion, 'percentOff' | 'durationMonths'>): string {
  // Stripe shows the name to customers; at most 40 characters.
  return `Levqor ${s.percentOff}% off for ${s.durationMonths} month${s.durationMonths === 1 ? '' : 's'}`.slice(0, 40);
}

/** Closes older pending suggestions of the same rule and source. */
async function supersede(db: Db, s: DiscountSuggestion, decidedAt: Date): Promise<number> {
  const rows = await db
    .update(discountSuggestions)
    .set({ status: 'dismissed', decidedAt })
    .where(
      and(
        eq(discountSuggestions.rule, s.rule),
        eq(discountSuggestions.source, s.source),
        eq(discountSuggestions.status, 'suggested'),
        lt(discountSuggestions.day, s.day),
      ),
    )
    .returning({ id: discountSuggestions.id });
  return rows.length;
}

export async function decideDiscountSuggestion(deps: DiscountDecisionDeps, rawInput: DecideDiscountInput): Promise<DecideDiscountResult> {
  const parsed = decideDiscountInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'Invalid input');
  const { id, decision } = parsed.data;
  const log = (deps.log ?? logger).child({ module: 'discounts' });
  const now = () => deps.now?.() ?? new Date();

  const [current] = await deps.db.select(columns).from(discountSuggestions).where(eq(discountSuggestions.id, id));
  if (!current) throw new AppError('NOT_FOUND', 'This discount suggestion does not exist.');
  if (current.status !== 'suggested') {
    throw new AppError('CONFLICT', `This suggestion was already ${STATUS_WORD[current.status]}.`);
  }

  if (decision === 'dismiss') {
    const at = now();
    const [row] = await deps.db
      .update(discountSuggestions)
      .set({ status: 'dismissed', decidedAt: at })
      .where(and(eq(discountSuggestions.id, id), eq(discountSuggestions.status, 'suggested')))
      .returning(columns);
    if (!row) throw new AppError('CONFLICT', 'This suggestion was decided by someone else a moment ago.');
    const superseded = await supersede(deps.db, row, at);
    log.info({ suggestionId: id, rule: row.rule, decision, superseded }, 'discount suggestion dismissed');
    return { suggestion: row, superseded };
  }

  // Applying: only with auto-apply on and Stripe configured; otherwise nothing happens.
  if (!deps.autoApply) throw new AppError('UNPROCESSABLE', AUTO_APPLY_OFF_MESSAGE);
  if (!deps.stripe) throw new AppError('UNPROCESSABLE', STRIPE_NOT_CONFIGURED_MESSAGE);

  let coupon: Stripe.Coupon;
  try {
    coupon = await deps.stripe.coupons.create(
      {
        percent_off: current.percentOff,
        duration: 'repeating',
        duration_in_months: current.durationMonths,
        name: couponName(current),
        metadata: { levqor_suggestion_id: id, rule: current.rule, source: current.source, day: current.day },
      },
      { idempotencyKey: `levqor-discount-suggestion-${id}` },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn({ suggestionId: id, rule: current.rule, reason: message }, 'stripe coupon not created');
    throw new AppError('SERVICE_UNAVAILABLE', `Stripe did not create the coupon (${message}). Nothing was changed; try again later.`, {
      cause: error,
    });
  }

  const at = now();
  const [row] = await deps.db
    .update(discountSuggestions)
    .set({ status: 'applied', stripeCouponId: coupon.id, decidedAt: at })
    .where(and(eq(discountSuggestions.id, id), eq(discountSuggestions.status, 'suggested')))
    .returning(columns);
  if (!row) {
    // Someone decided meanwhile. Applied by a concurrent call: same idempotency key, same coupon.
    const [latest] = await deps.db.select(columns).from(discountSuggestions).where(eq(discountSuggestions.id, id));
    if (latest?.status === 'applied' && latest.stripeCouponId === coupon.id) return { suggestion: latest, superseded: 0 };
    await deps.stripe.coupons.del(coupon.id).catch((error: unknown) => {
      log.warn({ suggestionId: id, couponId: coupon.id, reason: error instanceof Error ? error.message : String(error) }, 'stripe coupon not removed');
    });
    throw new AppError('CONFLICT', 'This suggestion was dismissed while the coupon was being created; the coupon was removed again.');
  }
  const superseded = await supersede(deps.db, row, at);
  log.info({ suggestionId: id, rule: row.rule, couponId: coupon.id, percentOff: row.percentOff, superseded }, 'discount suggestion applied as a stripe coupon');
  return { suggestion: row, superseded };
}

/** For tests and the job's summary: suggestions of one day. */
export async function suggestionsOfDay(db: Db, day: string): Promise<DiscountSuggestion[]> {
  return db.select(columns).from(discountSuggestions).where(eq(discountSuggestions.day, day)).orderBy(discountSuggestions.rule, discountSuggestions.source);
}

