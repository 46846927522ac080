import { and, count, desc, eq, gte, lt, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { telemetryEvents as t } from '~/server/infra/db/schema';

/**
 * Anomaly rules over `telemetry_events` (SPEC H7), computed by PostgreSQL aggregates over a time
 * window [since, until) — only the flagged subjects come back, never the rows:
 *
 * - repeated_error: the same error message (or name, when it has none) seen >= 3 times.
 * - slow_endpoint: an endpoint whose slowest request (max `duration_ms` of its performance rows)
 *   took more than 2000 ms.
 * - high_error_rate: errors / requests > 10 % from the performance aggregates, per endpoint and
 *   overall (subject '*'), when there were at least 20 requests (fewer is noise).
 *
 * Performance rules read rows measured by our own processes (source server/worker); timings a
 * browser reports are stored but do not raise anomalies (they are untrusted and include the
 * visitor's network).
 */
type Deps = { db: Db };

export const ANOMALY_THRESHOLDS = {
  repeatedErrorCount: 3,
  slowEndpointMs: 2000,
  errorRate: 0.1,
  minRequestsForErrorRate: 20,
} as const;

/** Subject of the overall error-rate anomaly. */
export const ALL_ENDPOINTS = '*';
/** Each rule returns at most this many subjects (worst first). */
export const MAX_ANOMALIES_PER_RULE = 50;

export type AnomalyRule = 'repeated_error' | 'slow_endpoint' | 'high_error_rate';
export type Anomaly = {
  rule: AnomalyRule;
  /** The error message, the endpoint, or '*' for the overall error rate. */
  subject: string;
  /** Occurrences (repeated_error), max ms (slow_endpoint) or error rate 0..1 (high_error_rate). */
  value: number;
  threshold: number;
  /** Occurrences (repeated_error) or requests in the window (slow_endpoint, high_error_rate). */
  count: number;
};

export const anomalyWindowSchema = z
  .strictObject({ since: z.date(), until: z.date() })
  .refine((w) => w.since.getTime() < w.until.getTime(), 'since must be before until');
export type AnomalyWindow = z.infer<typeof anomalyWindowSchema>;

/** Requests and errors a performance row stands for (server rows carry them in meta). */
const requestsOf = sql`case when jsonb_typeof(${t.meta} -> 'count') = 'number' then (${t.meta} ->> 'count')::numeric else 1 end`;
const errorsOf = sql`case when jsonb_typeof(${t.meta} -> 'errors') = 'number' then (${t.meta} ->> 'errors')::numeric else 0 end`;

const inWindow = (w: AnomalyWindow): SQL => and(gte(t.createdAt, w.since), lt(t.createdAt, w.until))!;
const measuredPerformance = (w: AnomalyWindow): SQL =>
  and(eq(t.kind, 'performance'), ne(t.source, 'browser'), inWindow(w), sql`${t.endpoint} is not null`)!;

/** Requests and errors over the window from the performance aggregates (all endpoints). */
export async function requestTotals(deps: Deps, window: AnomalyWindow): Promise<{ requests: number; errors: number }> {
  const [row] = await deps.db
    .select({
      requests: sql<number>`coalesce(sum(${requestsOf}), 0)`.mapWith(Number),
      errors: sql<number>`coalesce(sum(${errorsOf}), 0)`.mapWith(Number),
    })
    .from(t)
    .where(measuredPerformance(window));
  return { requests: row?.requests ?? 0, errors: row?.errors ?? 0 };
}

export async function detectAnomalies(deps: Deps, input: AnomalyWindow): Promise<Anomaly[]> {
  const window = anomalyWindowSchema.parse(input);
  const th = ANOMALY_THRESHOLDS;
  const subject = sql<string>`coalesce(${t.message}, ${t.name})`;

  const repeated = deps.db
    .select({ subject, n: count() })
    .from(t)
    .where(and(eq(t.kind, 'error'), inWindow(window)))
    .groupBy(subject)
    .having(sql`count(*) >= ${th.repeatedErrorCount}`)
    .orderBy(desc(count()), subject)
    .limit(MAX_ANOMALIES_PER_RULE);

  // One pass for both performance rules: per endpoint, plus the overall row (grouping set ()).
  const requests = sql<number>`sum(${requestsOf})`.mapWith(Number);
  const errors = sql<number>`sum(${errorsOf})`.mapWith(Number);
  const maxMs = sql<number>`max(${t.durationMs})`.mapWith(Number);
  const isOverall = sql<number>`grouping(${t.endpoint})`.mapWith(Number);
  const performance = deps.db
    .select({ endpoint: t.endpoint, isOverall, requests, errors, maxMs })
    .from(t)
    .where(measuredPerformance(window))
    .groupBy(sql`grouping sets ((${t.endpoint}), ())`)
    .having(
      sql`(grouping(${t.endpoint}) = 0 and max(${t.durationMs}) > ${th.slowEndpointMs})
        or (sum(${requestsOf}) >= ${th.minRequestsForErrorRate} and sum(${errorsOf}) > ${th.errorRate} * sum(${requestsOf}))`,
    )
    .orderBy(desc(isOverall), desc(maxMs))
    .limit(MAX_ANOMALIES_PER_RULE * 4);

  const [repeatedRows, performanceRows] = await Promise.all([repeated, performance]);

  const anomalies: Anomaly[] = repeatedRows.map((r) => ({
    rule: 'repeated_error',
    subject: r.subject,
    value: r.n,
    threshold: th.repeatedErrorCount,
    count: r.n,
  }));

  const slow: Anomaly[] = [];
  const errorRates: Anomaly[] = [];
  for (const r of performanceRows) {
    const subjectName = r.isOverall ? ALL_ENDPOINTS : (r.endpoint ?? ALL_ENDPOINTS);
    if (!r.isOverall && r.maxMs > th.slowEndpointMs) {
      slow.push({ rule: 'slow_endpoint', subject: subjectName, value: r.maxMs, threshold: th.slowEndpointMs, count: r.requests });
    }
    if (r.requests >= th.minRequestsForErrorRate && r.errors > th.errorRate * r.requests) {
      errorRates.push({
        rule: 'high_error_rate',
        subject: subjectName,
        value: Math.round((r.errors / r.requests) * 10_000) / 10_000,
        threshold: th.errorRate,
        count: r.requests,
      });
    }
  }
  slow.sort((a, b) => b.value - a.value);
  errorRates.sort((a, b) => Number(b.subject === ALL_ENDPOINTS) - Number(a.subject === ALL_ENDPOINTS) || b.value - a.value);
  return [...anomalies, ...slow.slice(0, MAX_ANOMALIES_PER_RULE), ...errorRates.slice(0, MAX_ANOMALIES_PER_RULE)];
}
