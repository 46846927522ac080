import { index, pgEnum, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants, users } from './tenancy';

export const referralStatusEnum = pgEnum('referral_status', ['signed_up', 'converted', 'flagged']);
export const growthEventTypeEnum = pgEnum('growth_event_type', [
  'visit',
  'signup',
  'trial_start',
  'conversion',
  'churn',
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
  ],
);
