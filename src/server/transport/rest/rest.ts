import { APP_ERROR_STATUS, isAppError, type AppErrorCode } from '~/server/errors';
import { logger, type Logger } from '~/server/infra/logger';
import { metrics, statusClass } from '~/server/infra/metrics/registry';
import { getRateLimiter } from '~/server/domain/scaling/rate-limit';
import { logError, logPerformance } from '~/server/domain/telemetry/log';
import type { RateClass } from '~/server/domain/scaling/policy';
import { clientIp } from './client-ip';
import { requestIdFrom } from './security';

/**
 * The one way REST route handlers are written: request id, rate limit (per user or IP), error
 * mapping (domain errors -> 4xx with a JSON message, anything else -> a logged 500 without
 * details), metrics. Handlers stay thin: parse, call a domain function, shape the output.
 */
export type RestContext = { requestId: string; log: Logger; ip: string | null; userId: string | null };
export type RestOptions = {
  /** Route name for metrics and logs (never the raw URL). */
  name: string;
  /** null: not rate limited (liveness/health endpoints that must always answer). */
  rateClass: RateClass | null;
  /** Resolves the signed-in user for per-user limits (optional: IP otherwise). */
  userId?: (req: Request) => Promise<string | null>;
};

export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export function rest(opts: RestOptions, handler: (req: Request, ctx: RestContext) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers.get('x-request-id'));
    const log = logger.child({ requestId, route: opts.name });
    const ip = clientIp(req.headers);
    let response: Response;
    try {
      const userId = opts.userId ? await opts.userId(req).catch(() => null) : null;
      if (opts.rateClass) {
        const decision = await getRateLimiter().check(opts.rateClass, { userId, ip });
        if (!decision.allowed) {
          metrics().rateLimited.inc({ class: opts.rateClass });
          response = Response.json(
            {
              error: {
                code: 'TOO_MANY_REQUESTS',
                message: 'Too many requests. Please slow down and try again shortly.',
                retry_after_seconds: decision.retryAfterSeconds,
              },
            },
            { status: 429, headers: { 'retry-after': String(decision.retryAfterSeconds), 'cache-control': 'no-store' } },
          );
          return finish(response);
        }
      }
      response = await handler(req, { requestId, log, ip, userId });
    } catch (error) {
      response = errorResponse(error, log);
    }
    return finish(response);

    function finish(res: Response) {
      const m = metrics();
      m.httpRequests.inc({ route: opts.name, status: statusClass(res.status) });
      const ms = performance.now() - started;
      m.httpDuration.observe({ route: opts.name }, ms / 1000);
      logPerformance(`rest:${opts.name}`, ms, { ok: res.status < 500 });
      res.headers.set('x-request-id', requestId);
      return res;
    }
  };
}

export function errorResponse(error: unknown, log: Logger): Response {
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers['retry-after'] = String(error.retryAfterSeconds);
    return jsonError(APP_ERROR_STATUS[error.code as AppErrorCode], error.code, error.message, headers);
  }
  logError(error, { endpoint: 'rest' });
  log.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message, stack: (error as Error)?.stack } }, 'request failed');
  return jsonError(500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side. Please try again.');
}
