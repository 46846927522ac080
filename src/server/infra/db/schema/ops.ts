import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';

export const telemetryKindEnum = pgEnum('telemetry_kind', ['event', 'error', 'performance']);
export const telemetrySourceEnum = pgEnum('telemetry_source', ['server', 'browser', 'worker']);

/** Health incidents: one open row per check at most (partial unique index). */
export const incidents = pgTable(
  'incidents',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    check: t.text().notNull(),
    severity: t.text().notNull().default('warning'),
    summary: t.text().notNull(),
    openedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [
    uniqueIndex('incidents_one_open_per_check_idx')
      .on(table.check)
      .where(sql`${table.resolvedAt} is null`),
    index('incidents_opened_at_idx').on(table.openedAt),
  ],
);

/** Telemetry and error events. Never holds user ids, e-mails or IPs. */
export const telemetryEvents = pgTable(
  'telemetry_events',
  (t) => ({
    id: t.bigserial({ mode: 'number' }).primaryKey(),
    kind: telemetryKindEnum().notNull(),
    source: telemetrySourceEnum().notNull(),
    name: t.text().notNull(),
    message: t.text(),
    endpoint: t.text(),
    durationMs: t.integer(),
    meta: t.jsonb().$type<Record<string, string | number | boolean | null>>(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index('telemetry_kind_time_idx').on(table.kind, table.createdAt)],
);

export const abuseSignalKindEnum = pgEnum('abuse_signal_kind', ['rapid_signups', 'failed_checkouts', 'card_testing']);

/**
 * Fraud / abuse signals (SPEC H8): raised when a rolling per-IP window crosses its threshold.
 * The IP is stored only as a salted hash. One row per kind, IP and window bucket.
 */
export const abuseSignals = pgTable(
  'abuse_signals',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    kind: abuseSignalKindEnum().notNull(),
    ipHash: t.text().notNull(),
    /** Start of the window bucket the signal belongs to (dedupe key). */
    bucketStart: t.timestamp({ withTimezone: true }).notNull(),
    count: t.integer().notNull(),
    threshold: t.integer().notNull(),
    windowSeconds: t.integer().notNull(),
    enforced: t.boolean().notNull().default(false),
    firstSeenAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    uniqueIndex('abuse_signals_dedupe_idx').on(table.kind, table.ipHash, table.bucketStart),
    index('abuse_signals_last_seen_idx').on(table.lastSeenAt),
  ],
);
