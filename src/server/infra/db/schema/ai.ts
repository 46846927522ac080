import { index, pgTable } from 'drizzle-orm/pg-core';
import { tenants, users } from './tenancy';

/**
 * AI usage (SPEC A4): one row per AI request, metered in credits against the tenant's plan
 * allowance for the calendar month. Never stores the query text.
 */
export const aiUsage = pgTable(
  'ai_usage',
  (t) => ({
    id: t.bigserial({ mode: 'number' }).primaryKey(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: t.text().references(() => users.id, { onDelete: 'set null' }),
    /** chat | workflow | debug | onboarding */
    capability: t.text().notNull(),
    /** local | openai */
    provider: t.text().notNull(),
    model: t.text(),
    credits: t.integer().notNull(),
    queryLength: t.integer().notNull().default(0),
    latencyMs: t.integer().notNull().default(0),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index('ai_usage_tenant_time_idx').on(table.tenantId, table.createdAt)],
);
