import { getDb } from '~/server/infra/db/client';
import { checkReadiness } from '~/server/domain/health/summary';
import { rest } from '~/server/transport/rest/rest';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SPEC H2 readiness: 503 while PostgreSQL is unreachable, so load balancers route around us. */
export const GET = rest({ name: 'system.ready', rateClass: null }, async () => {
  const result = await checkReadiness({ db: getDb() });
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});
