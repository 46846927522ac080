import { checkReadiness } from '~/server/domain/health/summary';
import { getDb } from '~/server/infra/db/client';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SPEC H2 readiness: 503 while PostgreSQL is unreachable, so load balancers route around us. */
export const GET = route({ name: 'system.ready', auth: 'public', rateClass: null, csrf: 'none' }, async () => {
  const result = await checkReadiness({ db: getDb() });
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});
