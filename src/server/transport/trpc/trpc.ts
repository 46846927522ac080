import { initTRPC, TRPCError } from '@trpc/server';

// The one error map's tRPC codes must be real tRPC codes.
type _TrpcCodesAreValid = TrpcErrorCode extends TRPCError['code'] ? true : never;
const _trpcCodesAreValid: _TrpcCodesAreValid = true;
void _trpcCodesAreValid;
import type { Redis } from 'ioredis';
import type Stripe from 'stripe';
import { env } from '~/env';
import { billingConfigFromEnv, type BillingConfig } from '~/server/domain/billing/config';
import { recordActivity } from '~/server/domain/growth/activity';
import { getStripe } from '~/server/domain/billing/stripe';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { loadCurrentUser, type CurrentUser } from '~/server/domain/accounts/users';
import type { Db } from '~/server/infra/db/client';
import { localizeErrorMessage } from '~/server/domain/i18n/errors';
import { AppError, firstIssueMessage, httpStatusOf, INTERNAL_ERROR_MESSAGE, isAppError, safeErrorSummary, trpcCodeOf, type TrpcErrorCode } from '~/server/errors';
import { createHealthService, type HealthService } from '~/server/domain/health/summary';
import { logger, type Logger } from '~/server/infra/logger';
import { unsafeInput, unsafeSuperjsonMeta } from '~/server/transport/input-guard';
import { metrics, statusClass } from '~/server/infra/metrics/registry';
import type { RateLimiter } from '~/server/domain/scaling/rate-limit';
import { logError, logPerformance } from '~/server/domain/telemetry/log';

/**
 * Context that does not depend on Next: tests build it directly and call `createCaller`.
 * `userId` comes from the verified session; the user row itself is loaded per request.
 */
export type InnerContext = {
  db: Db;
  redis: Redis;
  userId: string | null;
  /** The caller's language for error messages (null: English). */
  locale?: string | null;
  /** When the session cookie signed in (ms; null without the claim); undefined: no cookie was read (tests, jobs). */
  sessionSignedInAt?: number | null;
  requestId: string;
  ip: string | null;
  log: Logger;
  now: () => Date;
  health: HealthService;
  /** Absent in tests that do not exercise rate limits. */
  rateLimiter: RateLimiter | null;
  /** Stripe (null: not configured), price ids and the discount flag, read from env once per request. */
  billing: BillingContext;
};

export type BillingContext = { stripe: Stripe | null; config: BillingConfig; pricingAutoApply: boolean };

/** The billing context from env: the only place the procedures' Stripe client comes from. */
export function billingContextFromEnv(): BillingContext {
  return { stripe: getStripe(), config: billingConfigFromEnv(), pricingAutoApply: env.PRICING_AUTO_APPLY };
}

export function createInnerTRPCContext(
  opts: Pick<InnerContext, 'db' | 'redis' | 'userId'> & Partial<InnerContext>,
): InnerContext {
  const requestId = opts.requestId ?? crypto.randomUUID();
  let log = opts.log;
  return {
    db: opts.db,
    redis: opts.redis,
    userId: opts.userId,
    sessionSignedInAt: opts.sessionSignedInAt,
    locale: opts.locale ?? null,
    requestId,
    ip: opts.ip ?? null,
    // The request's child logger is made on first use: most calls never log.
    get log() {
      log ??= logger.child({ requestId });
      return log;
    },
    now: opts.now ?? (() => new Date()),
    health: opts.health ?? createHealthService({ db: opts.db, redis: opts.redis, stripe: null, cacheSeconds: 0 }),
    rateLimiter: opts.rateLimiter ?? null,
    billing: opts.billing ?? billingContextFromEnv(),
  };
}

/** Every procedure declares one of these; the authorization-matrix test enforces it. */
export type Access = 'public' | 'protected' | 'admin';
/** `rateClass` overrides the default class (AI paths: 'ai', everything else: 'api'). */
export type Meta = { access: Access; rateClass?: 'api' | 'ai' | 'auth' };

/**
 * superjson, with the client's annotations checked against a short list before decoding (a
 * crafted annotation would otherwise reach superjson's internals: issue 11 #9).
 */
const transformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (value: unknown) => {
      const meta = value && typeof value === 'object' ? (value as { meta?: unknown }).meta : undefined;
      if (unsafeSuperjsonMeta(meta)) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'The request uses a value type this API does not accept.' });
      }
      return superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]);
    },
  },
  output: superjson,
};

const t = initTRPC
  .context<InnerContext>()
  .meta<Meta>()
  .create({
    transformer,
    errorFormatter({ shape, error, ctx }) {
      const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      // Input errors carry the first field's message so a form can show it as is; domain errors
      // are translated into the caller's language where messages/ has them.
      const message = localizeErrorMessage(
        shape.data.code === 'INTERNAL_SERVER_ERROR'
          ? INTERNAL_ERROR_MESSAGE
          : error.cause instanceof ZodError && error.cause.issues.length
            ? firstIssueMessage(error.cause)
            : shape.message,
        ctx?.locale,
      );
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          zodError,
          // A domain error's public facts (a usage limit: meter, limit, resetsAt, upgradePath).
          details: isAppError(error.cause) ? (error.cause.details ?? null) : null,
          retryAfterSeconds: isAppError(error.cause) ? (error.cause.retryAfterSeconds ?? null) : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps domain errors to tRPC codes and logs unexpected ones with the request id. */
const errorMapping = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isAppError(cause)) {
      throw new TRPCError({ code: trpcCodeOf(cause.code), message: cause.message, cause });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      logError(cause ?? result.error, { endpoint: `trpc:${path}` });
      // Class, database code and constraint only: never a query's text or parameters (SPEC F5).
      ctx.log.error({ path, type, err: safeErrorSummary(cause ?? result.error) }, 'procedure failed');
    }
  }
  const ms = performance.now() - started;
  const m = metrics();
  const code = result.ok ? 'OK' : result.error.code;
  m.httpRequests.inc({ route: `trpc.${path}`, status: result.ok ? '2xx' : statusClass(httpStatusOf(code)) });
  m.httpDuration.observe({ route: `trpc.${path}` }, ms / 1000);
  // Client errors (4xx) are the caller's; only server failures count against the endpoint.
  logPerformance(`trpc:${path}`, ms, { ok: result.ok || code !== 'INTERNAL_SERVER_ERROR' });
  if (logger.isLevelEnabled('debug')) ctx.log.debug({ path, type, ok: result.ok, ms: Math.round(ms) }, 'procedure');
  return result;
});

/** NUL characters, lone surrogates, prototype keys, absurd nesting: a 400 before any schema runs. */
const inputGuard = t.middleware(async ({ getRawInput, next }) => {
  const unsafe = unsafeInput(await getRawInput());
  if (unsafe) throw new TRPCError({ code: 'BAD_REQUEST', message: unsafe.message });
  return next();
});

/** Per-caller limits from the scaling policy (SPEC H5); AI procedures use the stricter class. */
const rateLimit = t.middleware(async ({ ctx, next, path, meta }) => {
  if (ctx.rateLimiter) {
    const cls = meta?.rateClass ?? (path.startsWith('ai.') ? 'ai' : 'api');
    const decision = await ctx.rateLimiter.check(cls, { userId: ctx.userId, ip: ctx.ip });
    if (!decision.allowed) {
      metrics().rateLimited.inc({ class: cls });
      throw new AppError('TOO_MANY_REQUESTS', 'Too many requests. Please slow down and try again shortly.', {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
  }
  return next();
});

const base = t.procedure.use(errorMapping).use(inputGuard).use(rateLimit);

export const publicProcedure = base.meta({ access: 'public' });

export const protectedProcedure = base.meta({ access: 'protected' }).use(async ({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  const user: CurrentUser | null = await loadCurrentUser(
    { db: ctx.db },
    ctx.userId,
    ctx.sessionSignedInAt === undefined ? undefined : { signedInAt: ctx.sessionSignedInAt },
  );
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended. Sign in again.' });
  // A signed-in day of use (SPEC G4): once per user and day; no I/O after the day's first call.
  await recordActivity({ db: ctx.db, redis: ctx.redis, now: ctx.now, log: ctx.log }, { tenantId: user.tenantId, userId: user.id });
  return next({ ctx: { ...ctx, user } });
});

export const adminProcedure = protectedProcedure.meta({ access: 'admin' }).use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only Levqor admins can do this.' });
  }
  return next({ ctx });
});
