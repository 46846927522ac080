import { z } from 'zod';
import { deleteSecret, listSecrets, secretNameSchema, secretSummarySchema, setSecret, setSecretInputSchema } from '~/server/domain/secrets/store';
import { secretsDeps } from '~/server/transport/engine-deps';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * The workspace secrets store (SPEC P1): names for every member; adding, replacing and deleting
 * for owners (the domain refuses members). Values go in, never out.
 */
export const secretsRouter = createTRPCRouter({
  list: protectedProcedure.output(z.array(secretSummarySchema)).query(({ ctx }) => listSecrets(ctx, ctx.user)),
  set: protectedProcedure
    .input(setSecretInputSchema)
    .output(z.object({ name: z.string() }))
    .mutation(({ ctx, input }) => setSecret(secretsDeps(ctx), ctx.user, input)),
  delete: protectedProcedure
    .input(z.strictObject({ name: secretNameSchema }))
    .output(z.object({ deleted: z.boolean() }))
    .mutation(({ ctx, input }) => deleteSecret(ctx, ctx.user, input)),
});
