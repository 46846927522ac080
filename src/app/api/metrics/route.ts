import { env } from '~/env';
import { metrics } from '~/server/infra/metrics/registry';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SPEC H6: Prometheus text for admins (session) or scrapers (bearer METRICS_TOKEN). */
export const GET = route(
  { name: 'metrics.prometheus', auth: 'admin-or-token', token: () => env.METRICS_TOKEN, rateClass: 'api', csrf: 'none' },
  async () => {
    const { registry } = metrics();
    return new Response(await registry.metrics(), {
      headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
    });
  },
);
