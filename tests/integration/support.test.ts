import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { SUPPORT_SLA_HOURS } from '~/server/domain/billing/pricing';
import { contactSupport, purgeOldContactTickets, staffClose, staffReply, suggestReplies, supportQueue } from '~/server/domain/support/tickets';
import { supportMessages, supportTickets, tenants, users } from '~/server/infra/db/schema';
import { logger } from '~/server/infra/logger';
import { createMailTransport } from '~/server/infra/mail/transport';
import { callerFor, makeUser, setupTestDeps, uniqueEmail } from '../helpers/deps';
import { decodedText, startSmtp } from '../helpers/smtp';

/** Support tickets (SPEC P6) on the real PostgreSQL: reply times by plan, the queue, replies, ratings. */
const deps = setupTestDeps();
const HOUR = 3_600_000;
const noMail = createMailTransport({ resendApiKey: undefined, smtpUrl: undefined });

describe('support tickets (SPEC P6)', () => {
  it('a ticket is due within its plan’s reply time; the workspace sees it, another workspace does not', async () => {
    const owner = await makeUser(deps.db);
    const other = await makeUser(deps.db);
    await deps.db.update(tenants).set({ plan: 'business' }).where(eq(tenants.id, owner.tenantId));
    const api = callerFor(deps, owner);
    // Opened on a clock of the test's own: due exactly 4 hours later (Business).
    const openedAt = new Date();
    const { openTicket } = await import('~/server/domain/support/tickets');
    const opened = await openTicket({ db: deps.db, now: () => openedAt }, (await loadCurrentUser(deps, owner.id))!, { subject: 'Runs stopped', body: 'My scheduled workflow stopped running yesterday.' });
    expect(opened.slaHours).toBe(SUPPORT_SLA_HOURS.business);
    expect(opened.dueAt).toEqual(new Date(openedAt.getTime() + 4 * HOUR));
    // And through the API, as the dashboard opens one.
    const viaApi = await api.support.open({ subject: 'Second question', body: 'Can I export the run history as CSV?' });
    expect(viaApi.slaHours).toBe(4);

    const mine = await api.support.mine();
    expect(mine.slaHours).toBe(4);
    expect(mine.tickets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: opened.id, status: 'open', subject: 'Runs stopped', openedBy: 'Test User' }),
        expect.objectContaining({ id: viaApi.id, status: 'open' }),
      ]),
    );
    expect(mine.tickets).toHaveLength(2);
    const ticket = await api.support.get({ ticketId: opened.id });
    expect(ticket.messages).toEqual([expect.objectContaining({ author: 'customer', body: 'My scheduled workflow stopped running yesterday.' })]);

    const outsider = callerFor(deps, other);
    await expect(outsider.support.get({ ticketId: opened.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Ticket not found' });
    await expect(outsider.support.reply({ ticketId: opened.id, body: 'Not my ticket at all.' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(outsider.support.close({ ticketId: opened.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await outsider.support.mine()).tickets).toEqual([]);

    // Bad input is explained, nothing is stored.
    await expect(api.support.open({ subject: 'x', body: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.support.rate({ ticketId: opened.id, score: 4 })).rejects.toMatchObject({ code: 'CONFLICT', message: 'Rate a ticket once it is closed.' });
    expect((await api.support.mine()).tickets).toHaveLength(2);
  });

  it('admins work the queue by breach risk; a reply is e-mailed once; the customer’s answer makes it due again; closed tickets are rated once', async () => {
    const smtp = await startSmtp();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    try {
      const admin = await makeUser(deps.db, { role: 'admin' });
      const starter = await makeUser(deps.db);
      const pro = await makeUser(deps.db);
      await deps.db.update(tenants).set({ plan: 'pro', locale: 'de' }).where(eq(tenants.id, pro.tenantId));
      await deps.db.update(tenants).set({ plan: 'starter' }).where(eq(tenants.id, starter.tenantId));
      // Far in the future, so this file's tickets sort after every other ticket of the shared database.
      const t0 = new Date(Date.now() + 400 * 24 * HOUR);
      const at = (hours: number) => ({ db: deps.db, now: () => new Date(t0.getTime() + hours * HOUR) });
      const starterUser = (await loadCurrentUser(deps, starter.id))!;
      const proUser = { ...(await loadCurrentUser(deps, pro.id))!, locale: 'de' };
      const { openTicket, replyToTicket, rateTicket } = await import('~/server/domain/support/tickets');
      // The Starter ticket came first but is due in 48 h; the Pro one, an hour later, in 12 h.
      const slow = await openTicket(at(0), starterUser, { subject: 'Invoice question', body: 'Where do I download my invoices?' });
      const fast = await openTicket(at(1), proUser, { subject: 'Passwort vergessen', body: 'Ich habe mein Passwort vergessen, was nun?' });

      const queue = await supportQueue(at(14), { status: 'open' });
      const ours = queue.tickets.filter((t) => t.id === slow.id || t.id === fast.id);
      expect(ours.map((t) => t.id)).toEqual([fast.id, slow.id]);
      expect(queue.overdue).toBeGreaterThanOrEqual(1);
      expect(ours[0]!.dueAt!.getTime()).toBe(t0.getTime() + 13 * HOUR);

      const adminApi = callerFor(deps, admin);
      const staffView = await adminApi.support.staffGet({ ticketId: fast.id });
      expect(staffView.userEmail).toBe(pro.email);
      // Suggested from Help in the ticket's language: the password article's reset passage.
      expect(staffView.suggestions[0]).toMatchObject({ articleId: 'password', text: expect.stringMatching(/Passwort vergessen\?/) });
      expect(staffView.suggestions[0]!.text).toContain('/de/dashboard/help/password');

      const replied = await staffReply({ ...at(15), mail, appUrl: 'https://levqor.example', log: logger }, admin, { ticketId: fast.id, body: 'Nutzen Sie „Passwort vergessen?“ auf der Anmeldeseite.' });
      expect(replied).toMatchObject({ status: 'answered', emailed: true });
      const [sent] = smtp.to(pro.email);
      expect(decodedText(sent!)).toContain('Nutzen Sie „Passwort vergessen?“');
      expect(decodedText(sent!)).toContain(`https://levqor.example/de/dashboard/support/${fast.id}`);
      expect(smtp.to(pro.email)).toHaveLength(1);
      const [message] = await deps.db.select().from(supportMessages).where(eq(supportMessages.id, replied.messageId));
      expect(message!.emailedAt).toEqual(new Date(t0.getTime() + 15 * HOUR));

      let [row] = await deps.db.select().from(supportTickets).where(eq(supportTickets.id, fast.id));
      expect(row).toMatchObject({ status: 'answered', dueAt: null, firstResponseAt: new Date(t0.getTime() + 15 * HOUR) });

      // The customer writes back: open again, due 12 h later; the first response time stays.
      await replyToTicket(at(20), proUser, { ticketId: fast.id, body: 'Danke, aber der Link kam nicht an.' });
      [row] = await deps.db.select().from(supportTickets).where(eq(supportTickets.id, fast.id));
      expect(row).toMatchObject({ status: 'open', dueAt: new Date(t0.getTime() + 32 * HOUR), firstResponseAt: new Date(t0.getTime() + 15 * HOUR) });

      // Reply and close; then one rating, 1-5.
      await staffReply({ ...at(21), mail: noMail, appUrl: 'https://levqor.example', log: logger }, admin, { ticketId: fast.id, body: 'Ich habe den Link erneut gesendet.', close: true });
      await expect(replyToTicket(at(22), proUser, { ticketId: fast.id, body: 'Noch eine Frage dazu bitte.' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(rateTicket(at(22), proUser, { ticketId: fast.id, score: 6 })).rejects.toMatchObject({ name: 'ZodError' });
      expect(await rateTicket(at(22), proUser, { ticketId: fast.id, score: 5 })).toEqual({ satisfaction: 5 });
      await expect(rateTicket(at(22), proUser, { ticketId: fast.id, score: 1 })).rejects.toMatchObject({ code: 'CONFLICT', message: 'This ticket is already rated.' });
      const later = await supportQueue(at(23), { status: 'closed' });
      expect(later.tickets.some((t) => t.id === fast.id && t.satisfaction === 5)).toBe(true);
      expect(later.satisfaction30d).not.toBeNull();

      // Members cannot see the queue.
      await expect(callerFor(deps, starter).support.queue({ status: 'open' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await smtp.close();
    }
  });

  it('the contact form makes a ticket without a workspace, limited per address, answered by e-mail', async () => {
    const smtp = await startSmtp();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    try {
      const admin = await makeUser(deps.db, { role: 'admin' });
      const email = uniqueEmail('prospect');
      const sent = await contactSupport(deps, { name: 'Pat Prospect', email: email.toUpperCase(), subject: 'Before I sign up', body: 'Can Levqor call our own API every morning?', locale: 'fr' });
      expect(sent).toMatchObject({ reference: expect.stringMatching(/^#[0-9a-f]{8}$/), slaHours: SUPPORT_SLA_HOURS.starter });
      const [ticket] = await deps.db.select().from(supportTickets).where(eq(supportTickets.contactEmail, email));
      expect(ticket).toMatchObject({ tenantId: null, plan: 'starter', locale: 'fr', status: 'open' });

      const reply = await staffReply({ db: deps.db, mail, appUrl: 'https://levqor.example', log: logger }, admin, { ticketId: ticket!.id, body: 'Oui : une étape HTTP avec un déclencheur planifié.' });
      expect(reply.emailed).toBe(true);
      const text = decodedText(smtp.to(email)[0]!);
      expect(text).toContain('https://levqor.example/fr/contact');
      expect(text).toContain(sent.reference);

      // A year after it closes, a contact-form ticket is purged (it has no workspace to go with).
      await staffClose(deps, { ticketId: ticket!.id });
      const [closed] = await deps.db.select({ closedAt: supportTickets.closedAt }).from(supportTickets).where(eq(supportTickets.id, ticket!.id));
      expect(await purgeOldContactTickets({ db: deps.db, now: () => new Date(closed!.closedAt!.getTime() + 364 * 24 * HOUR) })).toBe(0);
      expect(await purgeOldContactTickets({ db: deps.db, now: () => new Date(closed!.closedAt!.getTime() + 366 * 24 * HOUR) })).toBeGreaterThanOrEqual(1);
      expect(await deps.db.select().from(supportTickets).where(eq(supportTickets.id, ticket!.id))).toEqual([]);

      for (let i = 0; i < 5; i++) await contactSupport(deps, { name: 'Pat', email, subject: `Again ${i}`, body: 'Another question for you.' });
      await expect(contactSupport(deps, { name: 'Pat', email, subject: 'Too many', body: 'One question too many.' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      await expect(contactSupport(deps, { name: 'Pat', email: 'not an address', subject: 'Hello', body: 'A question for you.' })).rejects.toMatchObject({ name: 'ZodError' });
    } finally {
      await smtp.close();
    }
  });

  it('tells the admins about each customer message by e-mail, in their language, once', async () => {
    const smtp = await startSmtp();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    try {
      const admin = await makeUser(deps.db, { role: 'admin' });
      await deps.db.update(users).set({ locale: 'fr' }).where(eq(users.id, admin.id));
      const owner = await makeUser(deps.db);
      const user = (await loadCurrentUser(deps, owner.id))!;
      const withMail = { db: deps.db, mail, appUrl: 'https://levqor.example', log: logger };
      const { openTicket, replyToTicket } = await import('~/server/domain/support/tickets');
      const ticket = await openTicket(withMail, user, { subject: 'Exports are empty', body: 'The CSV export of my runs has no rows today.' });
      const [notice] = smtp.to(admin.email);
      const text = decodedText(notice!);
      expect(text).toContain('The CSV export of my runs has no rows today.');
      expect(text).toContain(`https://levqor.example/fr/admin/support/${ticket.id}`);
      expect(text).toContain('Répondez dans la file du support');
      // The customer never receives the staff notice.
      expect(smtp.to(owner.email)).toHaveLength(0);
      const [first] = await deps.db.select().from(supportMessages).where(eq(supportMessages.ticketId, ticket.id));
      expect(first!.emailedAt).not.toBeNull();

      await replyToTicket(withMail, user, { ticketId: ticket.id, body: 'It is empty for last week too.' });
      expect(smtp.to(admin.email)).toHaveLength(2);
      // Without a transport nothing is sent and nothing is claimed.
      await replyToTicket(deps, user, { ticketId: ticket.id, body: 'And for the week before.' });
      expect(smtp.to(admin.email)).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });

  it('suggests nothing when Help has nothing close', () => {
    expect(suggestReplies('en', 'zzzz qqqq', 'https://levqor.example')).toEqual([]);
  });
});
