import { z } from 'zod';
import { listPlans, PLAN_CATEGORIES, PLAN_KINDS, PLAN_STATUSES, plansInputSchema, setPlanStatus, setPlanStatusSchema } from '~/server/domain/planner/plans';
import { adminProcedure, createTRPCRouter } from '../trpc';

const plan = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  subject: z.string(),
  status: z.enum(PLAN_STATUSES),
  priority: z.number(),
  category: z.enum(PLAN_CATEGORIES),
  risk: z.enum(['low', 'medium', 'high']),
  source: z.string(),
  evidence: z.record(z.string(), z.union([z.string(), z.number()])),
  autoApplicable: z.literal(false),
  occurrences: z.number(),
  firstSeenAt: z.date(),
  lastSeenAt: z.date(),
  updatedAt: z.date(),
  statusNote: z.string().nullable(),
});

/**
 * The upgrade planner's plans (SPEC P7), for admins only: read them, and move them by hand.
 * "Rebuild now" is `admin.runJob({ job: 'upgrade-planner' })`.
 */
export const plannerRouter = createTRPCRouter({
  plans: adminProcedure
    .input(plansInputSchema)
    .output(
      z.object({
        plans: z.array(plan),
        summary: z.object({ byStatus: z.record(z.enum(PLAN_STATUSES), z.number()), byCategory: z.record(z.enum(PLAN_CATEGORIES), z.number()) }),
      }),
    )
    .query(({ ctx, input }) => listPlans(ctx, input)),
  setStatus: adminProcedure
    .input(setPlanStatusSchema)
    .output(z.object({ id: z.string(), status: z.enum(PLAN_STATUSES) }))
    .mutation(({ ctx, input }) => setPlanStatus(ctx, ctx.user, input)),
});
