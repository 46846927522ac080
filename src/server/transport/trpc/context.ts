import 'server-only';
import { auth } from '~/server/transport/auth/next-auth';
import { getDb } from '~/server/infra/db/client';
import { getHealthService } from '~/server/domain/health/summary';
import { getRateLimiter } from '~/server/domain/scaling/rate-limit';
import { clientIp } from '~/server/transport/rest/client-ip';
import { requestIdFrom } from '~/server/transport/rest/security';
import { getRedis } from '~/server/infra/redis';
import { requestLocale } from '~/server/domain/i18n/errors';
import { createInnerTRPCContext } from './trpc';

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/**
 * The request-bound context: session from Auth.js, request id from the proxy. Requests
 * without a session cookie skip Auth.js entirely (anonymous calls stay cheap).
 */
export async function createTRPCContext(opts: { headers: Headers }) {
  const session = SESSION_COOKIE.test(opts.headers.get('cookie') ?? '') ? await auth() : null;
  return createInnerTRPCContext({
    db: getDb(),
    redis: getRedis(),
    userId: session?.user?.id ?? null,
    sessionSignedInAt: session ? (session.signedInAt ?? null) : undefined,
    locale: requestLocale(opts.headers),
    requestId: requestIdFrom(opts.headers.get('x-request-id')),
    ip: clientIp(opts.headers),
    health: getHealthService(),
    rateLimiter: getRateLimiter(),
  });
}
