import { getHealthService } from '~/server/domain/health/summary';
import { rest } from '~/server/transport/rest/rest';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SPEC H1: public health summary (cached a few seconds); `?verbose` adds per-check latency. */
export const GET = rest({ name: 'health.summary', rateClass: null }, async (req) => {
  const verbose = new URL(req.url).searchParams.has('verbose');
  const summary = await getHealthService().summary({ verbose });
  return Response.json(summary, { headers: { 'cache-control': 'no-store' } });
});
