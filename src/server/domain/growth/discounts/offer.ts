import { and, desc, eq, gt, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '~/server/infra/db/client';
import { discountSuggestions } from '~/server/infra/db/schema';
import { normaliseUtm } from '../events';
import { ALL_SOURCES } from '../intelligence/sql';

/**
 * Which applied discount a new checkout carries (SPEC G5, issue 16 #3). An applied suggestion's
 * Stripe coupon is offered on plan checkouts while PRICING_AUTO_APPLY is on, for
 * `OFFER_DAYS` after an admin applied it: to workspaces that signed up from the suggestion's
 * source, or to every workspace for an all-sources ('*') suggestion. A suggestion for the
 * workspace's own source wins over an all-sources one; the most recent decision wins next.
 */
export const OFFER_DAYS = 30;

export type DiscountOffer = { suggestionId: string; couponId: string; percentOff: number; durationMonths: number };

export async function currentDiscountOffer(db: Db, input: { signupSource: string | null; now: Date }): Promise<DiscountOffer | null> {
  const source = normaliseUtm(input.signupSource) ?? 'direct';
  const since = new Date(input.now.getTime() - OFFER_DAYS * 86_400_000);
  const rows = await db
    .select({
      suggestionId: discountSuggestions.id,
      couponId: discountSuggestions.stripeCouponId,
      percentOff: discountSuggestions.percentOff,
      durationMonths: discountSuggestions.durationMonths,
      source: discountSuggestions.source,
    })
    .from(discountSuggestions)
    .where(
      and(
        eq(discountSuggestions.status, 'applied'),
        isNotNull(discountSuggestions.stripeCouponId),
        gt(discountSuggestions.decidedAt, since),
        lte(discountSuggestions.decidedAt, input.now),
        inArray(discountSuggestions.source, [source, ALL_SOURCES]),
      ),
    )
    .orderBy(desc(discountSuggestions.decidedAt))
    .limit(10);
  const best = rows.find((r) => r.source === source) ?? rows[0];
  return best?.couponId ? { suggestionId: best.suggestionId, couponId: best.couponId, percentOff: best.percentOff, durationMonths: best.durationMonths } : null;
}
