import { getHealthService } from '~/server/domain/health/summary';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SPEC H1: public health summary (cached a few seconds); `?verbose` adds per-check latency. */
export const GET = route({ name: 'health.summary', auth: 'public', rateClass: null, csrf: 'none' }, ({ req }) =>
  getHealthService().summary({ verbose: new URL(req.url).searchParams.has('verbose') }),
);
