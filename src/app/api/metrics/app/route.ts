import { getDb } from '~/server/infra/db/client';
import { getHealthService } from '~/server/domain/health/summary';
import { rest } from '~/server/transport/rest/rest';
import { aiRequestsLast5m, errorsLast5m } from '~/server/infra/metrics/app';
import { getRedis } from '~/server/infra/redis';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SPEC H6: { status, uptime_seconds, ai_requests_last_5m, errors_last_5m } from real counters. */
export const GET = rest({ name: 'metrics.app', rateClass: 'api' }, async () => {
  const [summary, ai, errors] = await Promise.all([
    getHealthService().summary(),
    aiRequestsLast5m({ redis: getRedis() }).catch(() => null),
    errorsLast5m({ db: getDb() }).catch(() => null),
  ]);
  return Response.json(
    { status: summary.status, uptime_seconds: summary.uptime_seconds, ai_requests_last_5m: ai, errors_last_5m: errors },
    { headers: { 'cache-control': 'no-store' } },
  );
});
