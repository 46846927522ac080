import { getHealthService } from '~/server/domain/health/summary';
import { rest } from '~/server/transport/rest/rest';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SPEC H2 / seed 001: db_ok, stripe_ok, brain_ok, error_count_recent, status, uptime, version. */
export const GET = rest({ name: 'system.heartbeat', rateClass: null }, async () => {
  const beat = await getHealthService().heartbeat();
  return Response.json(beat, { headers: { 'cache-control': 'no-store' } });
});
