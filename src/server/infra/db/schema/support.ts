import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable } from 'drizzle-orm/pg-core';
import { planEnum, tenants, users } from './tenancy';

/**
 * Support (SPEC P6). A ticket comes from a workspace (the dashboard) or from anyone (the public
 * contact form: no workspace, a contact address). Its plan fixes the reply time (48 / 24 / 12 /
 * 4 hours; the contact form gets Starter's) and `due_at` is when the next reply from us is due:
 * set at creation and again each time the customer writes after our answer. Open tickets are
 * worked in order of `due_at` (overdue first).
 */
export const ticketStatusEnum = pgEnum('ticket_status', ['open', 'answered', 'closed']);
export const ticketAuthorEnum = pgEnum('ticket_author', ['customer', 'staff']);

export const supportTickets = pgTable(
  'support_tickets',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    /** Null for the public contact form. */
    tenantId: t.uuid().references(() => tenants.id, { onDelete: 'cascade' }),
    userId: t.text().references(() => users.id, { onDelete: 'set null' }),
    /** Where replies go when there is no user (contact form). */
    contactName: t.text(),
    contactEmail: t.text(),
    subject: t.text().notNull(),
    status: ticketStatusEnum().notNull().default('open'),
    plan: planEnum().notNull(),
    slaHours: t.integer().notNull(),
    locale: t.text().notNull().default('en'),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When our next reply is due (null once answered or closed). */
    dueAt: t.timestamp({ withTimezone: true }),
    firstResponseAt: t.timestamp({ withTimezone: true }),
    lastMessageAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: t.timestamp({ withTimezone: true }),
    /** 1-5, given once after the ticket is closed. */
    satisfaction: t.smallint(),
  }),
  (table) => [
    index('support_tickets_tenant_idx').on(table.tenantId, table.createdAt),
    index('support_tickets_queue_idx').on(table.status, table.dueAt),
    check('support_tickets_satisfaction_range', sql`${table.satisfaction} is null or ${table.satisfaction} between 1 and 5`),
    check('support_tickets_origin', sql`${table.tenantId} is not null or ${table.contactEmail} is not null`),
  ],
);

export const supportMessages = pgTable(
  'support_messages',
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    ticketId: t
      .uuid()
      .notNull()
      .references(() => supportTickets.id, { onDelete: 'cascade' }),
    author: ticketAuthorEnum().notNull(),
    authorUserId: t.text().references(() => users.id, { onDelete: 'set null' }),
    body: t.text().notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Staff replies: when the customer was e-mailed (null: no transport, or not yet). */
    emailedAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [index('support_messages_ticket_idx').on(table.ticketId, table.createdAt)],
);
