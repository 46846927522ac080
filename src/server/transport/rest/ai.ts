import type { z } from 'zod';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { APP_ERROR_STATUS, AppError, isAppError } from '~/server/errors';
import { isCrossSiteRequest } from '~/server/transport/rest/csrf';
import { AI_CAPABILITIES, AI_LIMITS, type AiCapability } from '../../domain/ai/config';
import { aiChatInputSchema, aiDebugInputSchema, aiOnboardingInputSchema, aiWorkflowInputSchema } from '../../domain/ai/schemas';
import { aiChat, aiDebug, aiOnboarding, aiWorkflow, type AiDeps } from '../../domain/ai/service';

/**
 * REST mapping of the AI capabilities (SPEC A1): `POST /api/ai/{chat|workflow|debug|onboarding}`.
 * The same domain functions as the tRPC procedures; this part only reads the request and shapes
 * the response:
 *   200 { success: true, ... }                 answered
 *   400 { success: false, error }              body is not JSON (or not UTF-8, or empty)
 *   401 { success: false, error }              not signed in
 *   403 { success: false, error }              cross-site browser request
 *   404 { success: false, error }              unknown capability
 *   413 { success: false, error }              body over 16 KiB
 *   422 { success: false, error }              valid JSON with invalid fields (e.g. query over 2000 characters)
 *   429 { success: false, error, code }        the workspace's AI credits are used up
 * Exported for tests, which call it with a real Request.
 */
const INPUT: Record<AiCapability, z.ZodType> = {
  chat: aiChatInputSchema,
  workflow: aiWorkflowInputSchema,
  debug: aiDebugInputSchema,
  onboarding: aiOnboardingInputSchema,
};

const HEADERS = { 'cache-control': 'no-store' };

export function aiFailure(status: number, error: string, code?: string, headers: Record<string, string> = {}): Response {
  return Response.json({ success: false, error, ...(code ? { code } : {}) }, { status, headers: { ...HEADERS, ...headers } });
}

export function isAiCapability(value: string): value is AiCapability {
  return (AI_CAPABILITIES as readonly string[]).includes(value);
}

/** The body as UTF-8 text, refusing more than `limit` bytes (declared or actually sent). */
async function readBody(req: Request, limit: number): Promise<string> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `The request body can be at most ${limit} bytes (16 KiB).`);
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid UTF-8.');
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid.';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

export async function handleAiRestRequest(
  deps: AiDeps,
  req: Request,
  opts: { capability: string; user: CurrentUser | null },
): Promise<Response> {
  if (!isAiCapability(opts.capability)) {
    return aiFailure(404, `Unknown AI capability. Use one of: ${AI_CAPABILITIES.join(', ')}.`, 'NOT_FOUND');
  }
  if (!opts.user) return aiFailure(401, 'Sign in to use the AI helpers.', 'UNAUTHORIZED');
  if (isCrossSiteRequest(req)) return aiFailure(403, 'Cross-site requests are not allowed.', 'FORBIDDEN');

  try {
    const raw = await readBody(req, AI_LIMITS.bodyBytes);
    if (!raw.trim()) return aiFailure(400, 'The request body must be a JSON object, e.g. {"query": "…"}.', 'BAD_REQUEST');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return aiFailure(400, 'The request body is not valid JSON.', 'BAD_REQUEST');
    }
    const parsed = INPUT[opts.capability].safeParse(json);
    if (!parsed.success) return aiFailure(422, firstIssue(parsed.error), 'UNPROCESSABLE');

    const user = opts.user;
    const result =
      opts.capability === 'chat'
        ? await aiChat(deps, user, parsed.data as z.infer<typeof aiChatInputSchema>)
        : opts.capability === 'workflow'
          ? await aiWorkflow(deps, user, parsed.data as z.infer<typeof aiWorkflowInputSchema>)
          : opts.capability === 'debug'
            ? await aiDebug(deps, user, parsed.data as z.infer<typeof aiDebugInputSchema>)
            : await aiOnboarding(deps, user, parsed.data as z.infer<typeof aiOnboardingInputSchema>);
    return Response.json(result, { status: 200, headers: HEADERS });
  } catch (error) {
    if (isAppError(error)) {
      const headers: Record<string, string> = error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
      return aiFailure(APP_ERROR_STATUS[error.code], error.message, error.code, headers);
    }
    throw error;
  }
}
