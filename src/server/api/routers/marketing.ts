import { z } from 'zod';
import { getMailTransport } from '~/server/mail';
import {
  decideDrafts,
  decideDraftsInputSchema,
  decideDraftsOutputSchema,
  listDrafts,
  listDraftsInputSchema,
  listDraftsOutputSchema,
  mailTransportKindSchema,
  sendApprovedDrafts,
  sendApprovedDraftsInputSchema,
  sendApprovedDraftsOutputSchema,
} from '~/server/marketing';
import { adminProcedure, createTRPCRouter } from '../trpc';

/** SPEC J2: marketing drafts wait for an admin; nothing is sent without approval and a transport. */
export const marketingRouter = createTRPCRouter({
  drafts: adminProcedure
    .input(listDraftsInputSchema)
    .output(listDraftsOutputSchema)
    .query(({ ctx, input }) => listDrafts(ctx, input)),
  transport: adminProcedure
    .output(z.object({ kind: mailTransportKindSchema }))
    .query(() => ({ kind: getMailTransport().kind })),
  decide: adminProcedure
    .input(decideDraftsInputSchema)
    .output(decideDraftsOutputSchema)
    .mutation(({ ctx, input }) => decideDrafts({ db: ctx.db, log: ctx.log }, { ...input, adminUserId: ctx.user.id })),
  sendApproved: adminProcedure
    .input(sendApprovedDraftsInputSchema)
    .output(sendApprovedDraftsOutputSchema)
    .mutation(({ ctx, input }) => sendApprovedDrafts({ db: ctx.db, log: ctx.log }, input)),
});
