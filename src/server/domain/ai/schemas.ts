import { z } from 'zod';
import { workflowStepsSchema } from '~/server/domain/workflows/steps';
import { AI_LIMITS } from './config';
import { DEBUG_PATTERN_IDS, HELP_ARTICLE_IDS, ONBOARDING_ITEM_IDS } from './help/types';

/**
 * Inputs and outputs of the AI capabilities (SPEC A1), shared by the tRPC procedures, the REST
 * routes and the UI. Inputs are strict at the top level (a misspelt field is an error, not
 * silently ignored); `context` is descriptive and lenient (unknown keys are dropped).
 */
export const aiContextSchema = z
  .object({
    page: z.string().trim().max(AI_LIMITS.pageChars, `context.page can be at most ${AI_LIMITS.pageChars} characters`).optional(),
    locale: z.string().trim().max(10).optional(),
    plan: z.string().trim().max(20).optional(),
  })
  .optional();
export type AiContext = z.infer<typeof aiContextSchema>;

const queryText = z
  .string({ error: 'query must be text' })
  .trim()
  .min(1, 'Type a question or a description first (query is empty)')
  .max(AI_LIMITS.queryChars, `query is too long: at most ${AI_LIMITS.queryChars} characters`);

export const aiChatInputSchema = z.strictObject({ query: queryText, context: aiContextSchema });
export const aiWorkflowInputSchema = z.strictObject({ query: queryText, context: aiContextSchema });
export const aiDebugInputSchema = z.strictObject({
  error: z
    .string({ error: 'error must be text' })
    .trim()
    .min(1, 'Paste the error message first (error is empty)')
    .max(AI_LIMITS.errorChars, `error is too long: at most ${AI_LIMITS.errorChars} characters`),
  context: aiContextSchema,
});
export const aiOnboardingInputSchema = z
  .strictObject({
    query: z
      .string({ error: 'query must be text' })
      .trim()
      .max(AI_LIMITS.queryChars, `query is too long: at most ${AI_LIMITS.queryChars} characters`)
      .default(''),
    context: aiContextSchema,
  })
  .default({ query: '' });

export type AiChatInput = z.infer<typeof aiChatInputSchema>;
export type AiWorkflowInput = z.infer<typeof aiWorkflowInputSchema>;
export type AiDebugInput = z.infer<typeof aiDebugInputSchema>;
export type AiOnboardingInput = z.infer<typeof aiOnboardingInputSchema>;

export const aiMetaSchema = z.object({
  provider: z.enum(['openai', 'local']),
  model: z.string().nullable(),
  latency_ms: z.number().int().min(0),
  request_id: z.string(),
  /** Credits this request used. */
  credits: z.number().int().min(0),
  locale: z.string(),
});
export type AiMeta = z.infer<typeof aiMetaSchema>;

export const aiChatOutputSchema = z.object({
  success: z.literal(true),
  answer: z.string(),
  steps: z.array(z.string()),
  sources: z.array(z.object({ id: z.enum(HELP_ARTICLE_IDS), title: z.string(), href: z.string() })),
  meta: aiMetaSchema,
});
export const aiWorkflowOutputSchema = z.object({
  success: z.literal(true),
  answer: z.string(),
  /** A name for the workflow, to save it with. */
  name: z.string(),
  steps: workflowStepsSchema,
  assumptions: z.array(z.string()),
  meta: aiMetaSchema,
});
export const aiDebugOutputSchema = z.object({
  success: z.literal(true),
  category: z.enum(DEBUG_PATTERN_IDS),
  title: z.string(),
  explanation: z.string(),
  steps: z.array(z.string()),
  prevention: z.array(z.string()),
  meta: aiMetaSchema,
});
export const aiOnboardingOutputSchema = z.object({
  success: z.literal(true),
  answer: z.string(),
  steps: z.array(z.string()),
  checklist: z.array(z.object({ id: z.enum(ONBOARDING_ITEM_IDS), title: z.string(), done: z.boolean(), href: z.string() })),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  trial_days_left: z.number().int().nullable(),
  meta: aiMetaSchema,
});
export const aiUsageOutputSchema = z.object({
  used: z.number().int().min(0),
  allowance: z.number().int().min(0),
  /** Calendar month (UTC) the figures are for, e.g. "2026-11". */
  month: z.string(),
});

export type AiChatOutput = z.infer<typeof aiChatOutputSchema>;
export type AiWorkflowOutput = z.infer<typeof aiWorkflowOutputSchema>;
export type AiDebugOutput = z.infer<typeof aiDebugOutputSchema>;
export type AiOnboardingOutput = z.infer<typeof aiOnboardingOutputSchema>;

/** Structured output asked from the provider (then checked again, and mapped to the above). */
export const providerAnswerSchema = z.object({ answer: z.string(), steps: z.array(z.string()) });
export const providerDebugSchema = z.object({
  title: z.string(),
  explanation: z.string(),
  steps: z.array(z.string()),
  prevention: z.array(z.string()),
});
export const providerWorkflowSchema = z.object({
  name: z.string(),
  answer: z.string(),
  assumptions: z.array(z.string()),
  steps: z.array(
    z.object({
      type: z.enum(['webhook_trigger', 'schedule_trigger', 'http_request', 'delay', 'condition', 'transform', 'email', 'log']),
      name: z.string(),
      /** The step's config as a JSON object in a string (the shapes differ per type). */
      config_json: z.string(),
    }),
  ),
});
