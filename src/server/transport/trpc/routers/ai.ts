import { getAiUsage } from '~/server/domain/ai/credits';
import {
  aiChatInputSchema,
  aiChatOutputSchema,
  aiDebugInputSchema,
  aiDebugOutputSchema,
  aiOnboardingInputSchema,
  aiOnboardingOutputSchema,
  aiUsageOutputSchema,
  aiWorkflowInputSchema,
  aiWorkflowOutputSchema,
} from '~/server/domain/ai/schemas';
import { aiChat, aiDebug, aiOnboarding, aiWorkflow } from '~/server/domain/ai/service';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * AI helpers (SPEC A1-A4). Every path starts with `ai.`, so the strict 'ai' rate class applies;
 * credits are checked in the domain before any provider call.
 */
export const aiRouter = createTRPCRouter({
  chat: protectedProcedure
    .input(aiChatInputSchema)
    .output(aiChatOutputSchema)
    .mutation(({ ctx, input }) => aiChat(ctx, ctx.user, input)),
  workflow: protectedProcedure
    .input(aiWorkflowInputSchema)
    .output(aiWorkflowOutputSchema)
    .mutation(({ ctx, input }) => aiWorkflow(ctx, ctx.user, input)),
  debug: protectedProcedure
    .input(aiDebugInputSchema)
    .output(aiDebugOutputSchema)
    .mutation(({ ctx, input }) => aiDebug(ctx, ctx.user, input)),
  onboarding: protectedProcedure
    .input(aiOnboardingInputSchema)
    .output(aiOnboardingOutputSchema)
    .mutation(({ ctx, input }) => aiOnboarding(ctx, ctx.user, input)),
  // Reading the balance is not an AI request: the normal API rate class.
  usage: protectedProcedure
    .meta({ access: 'protected', rateClass: 'api' })
    .output(aiUsageOutputSchema).query(({ ctx }) => getAiUsage(ctx, ctx.user)),
});
