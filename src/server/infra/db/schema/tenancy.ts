import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const planEnum = pgEnum('plan', ['starter', 'growth', 'pro', 'business']);
/** A workspace's lifecycle states (SPEC P4); the transitions live in domain/accounts/lifecycle. */
export const TENANT_STATES = [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'suspended',
  'soft_deleted',
  // Signed up on a server with Stripe: the trial starts when Checkout has a card (decision 019).
  'awaiting_card',
] as const;
export type TenantState = (typeof TENANT_STATES)[number];
export const tenantStatusEnum = pgEnum('tenant_status', TENANT_STATES);
/** member and owner are tenant roles; admin is a Levqor platform admin (the founders). */
export const userRoleEnum = pgEnum('user_role', ['member', 'owner', 'admin']);

export const tenants = pgTable(
  'tenants',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    name: t.text().notNull(),
    plan: planEnum().notNull().default('starter'),
    status: tenantStatusEnum().notNull().default('trialing'),
    trialEndsAt: t.timestamp({ withTimezone: true }),
    locale: t.text().notNull().default('en'),
    signupSource: t.text(),
    utmSource: t.text(),
    utmMedium: t.text(),
    utmCampaign: t.text(),
    lastActivityAt: t.timestamp({ withTimezone: true }),
    /** Stripe customer of this workspace, set at its first checkout. */
    stripeCustomerId: t.text().unique(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: t.timestamp({ withTimezone: true }),
    /** When the owners of a workspace still waiting for its card were told of its coming deletion. */
    deletionRemindedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [
    index('tenants_created_at_idx').on(table.createdAt),
    index('tenants_status_idx').on(table.status, table.trialEndsAt),
    index('tenants_last_activity_idx').on(table.lastActivityAt),
  ],
);

/** Users; the first five columns are the shape Auth.js' Drizzle adapter expects. */
export const users = pgTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name'),
    email: text('email').notNull(),
    emailVerified: timestamp('email_verified', { withTimezone: true, mode: 'date' }),
    image: text('image'),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    role: userRoleEnum('role').notNull().default('member'),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('en'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Set when the person deleted their account (SPEC P5): no sign-in from then; purged after the grace period. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Set when the password changes: sessions signed in before it are signed out (decision 024). */
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${table.email})`),
    index('users_tenant_idx').on(table.tenantId),
    index('users_last_login_idx').on(table.lastLoginAt),
    index('users_created_at_idx').on(table.createdAt),
  ],
);

// ---- Auth.js adapter tables (OAuth accounts, database sessions, e-mail tokens) ----

export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<'oauth' | 'oidc' | 'email' | 'webauthn'>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (table) => [
    primaryKey({ columns: [table.provider, table.providerAccountId] }),
    index('accounts_user_idx').on(table.userId),
  ],
);

export const sessions = pgTable('sessions', {
  sessionToken: text('session_token').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

export const authenticators = pgTable(
  'authenticators',
  {
    credentialID: text('credential_id').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerAccountId: text('provider_account_id').notNull(),
    credentialPublicKey: text('credential_public_key').notNull(),
    counter: integer('counter').notNull(),
    credentialDeviceType: text('credential_device_type').notNull(),
    credentialBackedUp: boolean('credential_backed_up').notNull(),
    transports: text('transports'),
  },
  (table) => [primaryKey({ columns: [table.userId, table.credentialID] })],
);

/**
 * Every change of a workspace's lifecycle state (SPEC P4): who or what made it (Stripe, a job, an
 * admin, the owner), from and to, and why. No foreign key: the record of a purge outlives the
 * workspace it describes.
 */
export const tenantTransitions = pgTable(
  'tenant_transitions',
  (t) => ({
    id: t.bigserial({ mode: 'number' }).primaryKey(),
    tenantId: t.uuid().notNull(),
    fromStatus: t.text().notNull(),
    toStatus: t.text().notNull(),
    actor: t.text().$type<'stripe' | 'job' | 'admin' | 'user'>().notNull(),
    actorUserId: t.text(),
    reason: t.text().notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index('tenant_transitions_tenant_idx').on(table.tenantId, table.createdAt), index('tenant_transitions_created_idx').on(table.createdAt)],
);
