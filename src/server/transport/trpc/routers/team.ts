import { z } from 'zod';
import {
  acceptInvite,
  acceptInviteInputSchema,
  changeMemberRole,
  inspectInvite,
  inviteIdSchema,
  inviteInputSchema,
  inviteMember,
  inviteTokenSchema,
  listTeam,
  memberIdSchema,
  memberRoleInputSchema,
  removeMember,
  revokeInvite,
} from '~/server/domain/accounts/team';
import { env } from '~/env';
import { getMailTransport } from '~/server/infra/mail/transport';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

const role = z.enum(['member', 'owner']);

/**
 * Teams (SPEC P4): everyone in a workspace sees who is in it; owners (and admins) invite, revoke,
 * change roles and remove — the domain refuses members. Opening and accepting an invitation needs
 * no account (the link is the credential) and is rate-limited like sign-in.
 */
export const teamRouter = createTRPCRouter({
  list: protectedProcedure
    .output(
      z.object({
        members: z.array(z.object({ id: z.string(), name: z.string().nullable(), email: z.string(), role, lastLoginAt: z.date().nullable(), createdAt: z.date(), you: z.boolean() })),
        invites: z.array(z.object({ id: z.string(), email: z.string(), role, createdAt: z.date(), expiresAt: z.date(), expired: z.boolean() })),
        canManage: z.boolean(),
      }),
    )
    .query(({ ctx }) => listTeam(ctx, ctx.user)),
  invite: protectedProcedure
    .input(inviteInputSchema)
    .output(z.object({ invite: z.object({ id: z.string(), email: z.string(), role, expiresAt: z.date() }), sent: z.boolean(), link: z.string().nullable() }))
    .mutation(({ ctx, input }) => inviteMember({ ...ctx, mail: getMailTransport(), appUrl: env.APP_URL }, ctx.user, input)),
  revokeInvite: protectedProcedure
    .input(inviteIdSchema)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => revokeInvite(ctx, ctx.user, input)),
  changeRole: protectedProcedure
    .input(memberRoleInputSchema)
    .output(z.object({ userId: z.string(), role }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx, ctx.user, input)),
  remove: protectedProcedure
    .input(memberIdSchema)
    .output(z.object({ userId: z.string() }))
    .mutation(({ ctx, input }) => removeMember(ctx, ctx.user, input)),
  inspectInvite: publicProcedure
    .meta({ access: 'public', rateClass: 'auth' })
    .input(inviteTokenSchema)
    .output(
      z.object({
        state: z.enum(['valid', 'expired', 'used', 'revoked', 'unknown']),
        email: z.string().nullable(),
        workspace: z.string().nullable(),
        role: role.nullable(),
      }),
    )
    .query(({ ctx, input }) => inspectInvite(ctx, input)),
  acceptInvite: publicProcedure
    .meta({ access: 'public', rateClass: 'auth' })
    .input(acceptInviteInputSchema)
    .output(z.object({ email: z.string() }))
    .mutation(async ({ ctx, input }) => ({ email: (await acceptInvite(ctx, input)).email })),
});
