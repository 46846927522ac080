import { pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants, users } from './tenancy';

/**
 * The workspace secrets store (SPEC P1): API keys that http_request steps reference as
 * `{{ secrets.NAME }}`. Values are encrypted with AES-256-GCM (key from SECRETS_KEY, its version
 * stored with each row; the workspace and name are the additional authenticated data, so a row
 * copied to another workspace or name does not decrypt). The value never leaves the server.
 */
export const tenantSecrets = pgTable(
  'tenant_secrets',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: t.text().notNull(),
    /** base64 of ciphertext; iv (12 bytes) and GCM tag (16 bytes) beside it. */
    ciphertext: t.text().notNull(),
    iv: t.text().notNull(),
    tag: t.text().notNull(),
    keyVersion: t.integer().notNull(),
    updatedBy: t.text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex('tenant_secrets_name_idx').on(table.tenantId, table.name)],
);
