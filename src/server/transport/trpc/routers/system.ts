import { z } from 'zod';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const systemRouter = createTRPCRouter({
  /** Liveness: never touches a dependency. */
  pulse: publicProcedure.output(z.object({ alive: z.literal(true) })).query(() => ({ alive: true as const })),
});
