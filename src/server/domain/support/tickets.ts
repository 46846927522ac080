import { and, asc, avg, count, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { localizedPath } from '~/i18n/paths';
import type { Locale } from '~/i18n/locales';
import { emailSchema } from '~/server/domain/accounts/schemas';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { bestPassage, retrieveArticles } from '~/server/domain/ai/engine/chat';
import { resolveLocale } from '~/server/domain/ai/help/catalog';
import { SUPPORT_SLA_HOURS } from '~/server/domain/billing/pricing';
import { CATALOGS, fillMessage } from '~/server/domain/i18n/catalogs';
import type { Db } from '~/server/infra/db/client';
import { supportMessages, supportTickets, tenants, users } from '~/server/infra/db/schema';
import type { Logger } from '~/server/infra/logger';
import type { MailTransport } from '~/server/infra/mail/transport';
import { AppError } from '~/server/errors';

/**
 * Support (SPEC P6). Customers open tickets from the dashboard (everyone in a workspace sees the
 * workspace's tickets, like a shared inbox); anyone can write through the public contact form.
 * Each ticket's plan fixes how soon we answer (`SUPPORT_SLA_HOURS`: 48 / 24 / 12 / 4 h; the
 * contact form gets Starter's) and `due_at` says when: set at creation, cleared by our reply,
 * set again when the customer writes back. Admins work the open tickets in order of `due_at`,
 * overdue first, with replies suggested from the help articles. A staff reply is e-mailed to
 * the customer at most once (claimed before it is sent). A closed ticket can be rated once, 1-5.
 */
type Deps = { db: Db; now?: () => Date };
type MailDeps = Deps & { mail: MailTransport; appUrl: string; log?: Logger };
/** Customer-side calls: with a mail transport, the admins are e-mailed about each new message. */
type CustomerDeps = Deps & { mail?: MailTransport; appUrl?: string; log?: Logger };

const HOUR_MS = 3_600_000;
/** Tickets a workspace (or a contact address) may open per hour: enough for people, not for scripts. */
export const TICKETS_PER_HOUR = 5;

const subject = z.string().trim().min(3, 'Give the ticket a subject of at least 3 characters.').max(150, 'Keep the subject under 150 characters.');
const body = z.string().trim().min(10, 'Describe your question in at least 10 characters.').max(5000, 'Keep a message under 5,000 characters.');
export const ticketIdSchema = z.strictObject({ ticketId: z.uuid('Ticket not found') });
export const openTicketSchema = z.strictObject({ subject, body });
export const contactSchema = z.strictObject({
  name: z.string().trim().min(1, 'Tell us your name').max(120, 'Use at most 120 characters'),
  email: emailSchema,
  subject,
  body,
  locale: z.string().max(10).optional(),
});
export const replySchema = z.strictObject({ ticketId: z.uuid('Ticket not found'), body });
export const rateSchema = z.strictObject({ ticketId: z.uuid('Ticket not found'), score: z.number().int().min(1, 'Rate from 1 to 5.').max(5, 'Rate from 1 to 5.') });
export const staffReplySchema = replySchema.extend({ close: z.boolean().default(false) });
export const queueSchema = z
  .strictObject({ status: z.enum(['open', 'answered', 'closed']).default('open'), limit: z.number().int().min(1).max(200).default(100) })
  .default({ status: 'open', limit: 100 });

const dueFrom = (now: Date, slaHours: number) => new Date(now.getTime() + slaHours * HOUR_MS);

async function assertHourlyAllowance(db: Db, where: ReturnType<typeof eq>, now: Date) {
  const [recent] = await db
    .select({ n: count() })
    .from(supportTickets)
    .where(and(where, gt(supportTickets.createdAt, new Date(now.getTime() - HOUR_MS))));
  if ((recent?.n ?? 0) >= TICKETS_PER_HOUR) {
    throw new AppError('TOO_MANY_REQUESTS', 'Too many new tickets in an hour: add to an open one instead.', { retryAfterSeconds: 3600 });
  }
}

/** A ticket from the dashboard: the workspace's plan sets when our first reply is due. */
export async function openTicket(deps: CustomerDeps, user: CurrentUser, input: z.input<typeof openTicketSchema>) {
  const { subject, body } = openTicketSchema.parse(input);
  const now = deps.now?.() ?? new Date();
  await assertHourlyAllowance(deps.db, eq(supportTickets.tenantId, user.tenantId), now);
  const opened = await deps.db.transaction(async (tx) => {
    const [tenant] = await tx.select({ plan: tenants.plan }).from(tenants).where(eq(tenants.id, user.tenantId));
    const plan = tenant?.plan ?? 'starter';
    const slaHours = SUPPORT_SLA_HOURS[plan];
    const [ticket] = await tx
      .insert(supportTickets)
      .values({ tenantId: user.tenantId, userId: user.id, subject, plan, slaHours, locale: resolveLocale(user.locale), createdAt: now, lastMessageAt: now, dueAt: dueFrom(now, slaHours) })
      .returning({ id: supportTickets.id, dueAt: supportTickets.dueAt, slaHours: supportTickets.slaHours });
    const [message] = await tx.insert(supportMessages).values({ ticketId: ticket!.id, author: 'customer', authorUserId: user.id, body, createdAt: now }).returning({ id: supportMessages.id });
    return { id: ticket!.id, dueAt: ticket!.dueAt!, slaHours: ticket!.slaHours, messageId: message!.id };
  });
  await notifyStaff(deps, opened.id, opened.messageId, now);
  return { id: opened.id, dueAt: opened.dueAt, slaHours: opened.slaHours };
}

/** The public contact form: no workspace, replies go to the address given; Starter's reply time. */
export async function contactSupport(deps: CustomerDeps, input: z.input<typeof contactSchema>) {
  const parsed = contactSchema.parse(input);
  const now = deps.now?.() ?? new Date();
  const email = parsed.email.toLowerCase();
  await assertHourlyAllowance(deps.db, eq(supportTickets.contactEmail, email), now);
  const slaHours = SUPPORT_SLA_HOURS.starter;
  const sent = await deps.db.transaction(async (tx) => {
    const [ticket] = await tx
      .insert(supportTickets)
      .values({
        contactName: parsed.name,
        contactEmail: email,
        subject: parsed.subject,
        plan: 'starter',
        slaHours,
        locale: resolveLocale(parsed.locale),
        createdAt: now,
        lastMessageAt: now,
        dueAt: dueFrom(now, slaHours),
      })
      .returning({ id: supportTickets.id });
    const [message] = await tx.insert(supportMessages).values({ ticketId: ticket!.id, author: 'customer', body: parsed.body, createdAt: now }).returning({ id: supportMessages.id });
    return { ticketId: ticket!.id, messageId: message!.id };
  });
  await notifyStaff(deps, sent.ticketId, sent.messageId, now);
  return { reference: ticketReference(sent.ticketId), slaHours };
}

/** The short reference people quote ("#1a2b3c4d"). */
export const ticketReference = (id: string) => `#${id.slice(0, 8)}`;

const ticketColumns = {
  id: supportTickets.id,
  subject: supportTickets.subject,
  status: supportTickets.status,
  plan: supportTickets.plan,
  slaHours: supportTickets.slaHours,
  createdAt: supportTickets.createdAt,
  dueAt: supportTickets.dueAt,
  firstResponseAt: supportTickets.firstResponseAt,
  lastMessageAt: supportTickets.lastMessageAt,
  closedAt: supportTickets.closedAt,
  satisfaction: supportTickets.satisfaction,
};

/** The workspace's tickets, newest activity first. */
export async function listTickets(deps: Deps, user: CurrentUser) {
  const rows = await deps.db
    .select({ ...ticketColumns, openedBy: users.name })
    .from(supportTickets)
    .leftJoin(users, eq(users.id, supportTickets.userId))
    .where(eq(supportTickets.tenantId, user.tenantId))
    .orderBy(desc(supportTickets.lastMessageAt), desc(supportTickets.id))
    .limit(200);
  const [tenant] = await deps.db.select({ plan: tenants.plan }).from(tenants).where(eq(tenants.id, user.tenantId));
  return { tickets: rows.map((r) => ({ ...r, reference: ticketReference(r.id) })), slaHours: SUPPORT_SLA_HOURS[tenant?.plan ?? 'starter'] };
}

async function messagesOf(db: Db, ticketId: string) {
  return db
    .select({ id: supportMessages.id, author: supportMessages.author, authorName: users.name, body: supportMessages.body, createdAt: supportMessages.createdAt })
    .from(supportMessages)
    .leftJoin(users, eq(users.id, supportMessages.authorUserId))
    .where(eq(supportMessages.ticketId, ticketId))
    .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
}

async function ownTicket(db: Db, user: CurrentUser, ticketId: string) {
  const [ticket] = await db
    .select(ticketColumns)
    .from(supportTickets)
    .where(and(eq(supportTickets.id, ticketId), eq(supportTickets.tenantId, user.tenantId)));
  if (!ticket) throw new AppError('NOT_FOUND', 'Ticket not found');
  return ticket;
}

/** One of the workspace's tickets with its messages (staff authors are shown as "Levqor support"). */
export async function getTicket(deps: Deps, user: CurrentUser, input: z.input<typeof ticketIdSchema>) {
  const { ticketId } = ticketIdSchema.parse(input);
  const ticket = await ownTicket(deps.db, user, ticketId);
  const messages = await messagesOf(deps.db, ticketId);
  return { ...ticket, reference: ticketReference(ticket.id), messages: messages.map((m) => ({ ...m, authorName: m.author === 'staff' ? null : m.authorName })) };
}

/** The customer writes again: after our answer the ticket is open again and our next reply is due. */
export async function replyToTicket(deps: CustomerDeps, user: CurrentUser, input: z.input<typeof replySchema>) {
  const parsed = replySchema.parse(input);
  const now = deps.now?.() ?? new Date();
  const replied = await deps.db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ status: supportTickets.status, slaHours: supportTickets.slaHours, dueAt: supportTickets.dueAt })
      .from(supportTickets)
      .where(and(eq(supportTickets.id, parsed.ticketId), eq(supportTickets.tenantId, user.tenantId)))
      .for('update');
    if (!ticket) throw new AppError('NOT_FOUND', 'Ticket not found');
    if (ticket.status === 'closed') throw new AppError('CONFLICT', 'This ticket is closed: open a new one if you still need help.');
    const [message] = await tx
      .insert(supportMessages)
      .values({ ticketId: parsed.ticketId, author: 'customer', authorUserId: user.id, body: parsed.body, createdAt: now })
      .returning({ id: supportMessages.id });
    const dueAt = ticket.status === 'answered' ? dueFrom(now, ticket.slaHours) : ticket.dueAt;
    await tx.update(supportTickets).set({ status: 'open', dueAt, lastMessageAt: now }).where(eq(supportTickets.id, parsed.ticketId));
    return { status: 'open' as const, dueAt, messageId: message!.id };
  });
  await notifyStaff(deps, parsed.ticketId, replied.messageId, now);
  return { status: replied.status, dueAt: replied.dueAt };
}

/**
 * Tells the admins about a customer's message, when a mail transport is configured: one e-mail
 * per language among the admins, with the message, the reply due time and the queue link. The
 * message is claimed first (`emailed_at`: "the other side was told"), so it goes out at most once;
 * a failed send is logged and the queue still shows the ticket.
 */
async function notifyStaff(deps: CustomerDeps, ticketId: string, messageId: string, now: Date): Promise<void> {
  const mail = deps.mail;
  if (!mail || mail.kind === 'none') return;
  const admins = await deps.db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.deletedAt)));
  if (admins.length === 0) return;
  const claimed = await deps.db
    .update(supportMessages)
    .set({ emailedAt: now })
    .where(and(eq(supportMessages.id, messageId), isNull(supportMessages.emailedAt)))
    .returning({ body: supportMessages.body });
  if (claimed.length === 0) return;
  const [ticket] = await deps.db
    .select({ subject: supportTickets.subject, plan: supportTickets.plan, dueAt: supportTickets.dueAt, workspace: tenants.name, contactEmail: supportTickets.contactEmail })
    .from(supportTickets)
    .leftJoin(tenants, eq(tenants.id, supportTickets.tenantId))
    .where(eq(supportTickets.id, ticketId));
  if (!ticket) return;
  const byLocale = new Map<Locale, string[]>();
  for (const admin of admins) {
    const locale = resolveLocale(admin.locale);
    byLocale.set(locale, [...(byLocale.get(locale) ?? []), admin.email]);
  }
  const base = (deps.appUrl ?? '').replace(/\/+$/, '');
  for (const [locale, to] of byLocale) {
    const t = CATALOGS[locale].SupportEmails;
    const values = {
      subject: ticket.subject,
      reference: ticketReference(ticketId),
      from: ticket.workspace ?? ticket.contactEmail ?? '',
      plan: CATALOGS[locale].Plans[ticket.plan],
      due: ticket.dueAt ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(ticket.dueAt) : '—',
      url: `${base}${localizedPath(`/admin/support/${ticketId}`, locale)}`,
    };
    try {
      await mail.send({
        to,
        subject: fillMessage(t.staffSubject, values),
        text: [fillMessage(t.staffIntro, values), claimed[0]!.body, fillMessage(t.staffFooter, values)].join('\n\n'),
        idempotencyKey: `support-staff-${messageId}-${locale}`,
      });
    } catch (error) {
      deps.log?.warn({ err: { name: (error as Error).name } }, 'support notice to admins not sent');
    }
  }
}

/** The customer closes the ticket (nothing more to do); closing twice changes nothing. */
export async function closeTicket(deps: Deps, user: CurrentUser, input: z.input<typeof ticketIdSchema>) {
  const { ticketId } = ticketIdSchema.parse(input);
  await ownTicket(deps.db, user, ticketId);
  return closeById(deps, ticketId);
}

async function closeById(deps: Deps, ticketId: string) {
  const now = deps.now?.() ?? new Date();
  await deps.db
    .update(supportTickets)
    .set({ status: 'closed', closedAt: now, dueAt: null })
    .where(and(eq(supportTickets.id, ticketId), inArray(supportTickets.status, ['open', 'answered'])));
  return { status: 'closed' as const };
}

/** How satisfied the customer was (1-5), once, after the ticket is closed. */
export async function rateTicket(deps: Deps, user: CurrentUser, input: z.input<typeof rateSchema>) {
  const { ticketId, score } = rateSchema.parse(input);
  const ticket = await ownTicket(deps.db, user, ticketId);
  if (ticket.status !== 'closed') throw new AppError('CONFLICT', 'Rate a ticket once it is closed.');
  const rated = await deps.db
    .update(supportTickets)
    .set({ satisfaction: score })
    .where(and(eq(supportTickets.id, ticketId), isNull(supportTickets.satisfaction)))
    .returning({ id: supportTickets.id });
  if (rated.length === 0) throw new AppError('CONFLICT', 'This ticket is already rated.');
  return { satisfaction: score };
}

// ---- Admins ----

/**
 * The support queue: open tickets by breach risk (the earliest due first, so overdue ones lead),
 * answered and closed ones by latest activity; with the overdue count and the satisfaction of the
 * last 30 days.
 */
export async function supportQueue(deps: Deps, input: z.input<typeof queueSchema>) {
  const { status, limit } = queueSchema.parse(input);
  const now = deps.now?.() ?? new Date();
  const rows = await deps.db
    .select({ ...ticketColumns, workspace: tenants.name, contactEmail: supportTickets.contactEmail })
    .from(supportTickets)
    .leftJoin(tenants, eq(tenants.id, supportTickets.tenantId))
    .where(eq(supportTickets.status, status))
    .orderBy(...(status === 'open' ? [asc(supportTickets.dueAt), asc(supportTickets.createdAt)] : [desc(supportTickets.lastMessageAt)]), asc(supportTickets.id))
    .limit(limit);
  const [figures] = await deps.db
    .select({
      open: sql<number>`count(*) filter (where ${supportTickets.status} = 'open')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${supportTickets.status} = 'open' and ${supportTickets.dueAt} < ${now.toISOString()}::timestamptz)`.mapWith(Number),
      satisfaction: avg(sql`case when ${supportTickets.closedAt} > ${new Date(now.getTime() - 30 * 24 * HOUR_MS).toISOString()}::timestamptz then ${supportTickets.satisfaction} end`).mapWith((v) => (v === null ? null : Math.round(Number(v) * 10) / 10)),
    })
    .from(supportTickets);
  return {
    now,
    open: figures?.open ?? 0,
    overdue: figures?.overdue ?? 0,
    satisfaction30d: figures?.satisfaction ?? null,
    tickets: rows.map((r) => ({ ...r, reference: ticketReference(r.id), from: r.workspace ?? r.contactEmail ?? '' })),
  };
}

/** A ticket for an admin: who wrote, the thread, and replies suggested from the help articles. */
export async function supportTicketForStaff(deps: Deps & { appUrl: string }, input: z.input<typeof ticketIdSchema>) {
  const { ticketId } = ticketIdSchema.parse(input);
  const [ticket] = await deps.db
    .select({ ...ticketColumns, locale: supportTickets.locale, workspace: tenants.name, tenantId: supportTickets.tenantId, contactName: supportTickets.contactName, contactEmail: supportTickets.contactEmail, userEmail: users.email, userName: users.name })
    .from(supportTickets)
    .leftJoin(tenants, eq(tenants.id, supportTickets.tenantId))
    .leftJoin(users, eq(users.id, supportTickets.userId))
    .where(eq(supportTickets.id, ticketId));
  if (!ticket) throw new AppError('NOT_FOUND', 'Ticket not found');
  const messages = await messagesOf(deps.db, ticketId);
  const locale = resolveLocale(ticket.locale);
  const question = [ticket.subject, ...messages.filter((m) => m.author === 'customer').map((m) => m.body)].join('\n');
  return {
    ...ticket,
    reference: ticketReference(ticket.id),
    messages,
    suggestions: suggestReplies(locale, question, deps.appUrl),
  };
}

/**
 * Replies drafted from Levqor's help articles in the ticket's language: for each article the
 * help chat finds for the customer's words, its passage that fits best and a link to the article.
 */
export function suggestReplies(locale: Locale, question: string, appUrl: string): { articleId: string; title: string; text: string }[] {
  return retrieveArticles(locale, question, 3).map(({ article }) => {
    const link = `${appUrl.replace(/\/+$/, '')}${localizedPath(article.href, locale)}`;
    return { articleId: article.id, title: article.title, text: `${bestPassage(locale, article, question)}\n\n${article.title}: ${link}` };
  });
}

/**
 * An admin answers (and may close) a ticket. The reply is stored first; the e-mail to the
 * customer is claimed (`emailed_at`) and then sent, so it goes out at most once.
 */
export async function staffReply(deps: MailDeps, admin: { id: string }, input: z.input<typeof staffReplySchema>) {
  const parsed = staffReplySchema.parse(input);
  const now = deps.now?.() ?? new Date();
  const message = await deps.db.transaction(async (tx) => {
    const [ticket] = await tx.select({ status: supportTickets.status }).from(supportTickets).where(eq(supportTickets.id, parsed.ticketId)).for('update');
    if (!ticket) throw new AppError('NOT_FOUND', 'Ticket not found');
    if (ticket.status === 'closed') throw new AppError('CONFLICT', 'This ticket is closed: open a new one if you still need help.');
    const [row] = await tx
      .insert(supportMessages)
      .values({ ticketId: parsed.ticketId, author: 'staff', authorUserId: admin.id, body: parsed.body, createdAt: now })
      .returning({ id: supportMessages.id });
    await tx
      .update(supportTickets)
      .set({
        status: parsed.close ? 'closed' : 'answered',
        dueAt: null,
        lastMessageAt: now,
        firstResponseAt: sql`coalesce(${supportTickets.firstResponseAt}, ${now.toISOString()}::timestamptz)`,
        ...(parsed.close ? { closedAt: now } : {}),
      })
      .where(eq(supportTickets.id, parsed.ticketId));
    return row!;
  });
  const emailed = await emailReply(deps, parsed.ticketId, message.id, parsed.body, now);
  return { messageId: message.id, status: parsed.close ? ('closed' as const) : ('answered' as const), emailed };
}

async function emailReply(deps: MailDeps, ticketId: string, messageId: string, text: string, now: Date): Promise<boolean> {
  if (deps.mail.kind === 'none') return false;
  const [to] = await deps.db
    .select({ subject: supportTickets.subject, locale: supportTickets.locale, tenantId: supportTickets.tenantId, contactEmail: supportTickets.contactEmail, userEmail: users.email, userDeletedAt: users.deletedAt })
    .from(supportTickets)
    .leftJoin(users, eq(users.id, supportTickets.userId))
    .where(eq(supportTickets.id, ticketId));
  const address = to?.userEmail && !to.userDeletedAt ? to.userEmail : to?.contactEmail;
  if (!to || !address) return false;
  const claimed = await deps.db
    .update(supportMessages)
    .set({ emailedAt: now })
    .where(and(eq(supportMessages.id, messageId), isNull(supportMessages.emailedAt)))
    .returning({ id: supportMessages.id });
  if (claimed.length === 0) return false;
  const locale = resolveLocale(to.locale);
  const t = CATALOGS[locale].SupportEmails;
  const base = deps.appUrl.replace(/\/+$/, '');
  const values = {
    subject: to.subject,
    reference: ticketReference(ticketId),
    url: to.tenantId ? `${base}${localizedPath(`/dashboard/support/${ticketId}`, locale)}` : `${base}${localizedPath('/contact', locale)}`,
  };
  try {
    await deps.mail.send({
      to: address,
      subject: fillMessage(t.replySubject, values),
      text: [text, fillMessage(to.tenantId ? t.replyFooterWorkspace : t.replyFooterContact, values)].join('\n\n—\n'),
      idempotencyKey: `support-reply-${messageId}`,
    });
    return true;
  } catch (error) {
    deps.log?.warn({ err: { name: (error as Error).name } }, 'support reply e-mail not sent');
    return false;
  }
}

/** An admin closes a ticket without a reply (spam, duplicate, solved elsewhere). */
export async function staffClose(deps: Deps, input: z.input<typeof ticketIdSchema>) {
  const { ticketId } = ticketIdSchema.parse(input);
  const [ticket] = await deps.db.select({ id: supportTickets.id }).from(supportTickets).where(eq(supportTickets.id, ticketId));
  if (!ticket) throw new AppError('NOT_FOUND', 'Ticket not found');
  return closeById(deps, ticketId);
}

/** Contact-form tickets (no workspace to delete them with) are kept a year after they close. */
export const CONTACT_RETENTION_DAYS = 365;

/** Deletes contact-form tickets closed more than `CONTACT_RETENTION_DAYS` ago (daily, idempotent). */
export async function purgeOldContactTickets(deps: Deps): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const gone = await deps.db
    .delete(supportTickets)
    .where(and(isNull(supportTickets.tenantId), lt(supportTickets.closedAt, new Date(now.getTime() - CONTACT_RETENTION_DAYS * 24 * HOUR_MS))))
    .returning({ id: supportTickets.id });
  return gone.length;
}
