import { localizeErrorMessage, requestLocale } from '~/server/domain/i18n/errors';
import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { getRateLimiter } from '~/server/domain/scaling/rate-limit';
import type { RateClass } from '~/server/domain/scaling/policy';
import { logError, logPerformance } from '~/server/domain/telemetry/log';
import { AppError, errorEnvelope, firstIssueMessage, httpStatusOf, INTERNAL_ERROR_MESSAGE, isAppError, safeErrorSummary } from '~/server/errors';
import { logger, type Logger } from '~/server/infra/logger';
import { metrics, statusClass } from '~/server/infra/metrics/registry';
import { getDb } from '~/server/infra/db/client';
import { getRedis } from '~/server/infra/redis';
import { meterUsage } from '~/server/domain/usage/meter';
import { sessionUserOf } from '~/server/transport/auth/session';
import { unsafeInput } from '~/server/transport/input-guard';
import { readBodyText } from './body';
import { clientIp } from './client-ip';
import { isCrossSiteRequest } from './csrf';
import { requestIdFrom } from './security';

/**
 * The one way a REST route handler is written (in the spirit of Trigger.dev's apiBuilder). A
 * route declares what it needs; the builder does the rest, in this order:
 *
 *   params (404) -> session (for 'user' / 'admin') -> rate limit (per user, else per IP) -> 429
 *   -> auth (401 / 403) -> CSRF (403 for a cross-site browser request) -> body: size (413),
 *   UTF-8 and JSON (400), schema (422) -> handler -> metrics, request id, error mapping.
 *
 * Errors use the one envelope `{ error: { code, message } }` (src/server/errors.ts); the AI
 * routes keep the SPEC A1 shape `{ success: false, error, code }` (envelope: 'ai'). The handler
 * receives typed values and returns a Response or a plain value (sent as JSON with `status`).
 */
export type RouteAuth = 'public' | 'user' | 'admin' | 'admin-or-token';
type UserOf<A extends RouteAuth> = A extends 'public' ? null : A extends 'admin-or-token' ? CurrentUser | null : CurrentUser;

export type RouteBody =
  | { kind: 'json'; maxBytes: number; schema?: z.ZodType; emptyMessage?: string }
  | { kind: 'text'; maxBytes: number };
type BodyOf<B> = B extends { kind: 'json'; schema: infer S extends z.ZodType }
  ? z.output<S>
  : B extends { kind: 'json' }
    ? unknown
    : B extends { kind: 'text' }
      ? string
      : undefined;

export type RouteOptions<A extends RouteAuth, B extends RouteBody | undefined, P extends z.ZodType | undefined> = {
  /** Route name for metrics and logs (never the raw URL). */
  name: string;
  auth: A;
  /** For 'admin-or-token': the bearer token that stands in for an admin session (unset: none). */
  token?: () => string | undefined;
  /** null: not rate limited (liveness, health, signed server-to-server calls). */
  rateClass: RateClass | null;
  /** 'same-site': a browser request from another site is refused; 'none': server to server. */
  csrf: 'same-site' | 'none';
  body?: B;
  /** Dynamic segments, validated first: a mismatch is a 404 with the schema's message. */
  params?: P;
  /** Status of a plain (non-Response) result; default 200. */
  status?: number;
  envelope?: 'standard' | 'ai';
  /**
   * Counts the call on the signed-in user's workspace `api_call` meter (SPEC P3), after the
   * request was validated and before the handler; at the limit it answers 429. Health, pulse,
   * metrics and pages are not metered; webhook triggers are metered when they start a run.
   */
  meter?: boolean;
};

export type RouteContext<A extends RouteAuth, B, P> = {
  req: Request;
  requestId: string;
  log: Logger;
  ip: string | null;
  user: UserOf<A>;
  body: BodyOf<B>;
  params: P extends z.ZodType ? z.output<P> : Record<string, never>;
};

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const NO_STORE = { 'cache-control': 'no-store' };

/** The error response in the route's envelope. */
export function errorResponse(
  envelope: 'standard' | 'ai',
  code: string,
  message: string,
  extra: { retryAfterSeconds?: number; status?: number; details?: Readonly<Record<string, unknown>> } = {},
): Response {
  const status = extra.status ?? httpStatusOf(code);
  const headers: Record<string, string> = { ...NO_STORE };
  if (extra.retryAfterSeconds) headers['retry-after'] = String(extra.retryAfterSeconds);
  const body =
    envelope === 'ai'
      ? { success: false, error: message, code, ...(extra.retryAfterSeconds ? { retry_after_seconds: extra.retryAfterSeconds } : {}), ...(extra.details ? { details: extra.details } : {}) }
      : errorEnvelope(code, message, { ...(extra.retryAfterSeconds ? { retry_after_seconds: extra.retryAfterSeconds } : {}), ...(extra.details ? { details: extra.details } : {}) });
  return Response.json(body, { status, headers });
}

function bearerMatches(req: Request, token: string | undefined): boolean {
  const header = req.headers.get('authorization') ?? '';
  if (!token || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The request id on the way out. Some responses have immutable headers (`Response.redirect`,
 * as Auth.js answers a failed sign-in): those are copied first, instead of throwing a 500.
 */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set('x-request-id', requestId);
    return response;
  } catch {
    const copy = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
    copy.headers.set('x-request-id', requestId);
    return copy;
  }
}

export function route<A extends RouteAuth, B extends RouteBody | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  opts: RouteOptions<A, B, P>,
  handler: (ctx: RouteContext<A, B, P>) => Promise<unknown> | unknown,
): (req: Request, next?: NextRouteContext) => Promise<Response> {
  const envelope = opts.envelope ?? 'standard';
  return async (req, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers.get('x-request-id'));
    let log: Logger | undefined;
    const getLog = () => (log ??= logger.child({ requestId, route: opts.name }));
    const ip = clientIp(req.headers);
    let response: Response;
    try {
      response = await run();
    } catch (error) {
      response = toErrorResponse(error, requestLocale(req.headers));
    }
    const m = metrics();
    m.httpRequests.inc({ route: opts.name, status: statusClass(response.status) });
    const ms = performance.now() - started;
    m.httpDuration.observe({ route: opts.name }, ms / 1000);
    logPerformance(`rest:${opts.name}`, ms, { ok: response.status < 500 });
    return withRequestId(response, requestId);

    async function run(): Promise<Response> {
      let params: unknown = {};
      if (opts.params) {
        const parsed = opts.params.safeParse((await next?.params) ?? {});
        if (!parsed.success) throw new AppError('NOT_FOUND', firstIssueMessage(parsed.error));
        params = parsed.data;
      }

      let user: CurrentUser | null = null;
      let tokenOk = false;
      if (opts.auth !== 'public') {
        tokenOk = opts.auth === 'admin-or-token' && bearerMatches(req, opts.token?.());
        if (!tokenOk) user = await sessionUserOf({ db: getDb() }, req);
      }

      if (opts.rateClass) {
        const decision = await getRateLimiter().check(opts.rateClass, { userId: user?.id ?? null, ip });
        if (!decision.allowed) {
          metrics().rateLimited.inc({ class: opts.rateClass });
          throw new AppError('TOO_MANY_REQUESTS', 'Too many requests. Please slow down and try again shortly.', {
            retryAfterSeconds: decision.retryAfterSeconds,
          });
        }
      }

      if (opts.auth !== 'public' && !tokenOk) {
        if (!user) {
          throw new AppError(
            'UNAUTHORIZED',
            opts.auth === 'admin-or-token' ? 'Sign in as an admin or send the bearer token.' : 'Sign in to continue.',
          );
        }
        if ((opts.auth === 'admin' || opts.auth === 'admin-or-token') && user.role !== 'admin') {
          throw new AppError('FORBIDDEN', 'Only Levqor admins can do this.');
        }
      }

      if (opts.csrf === 'same-site' && isCrossSiteRequest(req)) {
        throw new AppError('FORBIDDEN', 'Cross-site requests are not allowed.');
      }

      let body: unknown = undefined;
      if (opts.body) {
        const text = await readBodyText(req, opts.body.maxBytes);
        if (opts.body.kind === 'text') body = text;
        else {
          if (!text.trim()) throw new AppError('BAD_REQUEST', opts.body.emptyMessage ?? 'The request body must be a JSON object.');
          try {
            body = JSON.parse(text);
          } catch {
            throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
          }
          const unsafe = unsafeInput(body);
          if (unsafe) throw new AppError('BAD_REQUEST', unsafe.message);
          if (opts.body.schema) {
            const parsed = opts.body.schema.safeParse(body);
            if (!parsed.success) throw new AppError('UNPROCESSABLE', firstIssueMessage(parsed.error), { cause: parsed.error });
            body = parsed.data;
          }
        }
      }

      if (opts.meter && user) {
        await meterUsage({ db: getDb(), redis: getRedis(), log: getLog() }, { tenantId: user.tenantId, meter: 'api_call' });
      }

      const result = await handler({
        req,
        requestId,
        get log() {
          return getLog();
        },
        ip,
        user: user as UserOf<A>,
        body: body as BodyOf<B>,
        params: params as RouteContext<A, B, P>['params'],
      });
      if (result instanceof Response) return result;
      return Response.json(result, { status: opts.status ?? 200, headers: NO_STORE });
    }
  };

  /** `locale`: the caller's language; messages/ `ErrorMessages` translates the messages a person sees. */
  function toErrorResponse(error: unknown, locale: string | null): Response {
    if (isAppError(error)) {
      return errorResponse(envelope, error.code, localizeErrorMessage(error.message, locale), { retryAfterSeconds: error.retryAfterSeconds, details: error.details });
    }
    logError(error, { endpoint: `rest:${opts.name}` });
    logger.error({ route: opts.name, err: safeErrorSummary(error) }, 'request failed');
    return errorResponse(envelope, 'INTERNAL_SERVER_ERROR', localizeErrorMessage(INTERNAL_ERROR_MESSAGE, locale), { status: 500 });
  }
}
