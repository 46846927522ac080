import type { CurrentUser } from '~/server/domain/accounts/users';
import { AI_CAPABILITIES, type AiCapability } from '~/server/domain/ai/config';
import { aiFailure, handleAiRestRequest, isAiCapability } from '~/server/transport/rest/ai';
import { getCurrentUser } from '~/server/transport/auth/current-user';
import { getDb } from '~/server/infra/db/client';
import { rest } from '~/server/transport/rest/rest';
import { getRedis } from '~/server/infra/redis';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * AI helpers over REST (SPEC A1): POST /api/ai/chat | workflow | debug | onboarding, for
 * signed-in users (session cookie). Rate limited with the strict 'ai' class per user; credits,
 * validation and the response shapes live in src/server/domain/ai/rest.ts.
 */
// The signed-in user is resolved once per request (for the per-user rate limit and the handler).
const users = new WeakMap<Request, Promise<CurrentUser | null>>();
function userOf(req: Request): Promise<CurrentUser | null> {
  let user = users.get(req);
  if (!user) {
    user = getCurrentUser();
    users.set(req, user);
  }
  return user;
}

const handlers = Object.fromEntries(
  AI_CAPABILITIES.map((capability) => [
    capability,
    rest(
      { name: `ai.${capability}`, rateClass: 'ai', userId: async (req) => (await userOf(req))?.id ?? null },
      async (req, ctx) =>
        handleAiRestRequest({ db: getDb(), redis: getRedis(), log: ctx.log, requestId: ctx.requestId }, req, {
          capability,
          user: await userOf(req),
        }),
    ),
  ]),
) as Record<AiCapability, (req: Request) => Promise<Response>>;

export async function POST(req: Request, { params }: { params: Promise<{ capability: string }> }) {
  const { capability } = await params;
  if (!isAiCapability(capability)) {
    return aiFailure(404, `Unknown AI capability. Use one of: ${AI_CAPABILITIES.join(', ')}.`, 'NOT_FOUND');
  }
  return handlers[capability](req);
}
