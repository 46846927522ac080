import { z } from 'zod';
import { AI_CAPABILITIES, AI_LIMITS } from '~/server/domain/ai/config';
import { runAiCapability } from '~/server/domain/ai/service';
import { getDb } from '~/server/infra/db/client';
import { getRedis } from '~/server/infra/redis';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * AI helpers over REST (SPEC A1): POST /api/ai/chat | workflow | debug | onboarding for signed-in
 * users, strict 'ai' rate class per user, the SPEC A1 envelope ({ success, ... }):
 * 404 unknown capability, 401, 403 cross-site, 413 over 16 KiB, 400 not JSON, 422 invalid
 * fields, 429 rate limit, AI credits or the month's API calls used up (with Retry-After). Each
 * call counts on the workspace's `api_call` meter (SPEC P3).
 */
export const POST = route(
  {
    name: 'ai',
    auth: 'user',
    rateClass: 'ai',
    csrf: 'same-site',
    envelope: 'ai',
    meter: true,
    params: z.object({
      capability: z.enum(AI_CAPABILITIES, { error: `Unknown AI capability. Use one of: ${AI_CAPABILITIES.join(', ')}.` }),
    }),
    body: { kind: 'json', maxBytes: AI_LIMITS.bodyBytes, emptyMessage: 'The request body must be a JSON object, e.g. {"query": "…"}.' },
  },
  ({ params, body, user, log, requestId }) =>
    runAiCapability({ db: getDb(), redis: getRedis(), log, requestId }, user, params.capability, body),
);
