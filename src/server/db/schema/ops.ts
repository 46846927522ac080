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
