import { getHealthService } from '~/server/domain/health/summary';
import { getDb } from '~/server/infra/db/client';
import { aiRequestsLast5m, errorsLast5m } from '~/server/infra/metrics/app';
import { getRedis } from '~/server/infra/redis';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SPEC H6: { status, uptime_seconds, ai_requests_last_5m, errors_last_5m } from real counters. */
export const GET = route({ name: 'metrics.app', auth: 'public', rateClass: 'api', csrf: 'none' }, async () => {
  const [summary, ai, errors] = await Promise.all([
    getHealthService().summary(),
    aiRequestsLast5m({ redis: getRedis() }).catch(() => null),
    errorsLast5m({ db: getDb() }).catch(() => null),
  ]);
  return { status: summary.status, uptime_seconds: summary.uptime_seconds, ai_requests_last_5m: ai, errors_last_5m: errors };
});
