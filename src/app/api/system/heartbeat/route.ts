import { getHealthService } from '~/server/domain/health/summary';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SPEC H2 / seed 001: db_ok, stripe_ok, brain_ok, error_count_recent, status, uptime, version. */
export const GET = route({ name: 'system.heartbeat', auth: 'public', rateClass: null, csrf: 'none' }, () =>
  getHealthService().heartbeat(),
);
