import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Db } from '~/server/infra/db/client';
import type { Logger } from '~/server/infra/logger';
import type { MailTransport } from '~/server/infra/mail/transport';
import type { AddressPolicy } from './ssrf';
import type { SecretsKey } from '~/server/domain/secrets/crypto';

/** What the engine works with; transports and the worker build it, tests hand in their own. */
export type EngineDeps = {
  db: Db;
  redis: Redis;
  /** The workflow-runs queue (web: the fail-fast web connection; worker: its own). */
  queue: Queue;
  log: Logger;
  now?: () => Date;
  mail: MailTransport;
  http: { policy: AddressPolicy; maxResponseBytes: number };
  /** Runs of one tenant executing at once. */
  concurrencyPerTenant: number;
  /** Lease of a run's lock (default 30 s; the worker uses its job lock duration). */
  runLockMs?: number;
  /**
   * PostgreSQL channel the workers' outbox relay listens on (one per deployment: it carries the
   * Redis prefix). When set, webhook runs are handed to the relay instead of being enqueued by
   * the web process (see startOutboxRelay).
   */
  outboxChannel?: string;
  /** Key of the workspace secrets store (`{{ secrets.NAME }}` in http_request steps). */
  secretsKey?: SecretsKey;
};

export const outboxChannelFor = (redisPrefix: string) => `levqor_outbox:${redisPrefix}`;

export const MAX_TRIGGER_PAYLOAD_BYTES = 64 * 1024;
export const MAX_STEP_DATA_BYTES = 16 * 1024;
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** JSON for the timeline, capped: a larger value is kept as a truncated preview. */
export function capJson(value: unknown, maxBytes: number = MAX_STEP_DATA_BYTES): unknown {
  if (value === undefined) return null;
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return { truncated: true, preview: '[unserialisable]' };
  }
  if (Buffer.byteLength(text) <= maxBytes) return value;
  return { truncated: true, bytes: Buffer.byteLength(text), preview: text.slice(0, Math.floor(maxBytes / 2)) };
}
