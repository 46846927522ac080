import type { Db } from '~/server/infra/db/client';
import { telemetryEvents } from '~/server/infra/db/schema';
import { isAppError, safeErrorSummary } from '~/server/errors';
import { logger as rootLogger, type Logger } from '~/server/infra/logger';
import { scrubEndpoint, scrubMeta, scrubName, scrubText, TELEMETRY_LIMITS, type TelemetryMeta } from './scrub';

/**
 * The server side of telemetry (SPEC H7): `logEvent`, `logError` and `logPerformance` cost a few
 * object allocations on the request path. Rows wait in memory and are written in one INSERT per
 * flush — every `flushIntervalMs` (2 s) or as soon as `maxBatch` (200) rows wait — and
 * `flush()` writes everything now (shutdown, tests).
 *
 * Performance samples are not rows: they are summed per endpoint and UTC minute, and one
 * 'performance' row per endpoint-minute is written once that minute is over (or on `flush()`),
 * carrying `meta = { count, errors, total_ms, max_ms }` and `duration_ms = max_ms`, stamped with
 * the minute's start. A busy endpoint therefore costs one row a minute per process.
 *
 * Telemetry never breaks a request: these methods do not throw, and a failed write is logged and
 * dropped (no retry storm while the database is down).
 */
export type TelemetrySource = 'server' | 'worker';
export type TelemetryRow = typeof telemetryEvents.$inferInsert;

export type TelemetryWriterOptions = {
  db: Db;
  now?: () => Date;
  log?: Logger;
  /** Written into `source` when a call does not say otherwise. */
  source?: TelemetrySource;
  flushIntervalMs?: number;
  maxBatch?: number;
  /** Rows kept in memory at most while writes are slow or failing; more are dropped and counted. */
  maxBuffered?: number;
  /** Distinct endpoint-minutes kept before they are written early. */
  maxBuckets?: number;
};

export type TelemetryWriter = {
  logEvent(name: string, meta?: Record<string, unknown>): void;
  logError(error: unknown, context?: { endpoint?: string; source?: TelemetrySource; name?: string }): void;
  logPerformance(endpoint: string, durationMs: number, options?: { ok?: boolean; source?: TelemetrySource }): void;
  /** Writes every buffered row and every open endpoint-minute; resolves with the rows written. */
  flush(): Promise<number>;
  /** What the timer does: writes buffered rows and the endpoint-minutes that are over (the current one waits). */
  tick(): Promise<number>;
  /** Stops the timer and flushes. */
  close(): Promise<number>;
  stats(): { buffered: number; buckets: number; written: number; dropped: number; failed: number };
};

type Bucket = {
  endpoint: string;
  source: TelemetrySource;
  minute: number;
  count: number;
  errors: number;
  totalMs: number;
  maxMs: number;
};

const MINUTE = 60_000;
/** `duration_ms` is a PostgreSQL integer. */
const MAX_INT = 2_147_483_647;
/** A performance sample above this is logged at warn: the anomaly rule's threshold. */
export const SLOW_REQUEST_MS = 2000;

function describeError(error: unknown): { name: string; message: string; code?: string; frame?: string } {
  if (error instanceof Error) {
    // A failed query's message holds its SQL and parameters: keep only class, code and constraint.
    const safe = safeErrorSummary(error);
    if (safe.message === undefined) {
      const where = safe.constraint ? ` (constraint ${safe.constraint})` : safe.table ? ` (table ${safe.table})` : '';
      return { name: error.name || 'Error', message: `Database query failed${safe.dbCode ? ` with code ${safe.dbCode}` : ''}${where}`, code: safe.dbCode };
    }
    const frame = error.stack
      ?.split('\n')
      .map((l) => l.trim())
      .find((l) => l.startsWith('at '));
    return {
      name: error.name || 'Error',
      message: error.message,
      code: isAppError(error) ? error.code : undefined,
      frame,
    };
  }
  if (typeof error === 'string') return { name: 'Error', message: error };
  let message: string;
  try {
    message = JSON.stringify(error) ?? String(error);
  } catch {
    message = String(error);
  }
  return { name: 'NonError', message };
}

export function createTelemetryWriter(options: TelemetryWriterOptions): TelemetryWriter {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? rootLogger.child({ module: 'telemetry' });
  const defaultSource = options.source ?? 'server';
  const flushIntervalMs = options.flushIntervalMs ?? 2000;
  const maxBatch = options.maxBatch ?? 200;
  const maxBuffered = options.maxBuffered ?? 5000;
  const maxBuckets = options.maxBuckets ?? 500;

  let rows: TelemetryRow[] = [];
  let buckets = new Map<string, Bucket>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  let chain: Promise<unknown> = Promise.resolve();
  const counters = { written: 0, dropped: 0, failed: 0 };
  // The hot path sees the same few endpoints over and over: scrub each once.
  const endpointCache = new Map<string, string>();
  function endpointKey(raw: string): string {
    let key = endpointCache.get(raw);
    if (key === undefined) {
      key = scrubEndpoint(raw) || 'unknown';
      if (endpointCache.size >= 1000) endpointCache.clear();
      endpointCache.set(raw, key);
    }
    return key;
  }

  function schedule() {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      void write(take(false)).finally(() => {
        if (rows.length || buckets.size) schedule();
      });
    }, flushIntervalMs);
    // A pending flush never keeps a process (CLI, test) alive.
    timer.unref?.();
  }

  function push(row: TelemetryRow) {
    if (rows.length >= maxBuffered) {
      counters.dropped++;
      return;
    }
    rows.push(row);
    if (rows.length >= maxBatch) void write(take(false));
    else schedule();
  }

  /** Takes the rows to write: every buffered row, and the endpoint-minutes that are over (or all). */
  function take(all: boolean): TelemetryRow[] {
    const out = rows;
    rows = [];
    const currentMinute = Math.floor(now().getTime() / MINUTE) * MINUTE;
    const keep = new Map<string, Bucket>();
    for (const [key, b] of buckets) {
      if (!all && b.minute >= currentMinute) {
        keep.set(key, b);
        continue;
      }
      out.push({
        kind: 'performance',
        source: b.source,
        name: 'perf.minute',
        endpoint: b.endpoint,
        durationMs: Math.min(MAX_INT, Math.round(b.maxMs)),
        meta: { count: b.count, errors: b.errors, total_ms: Math.round(b.totalMs), max_ms: Math.round(b.maxMs) },
        createdAt: new Date(b.minute),
      });
    }
    buckets = keep;
    return out;
  }

  /** Inserts in order, one statement per batch; failures are logged, never thrown. */
  function write(batch: TelemetryRow[]): Promise<number> {
    const run = chain.then(async () => {
      if (!batch.length) return 0;
      try {
        for (let i = 0; i < batch.length; i += 1000) {
          await options.db.insert(telemetryEvents).values(batch.slice(i, i + 1000));
        }
        counters.written += batch.length;
        return batch.length;
      } catch (err) {
        counters.failed += batch.length;
        log.warn({ rows: batch.length, err: { message: (err as Error)?.message } }, 'telemetry write failed; rows dropped');
        return 0;
      }
    });
    chain = run;
    return run;
  }

  const safe =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (err) {
        log.warn({ err: { message: (err as Error)?.message } }, 'telemetry call failed');
      }
    };

  return {
    logEvent: safe((name: string, meta?: Record<string, unknown>) => {
      const row: TelemetryRow = {
        kind: 'event',
        source: defaultSource,
        name: scrubName(String(name)),
        meta: scrubMeta(meta),
        createdAt: now(),
      };
      log.info({ telemetry: 'event', name: row.name, meta: row.meta }, 'telemetry event');
      push(row);
    }),

    logError: safe((error: unknown, context: { endpoint?: string; source?: TelemetrySource; name?: string } = {}) => {
      const d = describeError(error);
      const meta: TelemetryMeta = {};
      if (d.code) meta.code = d.code;
      if (d.frame) meta.frame = scrubText(d.frame, TELEMETRY_LIMITS.metaString);
      const row: TelemetryRow = {
        kind: 'error',
        source: context.source ?? defaultSource,
        name: scrubName(context.name ?? d.name, 'Error'),
        message: scrubText(d.message) || null,
        endpoint: context.endpoint ? scrubEndpoint(context.endpoint) || null : null,
        meta: Object.keys(meta).length ? meta : null,
        createdAt: now(),
      };
      log.error({ telemetry: 'error', name: row.name, message: row.message, endpoint: row.endpoint, code: d.code }, 'telemetry error');
      push(row);
    }),

    logPerformance: safe((endpoint: string, durationMs: number, opts: { ok?: boolean; source?: TelemetrySource } = {}) => {
      const ms = Number.isFinite(durationMs) ? Math.max(0, durationMs) : 0;
      const source = opts.source ?? defaultSource;
      const path = endpointKey(String(endpoint));
      const minute = Math.floor(now().getTime() / MINUTE) * MINUTE;
      const key = `${minute}|${source}|${path}`;
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxBuckets) void write(take(true));
        b = { endpoint: path, source, minute, count: 0, errors: 0, totalMs: 0, maxMs: 0 };
        buckets.set(key, b);
      }
      b.count++;
      if (opts.ok === false) b.errors++;
      b.totalMs += ms;
      if (ms > b.maxMs) b.maxMs = ms;
      const level = ms > SLOW_REQUEST_MS ? 'warn' : 'debug';
      if (log.isLevelEnabled(level)) {
        log[level]({ telemetry: 'performance', endpoint: path, ms: Math.round(ms), ok: opts.ok ?? true }, 'telemetry performance');
      }
      schedule();
    }),

    tick: () => write(take(false)),
    flush: () => write(take(true)),

    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      return write(take(true));
    },

    stats: () => ({ buffered: rows.length, buckets: buckets.size, ...counters }),
  };
}
