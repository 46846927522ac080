import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './tenancy';

/**
 * Upgrade plans (SPEC P7): design-only improvement plans the planner job writes from telemetry
 * anomalies, incidents and run failures, every 6 hours. A plan is a finding (`kind` + `subject`,
 * its `fingerprint`) with what was measured (`evidence`), never text: the admin page words it in
 * the reader's language. Nothing here is applied automatically (`auto_applicable` is false by
 * constraint); admins move a plan through its statuses by hand.
 */
export const planStatusEnum = pgEnum('upgrade_plan_status', ['open', 'in_progress', 'applied', 'archived']);
export const planCategoryEnum = pgEnum('upgrade_plan_category', ['performance', 'reliability', 'i18n', 'ux', 'pricing', 'security']);
export const planRiskEnum = pgEnum('upgrade_plan_risk', ['low', 'medium', 'high']);

export const upgradePlans = pgTable(
  'upgrade_plans',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    kind: t.text().notNull(),
    subject: t.text().notNull(),
    fingerprint: t.text().notNull(),
    status: planStatusEnum().notNull().default('open'),
    priority: t.smallint().notNull(),
    category: planCategoryEnum().notNull(),
    risk: planRiskEnum().notNull(),
    /** Which data produced it (e.g. `anomaly:slow_endpoint`, `incidents:redis`). */
    source: t.text().notNull(),
    evidence: t.jsonb().$type<Record<string, string | number>>().notNull(),
    autoApplicable: t.boolean().notNull().default(false),
    /** How many planner passes found it. */
    occurrences: t.integer().notNull().default(1),
    firstSeenAt: t.timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: t.timestamp({ withTimezone: true }).notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    statusChangedBy: t.text().references(() => users.id, { onDelete: 'set null' }),
    statusNote: t.text(),
  }),
  (table) => [
    // One live plan per finding: a recurrence after "applied" or "archived" opens a new one.
    uniqueIndex('upgrade_plans_live_fingerprint_idx').on(table.fingerprint).where(sql`status in ('open', 'in_progress')`),
    index('upgrade_plans_status_idx').on(table.status, table.priority, table.lastSeenAt),
    check('upgrade_plans_priority_range', sql`${table.priority} between 1 and 5`),
    check('upgrade_plans_design_only', sql`${table.autoApplicable} = false`),
  ],
);
