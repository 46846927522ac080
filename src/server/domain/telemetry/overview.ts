import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { detectAnomalies } from './anomalies';
import { healthScoreHistory } from './score';

/** What admins see of telemetry: today's health score, the last 7 days, and live anomalies. */
const ruleSchema = z.enum(['repeated_error', 'slow_endpoint', 'high_error_rate']);
const scoreSchema = z.object({
  day: z.string(),
  score: z.number().int(),
  factors: z.object({
    openIncidents: z.number(),
    incidentsOpened: z.number(),
    requests: z.number(),
    errors: z.number(),
    errorRate: z.number(),
  }),
  suggestions: z.array(
    z.object({
      code: z.enum(['resolve_open_incident', 'reduce_error_rate', 'investigate_repeated_error', 'speed_up_endpoint']),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});
export const telemetryOverviewSchema = z.object({
  today: scoreSchema,
  history: z.array(scoreSchema),
  anomalies: z.array(
    z.object({ rule: ruleSchema, subject: z.string(), value: z.number(), threshold: z.number(), count: z.number() }),
  ),
});

export async function getTelemetryOverview(deps: { db: Db; now?: () => Date }) {
  const now = deps.now?.() ?? new Date();
  const [history, anomalies] = await Promise.all([
    healthScoreHistory(deps, { days: 7 }),
    detectAnomalies(deps, { since: new Date(now.getTime() - 24 * 3_600_000), until: now }),
  ]);
  return { today: history[history.length - 1]!, history, anomalies };
}
