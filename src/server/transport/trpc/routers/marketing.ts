import { z } from 'zod';
import { getMailTransport } from '~/server/infra/mail/transport';
import { decideDrafts, listDrafts, sendApprovedDrafts } from '~/server/domain/marketing/drafts';
import { decideDraftsInputSchema, decideDraftsOutputSchema, listDraftsInputSchema, listDraftsOutputSchema, mailTransportKindSchema, sendApprovedDraftsInputSchema, sendApprovedDraftsOutputSchema } from '~/server/domain/marketing/schemas';
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
