import { sql } from 'drizzle-orm';
import { index, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants, userRoleEnum, users } from './tenancy';

/**
 * Invitations to join a workspace (SPEC P4 teams): the link carries a random token; only its
 * SHA-256 is stored, so the table cannot be turned back into working links. Single use
 * (`accepted_at`), expiring (`expires_at`), revocable (`revoked_at`); a new invitation to the
 * same address in the same workspace revokes the previous one.
 */
export const teamInvites = pgTable(
  'team_invites',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    email: t.text().notNull(),
    role: userRoleEnum().notNull().default('member'),
    tokenHash: t.text().notNull(),
    invitedBy: t.text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: t.timestamp({ withTimezone: true }).notNull(),
    acceptedAt: t.timestamp({ withTimezone: true }),
    acceptedUserId: t.text().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [
    uniqueIndex('team_invites_token_idx').on(table.tokenHash),
    index('team_invites_tenant_idx').on(table.tenantId, table.createdAt),
    uniqueIndex('team_invites_pending_email_idx')
      .on(table.tenantId, sql`lower(${table.email})`)
      .where(sql`accepted_at is null and revoked_at is null`),
  ],
);

/**
 * "Forgot password" links (decision 025): only the SHA-256 of the token is stored; a link works
 * once, for an hour, and a newer one replaces it.
 */
export const passwordResets = pgTable(
  'password_resets',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    userId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: t.text().notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: t.timestamp({ withTimezone: true }).notNull(),
    usedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [uniqueIndex('password_resets_token_idx').on(table.tokenHash), index('password_resets_user_idx').on(table.userId, table.createdAt)],
);
