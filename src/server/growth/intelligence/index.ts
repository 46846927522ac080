/** Growth intelligence (SPEC G4): the daily roll-up job and the admin views. */
export { runGrowthRollup, backfillGrowthRollups, type GrowthRollupDeps, type GrowthRollupResult } from './rollup';
export { getFunnel, getSourceRoi, getActivity, getRetention, type GrowthViewDeps, type GrowthViewOptions } from './views';
export { ACTIVE_TYPES, ALL_SOURCES, COHORT_WEEKS, EVENT_TYPES, STAR_SOURCE_ALIAS } from './sql';
export { addDays, dayOf, daySchema, daysIn, isoWeekLabel, weekStartOf } from './dates';
export * from './schemas';
