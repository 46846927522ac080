import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { env } from '~/env';
import { MAX_RESPONSE_BYTES, outboxChannelFor, type EngineDeps } from '~/server/domain/runs/deps';
import { secretsKeyFrom, type SecretsKey } from '~/server/domain/secrets/crypto';
import { syncWorkflowSchedule } from '~/server/domain/runs/schedules';
import { addressPolicy } from '~/server/domain/runs/ssrf';
import { newWebhookSecret } from '~/server/domain/runs/webhooks';
import type { Db } from '~/server/infra/db/client';
import type { Logger } from '~/server/infra/logger';
import { getMailTransport, type MailTransport } from '~/server/infra/mail/transport';
import { createQueue } from '~/server/infra/queue/queues';

/**
 * The engine's dependencies as transports (tRPC, REST, the worker) build them from env: the
 * workflow-runs queue over the caller's Redis connection, the mail transport, the SSRF policy
 * with the operator allow-list, the per-tenant cap.
 */
const queues = new WeakMap<Redis, Queue>();
let policy: ReturnType<typeof addressPolicy> | undefined;
export function runQueueFor(redis: Redis): Queue {
  let queue = queues.get(redis);
  if (!queue) {
    queue = createQueue('workflow-runs', redis);
    queues.set(redis, queue);
  }
  return queue;
}

let secretsKey: SecretsKey | undefined;

/** The SSRF policy with the operator allow-list (WORKFLOW_HTTP_ALLOWLIST). */
export const httpPolicy = () => (policy ??= addressPolicy(env.WORKFLOW_HTTP_ALLOWLIST));

export function engineDeps(base: { db: Db; redis: Redis; log: Logger; now?: () => Date; mail?: MailTransport; queue?: Queue }): EngineDeps {
  return {
    db: base.db,
    redis: base.redis,
    queue: base.queue ?? runQueueFor(base.redis),
    log: base.log,
    now: base.now,
    mail: base.mail ?? getMailTransport(),
    http: { policy: httpPolicy(), maxResponseBytes: MAX_RESPONSE_BYTES },
    concurrencyPerTenant: env.RUN_CONCURRENCY_PER_TENANT,
    outboxChannel: outboxChannelFor(env.REDIS_PREFIX),
    secretsKey: (secretsKey ??= secretsKeyFrom(env)),
  };
}

/** Workflow domain deps: schedules kept in step, webhook secrets issued. */
export function workflowDeps(base: { db: Db; redis: Redis; log: Logger; now?: () => Date }) {
  return {
    db: base.db,
    now: base.now,
    log: base.log,
    schedules: { queue: runQueueFor(base.redis), sync: syncWorkflowSchedule },
    newWebhookSecret,
    policy: httpPolicy(),
  };
}

/** Secrets store deps: the key from env (SECRETS_KEY, or derived outside production). */
export function secretsDeps(base: { db: Db; now?: () => Date }) {
  return { db: base.db, now: base.now, secretsKey: (secretsKey ??= secretsKeyFrom(env)) };
}
