import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type Stripe from 'stripe';
import { z } from 'zod';
import { env } from '~/env';
import { getStripe } from '~/server/domain/billing/stripe';
import { getDb, type Db } from '~/server/infra/db/client';
import { getRedis } from '~/server/infra/redis';
import pkg from '../../../../package.json';
import { logger } from '~/server/infra/logger';
import { metrics } from '~/server/infra/metrics/registry';
import { recordCheckResults } from './incidents';
import { CHECK_TIMEOUT_MS, runChecks, withTimeout, type CheckName, type CheckResult } from './checks';

/** The health summary (SPEC H1): exactly these fields; `checks` only with ?verbose. */
export const healthSummarySchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  app_up: z.literal(true),
  db_ok: z.boolean(),
  redis_ok: z.boolean(),
  queue_ok: z.boolean(),
  stripe_ok: z.union([z.boolean(), z.literal('not_configured')]),
  error_count: z.number().int().nullable(),
  last_incident_time: z.string().nullable(),
  checked_at: z.string(),
  version: z.string(),
  uptime_seconds: z.number().int(),
  checks: z
    .record(z.string(), z.object({ ok: z.union([z.boolean(), z.literal('not_configured')]), latency_ms: z.number(), detail: z.string().optional() }))
    .optional(),
});
export type HealthSummary = z.infer<typeof healthSummarySchema>;

export const APP_VERSION = env.APP_VERSION ?? pkg.version;
const uptimeSeconds = () => Math.floor(process.uptime());

type Figures = { errors24h: number; errors1h: number; lastIncident: string | null };

async function readFigures(db: Db, now: Date): Promise<Figures> {
  const [row] = await db.execute<{ errors_24h: number; errors_1h: number; last_incident: string | null }>(sql`
    select
      (select count(*)::int from telemetry_events
        where kind = 'error' and created_at > ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz) as errors_24h,
      (select count(*)::int from telemetry_events
        where kind = 'error' and created_at > ${new Date(now.getTime() - 3_600_000).toISOString()}::timestamptz) as errors_1h,
      (select to_char(max(opened_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from incidents) as last_incident
  `);
  return { errors24h: row?.errors_24h ?? 0, errors1h: row?.errors_1h ?? 0, lastIncident: row?.last_incident ?? null };
}

export function overallStatus(c: Record<CheckName, CheckResult>): HealthSummary['status'] {
  if (c.db.ok !== true) return 'down';
  if (c.redis.ok !== true || c.queue.ok !== true || c.stripe.ok === false) return 'degraded';
  return 'ok';
}

export type HealthSnapshot = {
  checks: Record<CheckName, CheckResult>;
  figures: Figures | null;
  checkedAt: Date;
};

export type HealthDeps = { db: Db; redis: Redis; stripe: Stripe | null; now?: () => Date; timeoutMs?: number };

/** Prometheus's view of the last checks (SPEC H6): 1 ok, 0 failing, -1 not configured. */
function observeChecks(checks: Record<CheckName, CheckResult>) {
  const gauge = metrics().healthCheck;
  for (const [check, result] of Object.entries(checks)) gauge.set({ check }, result.ok === true ? 1 : result.ok === 'not_configured' ? -1 : 0);
}

/** Runs every check in parallel (each bounded) and reads the stored figures. */
export async function takeHealthSnapshot(deps: HealthDeps): Promise<HealthSnapshot> {
  const now = deps.now?.() ?? new Date();
  const [checks, figures] = await Promise.all([
    runChecks(deps),
    withTimeout(readFigures(deps.db, now), deps.timeoutMs ?? CHECK_TIMEOUT_MS).catch(() => null),
  ]);
  observeChecks(checks);
  return { checks, figures, checkedAt: now };
}

/**
 * Whether the AI helpers can answer (heartbeat's brain_ok): the local engine — which answers
 * every request the provider cannot — is asked a known question and must find its article.
 * Loaded on demand: the heartbeat route does not carry the help catalogs otherwise.
 */
export async function brainAnswers(): Promise<boolean> {
  try {
    const { answerHelpLocally } = await import('~/server/domain/ai/engine/chat');
    const answer = answerHelpLocally('en', 'How do I create a workflow?');
    return answer.matched && answer.sources.length > 0 && answer.answer.length > 0;
  } catch {
    return false;
  }
}

export function toSummary(s: HealthSnapshot, opts: { verbose?: boolean } = {}): HealthSummary {
  const summary: HealthSummary = {
    status: overallStatus(s.checks),
    app_up: true,
    db_ok: s.checks.db.ok === true,
    redis_ok: s.checks.redis.ok === true,
    queue_ok: s.checks.queue.ok === true,
    stripe_ok: s.checks.stripe.ok,
    error_count: s.figures?.errors24h ?? null,
    last_incident_time: s.figures?.lastIncident ?? null,
    checked_at: s.checkedAt.toISOString(),
    version: APP_VERSION,
    uptime_seconds: uptimeSeconds(),
  };
  if (opts.verbose) {
    summary.checks = Object.fromEntries(
      Object.entries(s.checks).map(([k, v]) => [k, { ok: v.ok, latency_ms: v.latency_ms, ...(v.detail ? { detail: v.detail } : {}) }]),
    );
  }
  return summary;
}

/**
 * Health with a short cache and single flight: under load, one check run serves every
 * request for `cacheSeconds`, and concurrent callers share the run in progress.
 */
export function createHealthService(
  deps: HealthDeps & { cacheSeconds?: number; onSnapshot?: (s: HealthSnapshot) => Promise<unknown> },
) {
  const ttlMs = (deps.cacheSeconds ?? env.HEALTH_CACHE_SECONDS) * 1000;
  let cached: { at: number; snapshot: HealthSnapshot } | null = null;
  let inflight: Promise<HealthSnapshot> | null = null;

  async function snapshot(): Promise<HealthSnapshot> {
    const nowMs = (deps.now?.() ?? new Date()).getTime();
    if (cached && nowMs - cached.at < ttlMs) return cached.snapshot;
    inflight ??= takeHealthSnapshot(deps)
      .then((s) => {
        cached = { at: (deps.now?.() ?? new Date()).getTime(), snapshot: s };
        // Incidents are recorded from fresh snapshots too: a dead worker cannot report itself.
        void deps.onSnapshot?.(s).catch(() => null);
        return s;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  }

  return {
    snapshot,
    summary: async (opts: { verbose?: boolean } = {}) => toSummary(await snapshot(), opts),
    /** Seed 001's heartbeat shape; brain_ok asks the local AI engine a known question. */
    heartbeat: async () => {
      const [s, brainOk] = await Promise.all([snapshot(), brainAnswers()]);
      return {
        status: overallStatus(s.checks),
        db_ok: s.checks.db.ok === true,
        stripe_ok: s.checks.stripe.ok,
        brain_ok: brainOk,
        error_count_recent: s.figures?.errors1h ?? null,
        uptime_seconds: uptimeSeconds(),
        version: APP_VERSION,
      };
    },
    invalidate: () => {
      cached = null;
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;

const globalForHealth = globalThis as unknown as { levqorHealth?: HealthService };
export function getHealthService(): HealthService {
  if (!globalForHealth.levqorHealth) {
    const deps = { db: getDb(), redis: getRedis(), stripe: getStripe() };
    globalForHealth.levqorHealth = createHealthService({
      ...deps,
      onSnapshot: (s) => recordCheckResults({ ...deps, log: logger }, s.checks),
    });
  }
  return globalForHealth.levqorHealth;
}

/** Readiness (SPEC H2): can this instance serve? Only PostgreSQL is essential. */
export async function checkReadiness(deps: { db: Db; timeoutMs?: number }) {
  try {
    await withTimeout(deps.db.execute(sql`select 1`), deps.timeoutMs ?? CHECK_TIMEOUT_MS);
    return { ready: true as const, db_ok: true };
  } catch {
    return { ready: false as const, db_ok: false };
  }
}
