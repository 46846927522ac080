import { getDb } from '~/server/infra/db/client';
import { createTelemetryWriter, type TelemetrySource, type TelemetryWriter, type TelemetryWriterOptions } from './writer';

/**
 * The process-wide telemetry writer (SPEC H7), created on first use over `getDb()`. Import the
 * helpers from here on the request path; they buffer and never throw:
 *
 *   logEvent('workflow.created', { steps: 3 });
 *   logError(err, { endpoint: '/api/ai/chat' });
 *   logPerformance('trpc:workflows.list', ms, { ok: true });
 *
 * Processes that own their database pool (workers, CLIs) call `configureTelemetry({ db,
 * source: 'worker' })` at start and `await flushTelemetry()` before closing the pool.
 */
const globalForTelemetry = globalThis as unknown as { levqorTelemetry?: TelemetryWriter };

export function getTelemetry(): TelemetryWriter {
  globalForTelemetry.levqorTelemetry ??= createTelemetryWriter({ db: getDb() });
  return globalForTelemetry.levqorTelemetry;
}

/** Replaces the process-wide writer (flushing the previous one). */
export async function configureTelemetry(options: TelemetryWriterOptions): Promise<TelemetryWriter> {
  const previous = globalForTelemetry.levqorTelemetry;
  globalForTelemetry.levqorTelemetry = createTelemetryWriter(options);
  if (previous) await previous.close();
  return globalForTelemetry.levqorTelemetry;
}

export function logEvent(name: string, meta?: Record<string, unknown>): void {
  try {
    getTelemetry().logEvent(name, meta);
  } catch {
    // No database configured: telemetry is best effort and never breaks the caller.
  }
}

export function logError(error: unknown, context?: { endpoint?: string; source?: TelemetrySource; name?: string }): void {
  try {
    getTelemetry().logError(error, context);
  } catch {
    // See logEvent.
  }
}

export function logPerformance(endpoint: string, durationMs: number, options?: { ok?: boolean; source?: TelemetrySource }): void {
  try {
    getTelemetry().logPerformance(endpoint, durationMs, options);
  } catch {
    // See logEvent.
  }
}

/** Writes everything buffered by the process-wide writer now (shutdown, tests). */
export async function flushTelemetry(): Promise<number> {
  return globalForTelemetry.levqorTelemetry?.flush() ?? 0;
}

export { createTelemetryWriter, SLOW_REQUEST_MS } from './writer';
export type { TelemetrySource, TelemetryWriter, TelemetryWriterOptions } from './writer';
