import { z } from 'zod';
import { MAX_TRIGGER_PAYLOAD_BYTES } from '~/server/domain/runs/deps';
import { acceptWebhook } from '~/server/domain/runs/webhooks';
import { getDb } from '~/server/infra/db/client';
import { getRedis } from '~/server/infra/redis';
import { engineDeps } from '~/server/transport/engine-deps';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Webhook trigger (SPEC P2): `POST /api/hooks/<workflowId>` with `Authorization: Bearer <secret>`.
 * 202 `{ run_id, status }`; 401 wrong or missing secret; 409 workflow not active; 413 body over
 * 64 KiB; 400 invalid JSON. Server to server: no CSRF check; rate limited per IP.
 */
export const POST = route(
  {
    name: 'hooks.trigger',
    auth: 'public',
    rateClass: 'api',
    csrf: 'none',
    status: 202,
    params: z.object({ workflowId: z.string().max(100) }),
    body: { kind: 'text', maxBytes: MAX_TRIGGER_PAYLOAD_BYTES },
  },
  ({ params, body, req, log }) =>
    acceptWebhook(engineDeps({ db: getDb(), redis: getRedis(), log }), {
      workflowId: params.workflowId,
      authorization: req.headers.get('authorization'),
      contentType: req.headers.get('content-type'),
      idempotencyKey: req.headers.get('idempotency-key'),
      body,
    }),
);
