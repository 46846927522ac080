import { z } from 'zod';

/** Inputs and outputs of discount suggestions (SPEC G5), for the admin-only tRPC procedures. */
export const DISCOUNT_SUGGESTION_STATUSES = ['suggested', 'applied', 'dismissed'] as const;
export const discountSuggestionStatusSchema = z.enum(DISCOUNT_SUGGESTION_STATUSES);

export const discountSuggestionSchema = z.object({
  id: z.string(),
  /** The UTC day whose roll-up produced it (its 14-day window ends that day). */
  day: z.string(),
  /** A rule id (see DISCOUNT_RULES), e.g. low_trial_conversion. */
  rule: z.string(),
  /** A utm source, or '*' for all sources. */
  source: z.string(),
  percentOff: z.number().int(),
  durationMonths: z.number().int(),
  /** The figures that triggered it (counts, rates in percent, thresholds). */
  reason: z.record(z.string(), z.union([z.string(), z.number()])),
  status: discountSuggestionStatusSchema,
  stripeCouponId: z.string().nullable(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});
export type DiscountSuggestion = z.infer<typeof discountSuggestionSchema>;

export const listDiscountSuggestionsOutputSchema = z.object({
  /** PRICING_AUTO_APPLY: suggestions can be applied (as Stripe coupons) only when on. */
  autoApply: z.boolean(),
  stripeConfigured: z.boolean(),
  /** Suggestions awaiting a decision: the latest per rule and source. */
  pending: z.array(discountSuggestionSchema),
  /** The latest decisions (applied or dismissed), newest first. */
  recent: z.array(discountSuggestionSchema),
});
export type DiscountSuggestionList = z.infer<typeof listDiscountSuggestionsOutputSchema>;

export const decideDiscountInputSchema = z.strictObject({
  id: z.uuid('Unknown suggestion'),
  decision: z.enum(['apply', 'dismiss']),
});
export type DecideDiscountInput = z.input<typeof decideDiscountInputSchema>;

export const decideDiscountOutputSchema = z.object({
  suggestion: discountSuggestionSchema,
  /** Older pending suggestions of the same rule and source, closed with this decision. */
  superseded: z.number().int(),
});
export type DecideDiscountResult = z.infer<typeof decideDiscountOutputSchema>;
