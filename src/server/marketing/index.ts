/** Marketing (SPEC J2): the daily cycle that drafts e-mails, and their admin approval. */
export { runMarketingCycle, defaultMarketingLogFile, type MarketingCycleDeps, type MarketingCycleOptions } from './cycle';
export { listDrafts, decideDrafts, sendApprovedDrafts, type MarketingDraftDeps } from './drafts';
export { renderDraft, resolveLocale, pickFeature, type RenderedDraft } from './content';
export {
  cycleDate,
  segmentCase,
  MARKETING_SEGMENTS,
  MARKETING_ACTIONS,
  SEGMENT_ACTIONS,
  SEGMENT_FEATURES,
  NEW_SIGNUP_DAYS,
  INACTIVE_DAYS,
  type MarketingSegment,
  type MarketingAction,
  type MarketingFeature,
} from './segments';
export * from './schemas';
