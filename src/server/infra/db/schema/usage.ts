import { index, pgEnum, pgTable, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/** SPEC P3 meters. */
export const usageMeterEnum = pgEnum('usage_meter', ['workflow_run', 'api_call', 'ai_credit']);

/**
 * Usage events (SPEC P3): append-only, one row per metered thing, written in the same statement
 * as the thing it measures. The idempotency key (`run:<id>`, `ai:<id>`, `api:<request id>`) is
 * unique per workspace and meter: the same event recorded twice counts once. Corrections (an AI
 * request that used fewer credits than it reserved) are new events with a negative quantity.
 */
export const usageEvents = pgTable(
  'usage_events',
  (t) => ({
    id: t.bigserial({ mode: 'number' }).primaryKey(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    meter: usageMeterEnum().notNull(),
    quantity: t.integer().notNull(),
    idempotencyKey: t.text().notNull(),
    /** First day of the UTC month the event counts in. */
    period: t.date({ mode: 'string' }).notNull(),
    occurredAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    uniqueIndex('usage_events_key_idx').on(table.tenantId, table.meter, table.idempotencyKey),
    index('usage_events_tenant_time_idx').on(table.tenantId, table.occurredAt),
  ],
);

/**
 * Monthly totals per workspace and meter, updated in the same statement as each event (the sum
 * of a period's events, always: tests compare them).
 */
export const usageCounters = pgTable(
  'usage_counters',
  (t) => ({
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    meter: usageMeterEnum().notNull(),
    period: t.date({ mode: 'string' }).notNull(),
    used: t.bigint({ mode: 'number' }).notNull().default(0),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [primaryKey({ columns: [table.tenantId, table.meter, table.period] })],
);

/**
 * Usage warnings (80% and 100% of a meter's monthly limit): one row per workspace, meter, month
 * and threshold, so each is shown and e-mailed once. `emailedAt` is set when the owners' e-mail
 * was handed to the transport (null while pending or when no transport is configured).
 */
export const usageNotices = pgTable(
  'usage_notices',
  (t) => ({
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    meter: usageMeterEnum().notNull(),
    period: t.date({ mode: 'string' }).notNull(),
    threshold: t.integer().notNull(),
    used: t.bigint({ mode: 'number' }).notNull(),
    limit: t.bigint({ mode: 'number' }).notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    mailState: t.text().notNull().default('pending'),
    emailedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [
    primaryKey({ columns: [table.tenantId, table.meter, table.period, table.threshold] }),
    index('usage_notices_mail_idx').on(table.mailState),
  ],
);
