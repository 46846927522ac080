import { index, pgEnum, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants, users } from './tenancy';

export const marketingSegmentEnum = pgEnum('marketing_segment', ['new_signup', 'active_trial', 'winback']);
export const marketingDraftStatusEnum = pgEnum('marketing_draft_status', [
  'pending_approval',
  'approved',
  'rejected',
  'sent',
]);

export const reports = pgTable(
  'reports',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    kind: t.text().notNull().default('weekly'),
    /** ISO week label, e.g. 2026-W47. */
    period: t.text().notNull(),
    periodStart: t.timestamp({ withTimezone: true }).notNull(),
    periodEnd: t.timestamp({ withTimezone: true }).notNull(),
    figures: t.jsonb().$type<Record<string, unknown>>().notNull(),
    markdown: t.text().notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex('reports_kind_period_idx').on(table.kind, table.period)],
);

/**
 * A workspace's own weekly report (issue 16 #7): its workflows, runs, usage and referrals for one
 * ISO week (Europe/London), stored once per workspace and week; `emailed_at` is claimed before the
 * owners' e-mail goes out, so a retry never sends it twice.
 */
export const tenantReports = pgTable(
  'tenant_reports',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** ISO week label, e.g. 2026-W47. */
    period: t.text().notNull(),
    periodStart: t.timestamp({ withTimezone: true }).notNull(),
    periodEnd: t.timestamp({ withTimezone: true }).notNull(),
    figures: t.jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    emailedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [uniqueIndex('tenant_reports_tenant_period_idx').on(table.tenantId, table.period), index('tenant_reports_period_idx').on(table.periodStart)],
);

export const marketingDrafts = pgTable(
  'marketing_drafts',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    segment: marketingSegmentEnum().notNull(),
    action: t.text().notNull(),
    /** The cycle's date (Europe/London), YYYY-MM-DD. */
    cycle: t.date({ mode: 'string' }).notNull(),
    locale: t.text().notNull(),
    subject: t.text().notNull(),
    body: t.text().notNull(),
    status: marketingDraftStatusEnum().notNull().default('pending_approval'),
    decidedBy: t.text().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: t.timestamp({ withTimezone: true }),
    sentAt: t.timestamp({ withTimezone: true }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    uniqueIndex('marketing_drafts_once_idx').on(table.tenantId, table.action, table.cycle),
    index('marketing_drafts_status_idx').on(table.status, table.segment),
  ],
);
