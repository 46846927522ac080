import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { telemetryEvents } from '~/server/infra/db/schema';
import { AppError, firstIssueMessage } from '~/server/errors';
import { scrubEndpoint, scrubMeta, scrubName, scrubText, TELEMETRY_LIMITS } from './scrub';

/**
 * Browser telemetry ingest (SPEC H7), behind `POST /api/telemetry` (the route reads the body with
 * a hard byte limit). A batch is parsed, validated as a whole and stored in one INSERT: either every event of a
 * batch is stored or none is. Rows are stored with source 'browser' after the same scrubbing as
 * the server's own; nothing about the sender (IP, user, cookies, user agent) is read or stored.
 */
type Deps = { db: Db; now?: () => Date };

export const TELEMETRY_MAX_BODY_BYTES = 16 * 1024;
export const TELEMETRY_MAX_EVENTS = 50;

const metaValueSchema = z.union([z.string().max(TELEMETRY_LIMITS.metaString), z.number(), z.boolean()]);

export const browserEventSchema = z.strictObject({
  kind: z.enum(['event', 'error', 'performance']),
  name: z.string().trim().min(1, 'name is required').max(TELEMETRY_LIMITS.name),
  message: z.string().max(TELEMETRY_LIMITS.message).optional(),
  path: z
    .string()
    .max(TELEMETRY_LIMITS.endpoint)
    .regex(/^\/(?!\/)/, "path must start with '/'")
    .optional(),
  duration_ms: z.number().int().min(0).max(600_000).optional(),
  meta: z
    .record(z.string().min(1).max(TELEMETRY_LIMITS.metaKey), metaValueSchema)
    .refine((m) => Object.keys(m).length <= TELEMETRY_LIMITS.metaKeys, `meta holds at most ${TELEMETRY_LIMITS.metaKeys} values`)
    .optional(),
});
export type BrowserEvent = z.infer<typeof browserEventSchema>;

export const telemetryBatchSchema = z.strictObject({
  events: z.array(browserEventSchema).min(1, 'events must hold at least one event').max(TELEMETRY_MAX_EVENTS),
});
export type TelemetryBatch = z.infer<typeof telemetryBatchSchema>;

const tooLarge = (what: string) => new AppError('PAYLOAD_TOO_LARGE', what);

/** JSON text -> a validated batch. 400 malformed JSON, 413 too many events, 422 invalid events. */
export function parseTelemetryBatch(raw: string): TelemetryBatch {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
  return validateTelemetryBatch(value);
}

/** A parsed JSON value -> a validated batch. 413 too many events, 422 invalid events. */
export function validateTelemetryBatch(value: unknown): TelemetryBatch {
  if (value && typeof value === 'object' && 'events' in value && Array.isArray(value.events) && value.events.length > TELEMETRY_MAX_EVENTS) {
    throw tooLarge(`A telemetry batch may hold at most ${TELEMETRY_MAX_EVENTS} events.`);
  }
  const parsed = telemetryBatchSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('UNPROCESSABLE', firstIssueMessage(parsed.error, 'Invalid telemetry batch'), { cause: parsed.error });
  }
  return parsed.data;
}

/** The rows a validated batch becomes: scrubbed, source 'browser'. */
export function browserEventsToRows(batch: TelemetryBatch, at: Date): (typeof telemetryEvents.$inferInsert)[] {
  return batch.events.map((e) => ({
    kind: e.kind,
    source: 'browser' as const,
    name: scrubName(e.name),
    message: e.message ? scrubText(e.message) || null : null,
    endpoint: e.path ? scrubEndpoint(e.path) || null : null,
    durationMs: e.duration_ms ?? null,
    meta: scrubMeta(e.meta),
    createdAt: at,
  }));
}

/** Validates and stores one batch, given as parsed JSON (all or nothing). */
export async function ingestTelemetry(deps: Deps, value: unknown): Promise<{ accepted: number }> {
  const batch = validateTelemetryBatch(value);
  const rows = browserEventsToRows(batch, deps.now?.() ?? new Date());
  await deps.db.insert(telemetryEvents).values(rows);
  return { accepted: rows.length };
}
