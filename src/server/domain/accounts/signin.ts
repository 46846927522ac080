import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '~/server/infra/db/client';
import { tenants, users } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { dummyPasswordHash, verifyPassword } from './password';
import { signInInputSchema } from './schemas';

export type SignInThrottle = {
  byEmail: RateLimiterAbstract;
  byIp: RateLimiterAbstract;
  maxFailures: number;
  /** Base of the growing pause after each failure, in ms (0 in tests that count failures). */
  slowdownBaseMs: number;
};

/**
 * Failed sign-ins are counted per e-mail and per IP (both hashed) in Redis, with an in-memory
 * fallback when Redis is down. Each failure waits a little longer than the last; past the
 * limit sign-in is refused until the window ends.
 */
export function createSignInThrottle(
  redis: Redis,
  opts: { prefix: string; maxFailures: number; windowSeconds: number; slowdownBaseMs?: number },
): SignInThrottle {
  const make = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${opts.prefix}:signin-fail:${name}`,
      points,
      duration: opts.windowSeconds,
      insuranceLimiter: new RateLimiterMemory({ points, duration: opts.windowSeconds }),
    });
  return {
    byEmail: make('email', opts.maxFailures),
    byIp: make('ip', opts.maxFailures * 4),
    maxFailures: opts.maxFailures,
    slowdownBaseMs: opts.slowdownBaseMs ?? 250,
  };
}

const digest = (v: string) => createHash('sha256').update(v).digest('hex').slice(0, 32);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type SignedInUser = { id: string; email: string; name: string | null; role: 'member' | 'owner' | 'admin'; tenantId: string };

type Deps = { db: Db; throttle: SignInThrottle; now?: () => Date };

/**
 * Checks e-mail + password. Throws AppError UNAUTHORIZED with one message for an unknown e-mail
 * and a wrong password alike, and TOO_MANY_REQUESTS (with retryAfterSeconds) when throttled.
 */
export async function verifyCredentials(
  deps: Deps,
  raw: { email: unknown; password: unknown; ip?: string | null },
): Promise<SignedInUser> {
  const invalid = () => new AppError('UNAUTHORIZED', 'Wrong e-mail or password.');
  const parsed = signInInputSchema.safeParse(raw);
  if (!parsed.success) throw invalid();
  const { email, password } = parsed.data;
  const emailKey = digest(email);
  const ipKey = digest(raw.ip || 'unknown');

  // The attempt is reserved before the password is checked (one atomic INCR per key), so
  // concurrent guesses cannot all read "under the limit" and all be verified; a successful
  // sign-in gives its reservation back.
  let emailFailures = 0;
  for (const [limiter, key] of [
    [deps.throttle.byEmail, emailKey],
    [deps.throttle.byIp, ipKey],
  ] as const) {
    try {
      const res = await limiter.consume(key, 1);
      if (limiter === deps.throttle.byEmail) emailFailures = res.consumedPoints;
    } catch (rejected) {
      if (rejected instanceof Error) throw rejected;
      const msBeforeNext = (rejected as { msBeforeNext?: number }).msBeforeNext ?? 1000;
      throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-in attempts. Try again later.', {
        retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
      });
    }
  }

  const [user] = await deps.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      tenantId: users.tenantId,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    // A deleted account (or workspace) signs in as if it did not exist.
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.deletedAt), isNull(tenants.deletedAt)))
    .limit(1);

  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) {
    // The reserved attempts stay counted as failures.
    if (deps.throttle.slowdownBaseMs > 0) {
      await sleep(Math.min(deps.throttle.slowdownBaseMs * 2 ** (Math.max(1, emailFailures) - 1), 4000));
    }
    throw invalid();
  }

  const now = deps.now?.() ?? new Date();
  await Promise.all([
    deps.throttle.byEmail.delete(emailKey).catch(() => false),
    deps.throttle.byIp.reward(ipKey, 1).catch(() => null),
    deps.db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id)),
    deps.db.update(tenants).set({ lastActivityAt: now }).where(eq(tenants.id, user.tenantId)),
  ]);
  return { id: user.id, email: user.email, name: user.name, role: user.role, tenantId: user.tenantId };
}
