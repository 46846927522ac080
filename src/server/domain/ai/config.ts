import { env } from '~/env';
import { USAGE_LIMITS } from '~/server/domain/billing/limits';
import type { Plan } from '~/server/domain/billing/pricing';

/**
 * AI configuration (SPEC A2/A4), in one place.
 *
 * CRITICAL: this is configuration only. Every AI call is made server-side, after the tenant's
 * credits were checked (src/server/domain/ai/credits.ts), bounded by AI_TIMEOUT_MS, and falls back to
 * the local engine on any provider failure. Without OPENAI_API_KEY nothing leaves the machine.
 */
export const AI_CAPABILITIES = ['chat', 'workflow', 'debug', 'onboarding'] as const;
export type AiCapability = (typeof AI_CAPABILITIES)[number];

export const AI_MODELS = {
  /** Everyday answers: help chat, debugger, onboarding. */
  chat: 'gpt-4.1-mini',
  /** Harder reasoning: the natural-language workflow builder. */
  heavy: 'gpt-4.1',
} as const;

export const MODEL_FOR: Record<AiCapability, string> = {
  chat: AI_MODELS.chat,
  workflow: AI_MODELS.heavy,
  debug: AI_MODELS.chat,
  onboarding: AI_MODELS.chat,
};

/** Upper bound of completion tokens per call (structured answers are short). */
export const AI_MAX_TOKENS: Record<AiCapability, number> = { chat: 700, workflow: 1500, debug: 700, onboarding: 500 };

/** Upper bound of one provider call; past it the local engine answers. */
export const AI_TIMEOUT_MS = env.AI_TIMEOUT_MS;

/** Input limits: a field over its limit is refused with 422, a body over its limit with 413. */
export const AI_LIMITS = {
  queryChars: 2000,
  errorChars: 4000,
  pageChars: 200,
  bodyBytes: 16 * 1024,
} as const;

/** AI credits per tenant per calendar month (UTC), by plan: the usage limits' `ai_credit` column. */
export const AI_MONTHLY_CREDITS: Readonly<Record<Plan, number>> = {
  starter: USAGE_LIMITS.starter.ai_credit,
  growth: USAGE_LIMITS.growth.ai_credit,
  pro: USAGE_LIMITS.pro.ai_credit,
  business: USAGE_LIMITS.business.ai_credit,
};

/**
 * Credits per request. The local engine costs 1 (onboarding's progress checklist costs nothing,
 * so that opening the dashboard never spends credits); a provider call costs 2.
 */
export const AI_CREDIT_COST = { local: 1, openai: 2, onboardingLocal: 0 } as const;

export type AiProviderName = 'openai' | 'local';

export function creditCost(capability: AiCapability, provider: AiProviderName): number {
  if (provider === 'openai') return AI_CREDIT_COST.openai;
  return capability === 'onboarding' ? AI_CREDIT_COST.onboardingLocal : AI_CREDIT_COST.local;
}

/** How many help articles a chat answer cites at most. */
export const AI_MAX_SOURCES = 3;

export type OpenAiConfig = { apiKey: string; baseURL?: string; timeoutMs: number };

/** OpenAI settings from env, or null when OPENAI_API_KEY is not set (the local engine answers). */
export function openAiConfigFromEnv(): OpenAiConfig | null {
  if (!env.OPENAI_API_KEY) return null;
  return { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, timeoutMs: env.AI_TIMEOUT_MS };
}
