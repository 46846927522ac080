import { z } from 'zod';
import {
  createWorkflowFromTemplate,
  listTemplates,
  recommendedTemplates,
  recommendedTemplatesInputSchema,
  templatesInputSchema,
  templatesOutputSchema,
  templateSummarySchema,
  useTemplateInputSchema,
} from '~/server/domain/growth/templates';
import { workflowDetailSchema } from '~/server/domain/workflows/workflows';
import { workflowDeps } from '~/server/transport/engine-deps';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

/**
 * SPEC G1/G3: starter templates. The catalog is product content, not tenant data, so listing is
 * public (texts in the requested locale); using a template and recommendations need a tenant.
 * Growth intelligence (G4/G5) lives in the separate `growthIntel` router.
 */
export const growthRouter = createTRPCRouter({
  templates: publicProcedure
    .input(templatesInputSchema)
    .output(templatesOutputSchema)
    .query(({ input }) => listTemplates(input)),
  recommended: protectedProcedure
    .input(recommendedTemplatesInputSchema)
    .output(z.object({ items: z.array(templateSummarySchema) }))
    .query(({ ctx, input }) => recommendedTemplates(ctx, ctx.user, input)),
  useTemplate: protectedProcedure
    .input(useTemplateInputSchema)
    .output(workflowDetailSchema)
    .mutation(({ ctx, input }) => createWorkflowFromTemplate(workflowDeps(ctx), ctx.user, input)),
});
