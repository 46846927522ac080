import { and, asc, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { incidents } from '~/server/infra/db/schema';
import { ANOMALY_THRESHOLDS, detectAnomalies, requestTotals, type Anomaly, type AnomalyRule } from './anomalies';

/**
 * Daily health score (SPEC H7), for one UTC day [00:00, 24:00):
 *
 *   score = 100
 *     - 15 for each incident still open at the end of the day        (at most 45)
 *     -  5 for each incident opened during the day                    (at most 20)
 *     - the day's anomalies: 5 per repeated_error, 5 per slow_endpoint,
 *       10 per high_error_rate                                         (at most 30 together)
 *     - the day's error rate in percent, round(100 * errors / requests),
 *       counted only from 20 requests up                               (at most 25)
 *   clamped to 0..100, an integer.
 *
 * "Open at the end of the day" (opened before the day's end, not resolved by then) makes a past
 * day's score stable; for today it means "open now". Suggestions are codes with parameters, not
 * sentences: the UI translates them (messages/*.json).
 */
type Deps = { db: Db; now?: () => Date };

export const HEALTH_SCORE_WEIGHTS = {
  openIncident: 15,
  openIncidentsMax: 45,
  incidentOpened: 5,
  incidentsOpenedMax: 20,
  anomaly: { repeated_error: 5, slow_endpoint: 5, high_error_rate: 10 } satisfies Record<AnomalyRule, number>,
  anomaliesMax: 30,
  errorRatePointsPerPercent: 1,
  errorRateMax: 25,
} as const;

/** At most this many suggestions a day, most urgent first. */
export const MAX_SUGGESTIONS = 10;

export type HealthSuggestionCode = 'resolve_open_incident' | 'reduce_error_rate' | 'investigate_repeated_error' | 'speed_up_endpoint';
export type HealthSuggestion = { code: HealthSuggestionCode; params: Record<string, string | number> };

export type HealthScore = {
  day: string;
  score: number;
  factors: {
    openIncidents: number;
    incidentsOpened: number;
    anomalies: Record<AnomalyRule, number>;
    requests: number;
    errors: number;
    /** errors / requests, 0..1 (4 decimals); 0 without requests. */
    errorRate: number;
    penalties: { openIncidents: number; incidentsOpened: number; anomalies: number; errorRate: number };
  };
  suggestions: HealthSuggestion[];
};

export const healthScoreInputSchema = z.strictObject({ day: z.iso.date('day must be a date (YYYY-MM-DD)') });
export const healthScoreHistoryInputSchema = z.strictObject({ days: z.number().int().min(1).max(31).default(7) });

const DAY_MS = 86_400_000;
const dayString = (d: Date) => d.toISOString().slice(0, 10);

export async function computeHealthScore(deps: Deps, input: { day: string }): Promise<HealthScore> {
  const { day } = healthScoreInputSchema.parse(input);
  const start = new Date(`${day}T00:00:00.000Z`);
  const end = new Date(start.getTime() + DAY_MS);
  const window = { since: start, until: end };
  const openAtEnd = and(lt(incidents.openedAt, end), or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, end)));

  const [[incidentCounts], openList, anomalies, totals] = await Promise.all([
    deps.db
      .select({
        open: sql<number>`count(*) filter (where ${incidents.resolvedAt} is null or ${incidents.resolvedAt} >= ${end.toISOString()}::timestamptz)`.mapWith(Number),
        opened: sql<number>`count(*) filter (where ${incidents.openedAt} >= ${start.toISOString()}::timestamptz)`.mapWith(Number),
      })
      .from(incidents)
      .where(lt(incidents.openedAt, end)),
    deps.db
      .select({ check: incidents.check, openedAt: incidents.openedAt })
      .from(incidents)
      .where(openAtEnd)
      .orderBy(asc(incidents.openedAt))
      .limit(MAX_SUGGESTIONS),
    detectAnomalies(deps, window),
    requestTotals(deps, window),
  ]);

  const w = HEALTH_SCORE_WEIGHTS;
  const openIncidents = incidentCounts?.open ?? 0;
  const incidentsOpened = incidentCounts?.opened ?? 0;
  const byRule: Record<AnomalyRule, number> = { repeated_error: 0, slow_endpoint: 0, high_error_rate: 0 };
  for (const a of anomalies) byRule[a.rule]++;
  const errorRate = totals.requests > 0 ? totals.errors / totals.requests : 0;

  const penalties = {
    openIncidents: Math.min(w.openIncidentsMax, w.openIncident * openIncidents),
    incidentsOpened: Math.min(w.incidentsOpenedMax, w.incidentOpened * incidentsOpened),
    anomalies: Math.min(
      w.anomaliesMax,
      anomalies.reduce((sum, a) => sum + w.anomaly[a.rule], 0),
    ),
    errorRate:
      totals.requests >= ANOMALY_THRESHOLDS.minRequestsForErrorRate
        ? Math.min(w.errorRateMax, Math.round(errorRate * 100 * w.errorRatePointsPerPercent))
        : 0,
  };
  const score = Math.max(0, Math.min(100, Math.round(100 - penalties.openIncidents - penalties.incidentsOpened - penalties.anomalies - penalties.errorRate)));

  return {
    day,
    score,
    factors: {
      openIncidents,
      incidentsOpened,
      anomalies: byRule,
      requests: totals.requests,
      errors: totals.errors,
      errorRate: Math.round(errorRate * 10_000) / 10_000,
      penalties,
    },
    suggestions: suggestionsFor(openList, anomalies),
  };
}

function suggestionsFor(open: { check: string; openedAt: Date }[], anomalies: Anomaly[]): HealthSuggestion[] {
  const out: HealthSuggestion[] = open.map((i) => ({
    code: 'resolve_open_incident',
    params: { check: i.check, openedAt: i.openedAt.toISOString() },
  }));
  const of = (rule: AnomalyRule) => anomalies.filter((a) => a.rule === rule);
  for (const a of of('high_error_rate')) {
    out.push({ code: 'reduce_error_rate', params: { endpoint: a.subject, ratePercent: Math.round(a.value * 1000) / 10, requests: a.count } });
  }
  for (const a of of('repeated_error')) {
    out.push({ code: 'investigate_repeated_error', params: { message: a.subject, count: a.count } });
  }
  for (const a of of('slow_endpoint')) {
    out.push({ code: 'speed_up_endpoint', params: { endpoint: a.subject, maxMs: a.value } });
  }
  return out.slice(0, MAX_SUGGESTIONS);
}

/** The score of each of the last `days` UTC days, oldest first, today included. */
export async function healthScoreHistory(deps: Deps, input: { days?: number } = {}): Promise<HealthScore[]> {
  const { days } = healthScoreHistoryInputSchema.parse(input);
  const today = new Date(`${dayString(deps.now?.() ?? new Date())}T00:00:00.000Z`).getTime();
  const list = Array.from({ length: days }, (_, i) => dayString(new Date(today - (days - 1 - i) * DAY_MS)));
  return Promise.all(list.map((day) => computeHealthScore(deps, { day })));
}
