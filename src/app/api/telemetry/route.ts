import { ingestTelemetry, TELEMETRY_MAX_BODY_BYTES } from '~/server/domain/telemetry/ingest';
import { AppError, isAppError } from '~/server/errors';
import { getDb } from '~/server/infra/db/client';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Browser telemetry ingest (SPEC H7): 202 `{ accepted }`; 413 over 16 KiB or 50 events, 400 not
 * JSON, 422 invalid events, 503 when it cannot be stored. Rate limited per IP like any API call;
 * the sender's IP is never stored.
 */
export const POST = route(
  { name: 'telemetry.ingest', auth: 'public', rateClass: 'api', csrf: 'same-site', status: 202, body: { kind: 'json', maxBytes: TELEMETRY_MAX_BODY_BYTES } },
  async ({ body }) => {
    try {
      return await ingestTelemetry({ db: getDb() }, body);
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new AppError('SERVICE_UNAVAILABLE', 'Telemetry cannot be stored right now. Please try again later.', { cause: error });
    }
  },
);
