import { getDb } from '~/server/infra/db/client';
import { APP_ERROR_STATUS, isAppError } from '~/server/errors';
import { isCrossSiteRequest } from '~/server/transport/rest/csrf';
import { rest } from '~/server/transport/rest/rest';
import { ingestTelemetryRequest } from '~/server/domain/telemetry/ingest';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const headers = { 'cache-control': 'no-store' };
const fail = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers });

/** Browser telemetry ingest (SPEC H7): 202 `{ accepted }`, or 4xx `{ error: { code, message } }`. */
// Rate limited per IP like any API call (SPEC H5); the sender's IP is never stored.
export const POST = rest({ name: 'telemetry.ingest', rateClass: 'api' }, async (request, { log }) => {
  if (isCrossSiteRequest(request)) return fail(403, 'FORBIDDEN', 'Cross-site requests are not allowed.');
  try {
    const result = await ingestTelemetryRequest({ db: getDb() }, request);
    return Response.json(result, { status: 202, headers });
  } catch (err) {
    if (isAppError(err)) return fail(APP_ERROR_STATUS[err.code], err.code, err.message);
    log.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'telemetry ingest failed');
    return fail(503, 'SERVICE_UNAVAILABLE', 'Telemetry cannot be stored right now. Please try again later.');
  }
});
