import { z } from 'zod';
import { listTransitions, restoreTenant, resumeTenant, suspendTenant, tenantActionSchema, TENANT_STATES, transitionsInputSchema } from '~/server/domain/accounts/lifecycle';
import { adminProcedure, createTRPCRouter } from '../trpc';

const state = z.enum(TENANT_STATES);
const result = z.object({ from: state, to: state, changed: z.boolean() });

/** The workspace lifecycle for admins (SPEC P4): every recorded transition, and suspend / resume / restore. */
export const lifecycleRouter = createTRPCRouter({
  transitions: adminProcedure
    .input(transitionsInputSchema)
    .output(
      z.object({
        items: z.array(
          z.object({ id: z.number(), tenantId: z.string(), tenantName: z.string().nullable(), from: z.string(), to: z.string(), actor: z.string(), reason: z.string(), createdAt: z.date() }),
        ),
      }),
    )
    .query(({ ctx, input }) => listTransitions(ctx, input)),
  suspend: adminProcedure.input(tenantActionSchema).output(result).mutation(({ ctx, input }) => suspendTenant(ctx, ctx.user, input)),
  resume: adminProcedure.input(tenantActionSchema).output(result).mutation(({ ctx, input }) => resumeTenant(ctx, ctx.user, input)),
  restore: adminProcedure.input(tenantActionSchema).output(result).mutation(({ ctx, input }) => restoreTenant(ctx, ctx.user, input)),
});
