import { index, pgEnum, pgTable } from 'drizzle-orm/pg-core';
import { tenants, users } from './tenancy';

/**
 * A step as stored: the schema knows only its envelope. Its full shape is the workflows domain's
 * (`workflowStepSchema`), which validates every write; readers narrow with `asWorkflowSteps`.
 */
export type StoredStep = { id: string; name: string; type: string; config: Record<string, unknown> };

export const workflowStatusEnum = pgEnum('workflow_status', ['draft', 'active', 'paused']);

export const workflows = pgTable(
  'workflows',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: t.text().notNull(),
    description: t.text().notNull().default(''),
    /** Validated by workflowStepsSchema before every write. */
    steps: t.jsonb().$type<StoredStep[]>().notNull(),
    status: workflowStatusEnum().notNull().default('draft'),
    templateId: t.text(),
    createdBy: t.text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index('workflows_tenant_created_idx').on(table.tenantId, table.createdAt),
    index('workflows_created_at_idx').on(table.createdAt),
  ],
);
