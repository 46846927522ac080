import { z } from 'zod';
import { env } from '~/env';
import {
  closeTicket,
  getTicket,
  listTickets,
  openTicket,
  openTicketSchema,
  queueSchema,
  rateSchema,
  rateTicket,
  replySchema,
  replyToTicket,
  staffClose,
  staffReply,
  staffReplySchema,
  supportQueue,
  supportTicketForStaff,
  ticketIdSchema,
} from '~/server/domain/support/tickets';
import { logger } from '~/server/infra/logger';
import { getMailTransport } from '~/server/infra/mail/transport';
import { adminProcedure, createTRPCRouter, protectedProcedure } from '../trpc';

/** What a support call needs to send its e-mails (the transport from env, like every request). */
const withMail = <T extends object>(ctx: T) => ({ ...ctx, mail: getMailTransport(), appUrl: env.APP_URL, log: logger });

const plan = z.enum(['starter', 'growth', 'pro', 'business']);
const status = z.enum(['open', 'answered', 'closed']);
const ticket = z.object({
  id: z.string(),
  reference: z.string(),
  subject: z.string(),
  status,
  plan,
  slaHours: z.number(),
  createdAt: z.date(),
  dueAt: z.date().nullable(),
  firstResponseAt: z.date().nullable(),
  lastMessageAt: z.date(),
  closedAt: z.date().nullable(),
  satisfaction: z.number().nullable(),
});
const message = z.object({ id: z.string(), author: z.enum(['customer', 'staff']), authorName: z.string().nullable(), body: z.string(), createdAt: z.date() });

/**
 * Support (SPEC P6): every member opens and follows the workspace's tickets; admins work the
 * queue, reply (e-mailed to the customer when mail is configured) and close. The public contact
 * form is a server action (`/contact`), not a procedure.
 */
export const supportRouter = createTRPCRouter({
  mine: protectedProcedure
    .output(z.object({ tickets: z.array(ticket.extend({ openedBy: z.string().nullable() })), slaHours: z.number() }))
    .query(({ ctx }) => listTickets(ctx, ctx.user)),
  get: protectedProcedure
    .input(ticketIdSchema)
    .output(ticket.extend({ messages: z.array(message) }))
    .query(({ ctx, input }) => getTicket(ctx, ctx.user, input)),
  open: protectedProcedure
    .input(openTicketSchema)
    .output(z.object({ id: z.string(), dueAt: z.date(), slaHours: z.number() }))
    .mutation(({ ctx, input }) => openTicket(withMail(ctx), ctx.user, input)),
  reply: protectedProcedure
    .input(replySchema)
    .output(z.object({ status: z.literal('open'), dueAt: z.date().nullable() }))
    .mutation(({ ctx, input }) => replyToTicket(withMail(ctx), ctx.user, input)),
  close: protectedProcedure
    .input(ticketIdSchema)
    .output(z.object({ status: z.literal('closed') }))
    .mutation(({ ctx, input }) => closeTicket(ctx, ctx.user, input)),
  rate: protectedProcedure
    .input(rateSchema)
    .output(z.object({ satisfaction: z.number() }))
    .mutation(({ ctx, input }) => rateTicket(ctx, ctx.user, input)),
  queue: adminProcedure
    .input(queueSchema)
    .output(
      z.object({
        now: z.date(),
        open: z.number(),
        overdue: z.number(),
        satisfaction30d: z.number().nullable(),
        tickets: z.array(ticket.extend({ from: z.string(), workspace: z.string().nullable(), contactEmail: z.string().nullable() })),
      }),
    )
    .query(({ ctx, input }) => supportQueue(ctx, input)),
  staffGet: adminProcedure
    .input(ticketIdSchema)
    .output(
      ticket.extend({
        locale: z.string(),
        workspace: z.string().nullable(),
        tenantId: z.string().nullable(),
        contactName: z.string().nullable(),
        contactEmail: z.string().nullable(),
        userEmail: z.string().nullable(),
        userName: z.string().nullable(),
        messages: z.array(message),
        suggestions: z.array(z.object({ articleId: z.string(), title: z.string(), text: z.string() })),
      }),
    )
    .query(({ ctx, input }) => supportTicketForStaff({ ...ctx, appUrl: env.APP_URL }, input)),
  staffReply: adminProcedure
    .input(staffReplySchema)
    .output(z.object({ messageId: z.string(), status: z.enum(['answered', 'closed']), emailed: z.boolean() }))
    .mutation(({ ctx, input }) => staffReply(withMail(ctx), ctx.user, input)),
  staffClose: adminProcedure
    .input(ticketIdSchema)
    .output(z.object({ status: z.literal('closed') }))
    .mutation(({ ctx, input }) => staffClose(ctx, input)),
});
