import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import { AI_MAX_TOKENS, MODEL_FOR, openAiConfigFromEnv, type AiCapability, type OpenAiConfig } from './config';

/**
 * The OpenAI provider (SPEC A2), through the official SDK: structured output (a JSON schema made
 * from a zod schema), the reply validated again with zod, no retries, every call bounded by the
 * configured timeout. Any failure is a ProviderFailure; the caller then answers locally.
 */
export type ProviderFailureKind = 'timeout' | 'api_error' | 'malformed' | 'empty';

export class ProviderFailure extends Error {
  readonly kind: ProviderFailureKind;
  /** HTTP status of an API error, when there was one. */
  readonly status?: number;
  constructor(kind: ProviderFailureKind, options: { status?: number; cause?: unknown } = {}) {
    super(`AI provider failed: ${kind}`, { cause: options.cause });
    this.name = 'ProviderFailure';
    this.kind = kind;
    this.status = options.status;
  }
}

export type CompletionRequest<T> = {
  capability: AiCapability;
  system: string;
  user: string;
  schema: z.ZodType<T>;
  schemaName: string;
};

export type AiProvider = {
  name: 'openai';
  modelFor(capability: AiCapability): string;
  complete<T>(request: CompletionRequest<T>): Promise<{ data: T; model: string }>;
};

export function createOpenAiProvider(config: OpenAiConfig): AiProvider {
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    maxRetries: 0,
    timeout: config.timeoutMs,
  });

  return {
    name: 'openai',
    modelFor: (capability) => MODEL_FOR[capability],
    async complete<T>(request: CompletionRequest<T>) {
      const model = MODEL_FOR[request.capability];
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model,
            messages: [
              { role: 'system', content: request.system },
              { role: 'user', content: request.user },
            ],
            max_completion_tokens: AI_MAX_TOKENS[request.capability],
            response_format: zodResponseFormat(request.schema, request.schemaName),
          },
          { timeout: config.timeoutMs, signal: AbortSignal.timeout(config.timeoutMs), maxRetries: 0 },
        );
      } catch (error) {
        if (error instanceof OpenAI.APIConnectionTimeoutError || (error instanceof Error && error.name === 'TimeoutError')) {
          throw new ProviderFailure('timeout', { cause: error });
        }
        if (error instanceof OpenAI.APIUserAbortError) throw new ProviderFailure('timeout', { cause: error });
        throw new ProviderFailure('api_error', { status: error instanceof OpenAI.APIError ? error.status : undefined, cause: error });
      }
      const content = completion.choices?.[0]?.message?.content;
      if (!content) throw new ProviderFailure('empty');
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch (error) {
        throw new ProviderFailure('malformed', { cause: error });
      }
      const parsed = request.schema.safeParse(json);
      if (!parsed.success) throw new ProviderFailure('malformed', { cause: parsed.error });
      return { data: parsed.data, model: typeof completion.model === 'string' && completion.model ? completion.model : model };
    },
  };
}

let fromEnv: AiProvider | null | undefined;

/** The provider configured by env (OPENAI_API_KEY, OPENAI_BASE_URL, AI_TIMEOUT_MS), or null. */
export function defaultAiProvider(): AiProvider | null {
  if (fromEnv === undefined) {
    const config = openAiConfigFromEnv();
    fromEnv = config ? createOpenAiProvider(config) : null;
  }
  return fromEnv;
}
