import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants, users } from './tenancy';

export const referralStatusEnum = pgEnum('referral_status', ['signed_up', 'converted', 'flagged']);
export const growthEventTypeEnum = pgEnum('growth_event_type', [
  'visit',
  'signup',
  'trial_start',
  'conversion',
  'churn',
  // A signed-in day of use, a workflow run or an AI request: once per user (or workspace) and UTC day.
  'active',
]);

export const referralCodes = pgTable(
  'referral_codes',
  (t) => ({
    code: t.text().primaryKey(),
    userId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex('referral_codes_user_idx').on(table.userId)],
);

export const referrals = pgTable(
  'referrals',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    code: t
      .text()
      .notNull()
      .references(() => referralCodes.code, { onDelete: 'cascade' }),
    referrerUserId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    referredUserId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    referredTenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    status: referralStatusEnum().notNull().default('signed_up'),
    flagReason: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    convertedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [
    // A user is referred at most once.
    uniqueIndex('referrals_referred_user_idx').on(table.referredUserId),
    index('referrals_referrer_idx').on(table.referrerUserId, table.status),
    index('referrals_created_at_idx').on(table.createdAt),
    index('referrals_converted_at_idx').on(table.convertedAt),
  ],
);

/** Clicks on referral links: no IP, a salted visitor hash, one row per visitor and day. */
export const referralClicks = pgTable(
  'referral_clicks',
  (t) => ({
    id: t.bigserial({ mode: 'number' }).primaryKey(),
    code: t
      .text()
      .notNull()
      .references(() => referralCodes.code, { onDelete: 'cascade' }),
    visitorHash: t.text().notNull(),
    day: t.date({ mode: 'string' }).notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex('referral_clicks_dedupe_idx').on(table.code, table.visitorHash, table.day)],
);

export const growthEvents = pgTable(
  'growth_events',
  (t) => ({
    id: t.bigserial({ mode: 'number' }).primaryKey(),
    type: growthEventTypeEnum().notNull(),
    tenantId: t.uuid().references(() => tenants.id, { onDelete: 'set null' }),
    /** Anonymous visitor key (salted hash) for visits; never an IP. */
    visitorHash: t.text(),
    source: t.text().notNull().default('direct'),
    utmMedium: t.text(),
    utmCampaign: t.text(),
    /** Revenue attached to a conversion, in pence (GBP). */
    amountPence: t.integer(),
    occurredAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index('growth_events_type_time_idx').on(table.type, table.occurredAt),
    index('growth_events_source_time_idx').on(table.source, table.occurredAt),
    index('growth_events_tenant_idx').on(table.tenantId, table.type),
    // Activity is recorded once per actor and UTC day (issue 16 #1). Only `active` events carry
    // both a workspace and an actor key (visits are anonymous); the predicate cannot name the
    // enum value, which is new in the same migration.
    uniqueIndex('growth_events_active_once_idx')
      .on(table.type, table.tenantId, table.visitorHash, sql`((occurred_at at time zone 'UTC')::date)`)
      .where(sql`tenant_id is not null and visitor_hash is not null`),
  ],
);

/**
 * Daily roll-up of growth events per source (SPEC G4), written by the 00:10 UTC job; one row per
 * day and source, replaced on re-run (idempotent per day).
 */
export const growthDailyRollups = pgTable(
  'growth_daily_rollups',
  (t) => ({
    day: t.date({ mode: 'string' }).notNull(),
    source: t.text().notNull(),
    visits: t.integer().notNull().default(0),
    signups: t.integer().notNull().default(0),
    trials: t.integer().notNull().default(0),
    conversions: t.integer().notNull().default(0),
    churns: t.integer().notNull().default(0),
    revenuePence: t.bigint({ mode: 'number' }).notNull().default(0),
    /** Distinct active tenants that day (DAU), and over the 7 / 30 days ending that day. */
    dau: t.integer().notNull().default(0),
    wau: t.integer().notNull().default(0),
    mau: t.integer().notNull().default(0),
    computedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [primaryKey({ columns: [table.day, table.source] })],
);

/** Weekly cohort retention (SPEC G4): cohort = sign-up ISO week; offset 0..11 weeks. */
export const growthCohortRollups = pgTable(
  'growth_cohort_rollups',
  (t) => ({
    cohortWeek: t.date({ mode: 'string' }).notNull(),
    weekOffset: t.integer().notNull(),
    cohortSize: t.integer().notNull(),
    retained: t.integer().notNull(),
    computedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [primaryKey({ columns: [table.cohortWeek, table.weekOffset] })],
);

export const discountSuggestionStatusEnum = pgEnum('discount_suggestion_status', ['suggested', 'applied', 'dismissed']);

/**
 * Discount suggestions (SPEC G5) computed from sign-up and conversion activity. Applied only as
 * Stripe coupons when PRICING_AUTO_APPLY is on; locked prices are never edited.
 */
export const discountSuggestions = pgTable(
  'discount_suggestions',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    day: t.date({ mode: 'string' }).notNull(),
    /** A rule id, e.g. low_trial_conversion. */
    rule: t.text().notNull(),
    /** A utm source, or '*' for all sources. */
    source: t.text().notNull().default('*'),
    percentOff: t.integer().notNull(),
    durationMonths: t.integer().notNull().default(1),
    reason: t.jsonb().$type<Record<string, string | number>>().notNull(),
    status: discountSuggestionStatusEnum().notNull().default('suggested'),
    stripeCouponId: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [uniqueIndex('discount_suggestions_once_idx').on(table.day, table.rule, table.source)],
);
