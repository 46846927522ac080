/** Discount suggestions (SPEC G5): computed by the daily growth roll-up, decided by admins. */
export {
  computeDiscountSuggestions,
  evaluateDiscountRules,
  DISCOUNT_RULES,
  DISCOUNT_RULE_IDS,
  DISCOUNT_WINDOW_DAYS,
  DISCOUNT_COOLDOWN_DAYS,
  type DiscountRule,
  type DiscountSuggestionOutcome,
} from './suggest';
export {
  listDiscountSuggestions,
  decideDiscountSuggestion,
  suggestionsOfDay,
  AUTO_APPLY_OFF_MESSAGE,
  STRIPE_NOT_CONFIGURED_MESSAGE,
  type DiscountListDeps,
  type DiscountDecisionDeps,
} from './decide';
export * from './schemas';
