import { timingSafeEqual } from 'node:crypto';
import { env } from '~/env';
import { getCurrentUser } from '~/server/transport/auth/current-user';
import { jsonError, rest } from '~/server/transport/rest/rest';
import { metrics } from '~/server/infra/metrics/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

function bearerMatches(req: Request): boolean {
  const token = env.METRICS_TOKEN;
  const header = req.headers.get('authorization') ?? '';
  if (!token || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** SPEC H6: Prometheus text for admins (session) or scrapers (bearer METRICS_TOKEN). */
export const GET = rest({ name: 'metrics.prometheus', rateClass: 'api' }, async (req) => {
  if (!bearerMatches(req)) {
    const user = await getCurrentUser().catch(() => null);
    if (!user) return jsonError(401, 'UNAUTHORIZED', 'Sign in as an admin or send the metrics bearer token.');
    if (user.role !== 'admin') return jsonError(403, 'FORBIDDEN', 'Only Levqor admins can read metrics.');
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
});
