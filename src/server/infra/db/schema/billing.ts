import { index, pgEnum, pgTable } from 'drizzle-orm/pg-core';
import { planEnum, tenants } from './tenancy';

export const billingIntervalEnum = pgEnum('billing_interval', ['month', 'year']);
export const subscriptionStatusEnum = pgEnum('subscription_status', [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'unpaid',
  'paused',
]);

export const subscriptions = pgTable(
  'subscriptions',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    tenantId: t
      .uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    stripeSubscriptionId: t.text().unique(),
    stripeCustomerId: t.text(),
    plan: planEnum().notNull(),
    interval: billingIntervalEnum().notNull(),
    status: subscriptionStatusEnum().notNull(),
    currentPeriodEnd: t.timestamp({ withTimezone: true }),
    cancelAtPeriodEnd: t.boolean().notNull().default(false),
    /** Stripe event time of the last applied change: guards against out-of-order webhooks. */
    stripeUpdatedAt: t.timestamp({ withTimezone: true }),
    startedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    canceledAt: t.timestamp({ withTimezone: true }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index('subscriptions_tenant_idx').on(table.tenantId),
    index('subscriptions_status_idx').on(table.status, table.startedAt),
  ],
);

/** Processed Stripe webhook events: idempotency by event id. */
export const stripeEvents = pgTable('stripe_events', (t) => ({
  id: t.text().primaryKey(),
  type: t.text().notNull(),
  createdAt: t.timestamp({ withTimezone: true }).notNull(),
  processedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
}));
