import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUniqueViolation } from '~/server/domain/accounts/signup';
import { detectAnomalies, type Anomaly } from '~/server/domain/telemetry/anomalies';
import type { Db } from '~/server/infra/db/client';
import { incidents, upgradePlans, workflowRunSteps } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';

/**
 * The upgrade planner (SPEC P7, seed 001 "Auto-Upgrade Engine — design only"). Every 6 hours it
 * reads what the platform measured and writes improvement plans for admins — it never changes
 * anything itself (no config edits, restarts or commands: `auto_applicable` is false by
 * constraint). A finding is a kind and a subject:
 *
 *   slow_endpoint       an endpoint slower than 2 s in the last 24 h (telemetry anomaly) — performance
 *   high_error_rate     more than 10 % errors on an endpoint, or overall ('*'), in 24 h  — reliability
 *   repeated_error      the same error message 3+ times in 24 h                           — reliability
 *   recurring_incident  a health check that opened 2+ incidents in 7 days                 — reliability
 *   failing_step_type   a workflow step type whose attempts failed 25 %+ (of 20+) in 7 d  — ux
 *
 * Each pass upserts one live plan per finding (the `fingerprint`): a new finding opens a plan, a
 * known one refreshes its evidence, priority and `last_seen_at`; live plans not seen for 7 days
 * are archived as stale. Plans carry figures, not sentences: the admin page words them.
 */
type Deps = { db: Db; now?: () => Date };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const STALE_AFTER_DAYS = 7;
export const PLAN_KINDS = ['slow_endpoint', 'high_error_rate', 'repeated_error', 'recurring_incident', 'failing_step_type'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_STATUSES = ['open', 'in_progress', 'applied', 'archived'] as const;
export const PLAN_CATEGORIES = ['performance', 'reliability', 'i18n', 'ux', 'pricing', 'security'] as const;

export type Finding = {
  kind: PlanKind;
  subject: string;
  priority: 1 | 2 | 3 | 4 | 5;
  category: (typeof PLAN_CATEGORIES)[number];
  risk: 'low' | 'medium' | 'high';
  source: string;
  evidence: Record<string, string | number>;
};

const fingerprintOf = (f: Pick<Finding, 'kind' | 'subject'>) => `${f.kind}:${f.subject}`;

function fromAnomaly(a: Anomaly): Finding {
  const subject = a.subject.slice(0, 200);
  switch (a.rule) {
    case 'slow_endpoint':
      return {
        kind: 'slow_endpoint',
        subject,
        priority: a.value >= 10_000 ? 2 : a.value >= 5_000 ? 3 : 4,
        category: 'performance',
        risk: 'low',
        source: 'anomaly:slow_endpoint',
        evidence: { maxMs: Math.round(a.value), requests: a.count, thresholdMs: a.threshold },
      };
    case 'high_error_rate':
      return {
        kind: 'high_error_rate',
        subject,
        priority: a.subject === '*' ? 1 : a.value >= 0.5 ? 2 : 3,
        category: 'reliability',
        risk: 'medium',
        source: 'anomaly:high_error_rate',
        evidence: { errorPercent: Math.round(a.value * 1000) / 10, requests: a.count },
      };
    case 'repeated_error':
      return {
        kind: 'repeated_error',
        subject,
        priority: a.count >= 50 ? 2 : a.count >= 10 ? 3 : 4,
        category: 'reliability',
        risk: 'low',
        source: 'anomaly:repeated_error',
        evidence: { occurrences: a.count },
      };
  }
}

/** What the platform measured that deserves a plan, worst first. */
export async function findImprovements(deps: Deps): Promise<Finding[]> {
  const now = deps.now?.() ?? new Date();
  const anomalies = await detectAnomalies(deps, { since: new Date(now.getTime() - DAY), until: now });
  const weekAgo = new Date(now.getTime() - 7 * DAY);
  const recurring = await deps.db
    .select({
      check: incidents.check,
      n: count(),
      minutes: sql<number>`coalesce(round(sum(extract(epoch from (coalesce(${incidents.resolvedAt}, ${now.toISOString()}::timestamptz) - ${incidents.openedAt}))) / 60), 0)`.mapWith(Number),
    })
    .from(incidents)
    .where(and(gte(incidents.openedAt, weekAgo), lt(incidents.openedAt, now)))
    .groupBy(incidents.check)
    .having(sql`count(*) >= 2`);
  const failing = await deps.db
    .select({
      stepType: workflowRunSteps.stepType,
      attempts: count(),
      failed: sql<number>`count(*) filter (where ${workflowRunSteps.status} = 'failed')`.mapWith(Number),
    })
    .from(workflowRunSteps)
    .where(and(gte(workflowRunSteps.startedAt, weekAgo), lt(workflowRunSteps.startedAt, now), inArray(workflowRunSteps.status, ['succeeded', 'failed'])))
    .groupBy(workflowRunSteps.stepType)
    .having(sql`count(*) >= 20 and count(*) filter (where ${workflowRunSteps.status} = 'failed') * 4 >= count(*)`);

  const findings: Finding[] = [
    ...anomalies.map(fromAnomaly),
    ...recurring.map(
      (r): Finding => ({
        kind: 'recurring_incident',
        subject: r.check,
        priority: r.n >= 5 ? 1 : 2,
        category: 'reliability',
        risk: 'medium',
        source: `incidents:${r.check}`,
        evidence: { incidents: r.n, minutesDown: r.minutes, days: 7 },
      }),
    ),
    ...failing.map(
      (r): Finding => ({
        kind: 'failing_step_type',
        subject: r.stepType,
        priority: r.failed * 2 >= r.attempts ? 2 : 3,
        category: 'ux',
        risk: 'low',
        source: 'runs:step_failures',
        evidence: { attempts: r.attempts, failed: r.failed, failedPercent: Math.round((1000 * r.failed) / r.attempts) / 10, days: 7 },
      }),
    ),
  ];
  return findings.sort((a, b) => a.priority - b.priority || fingerprintOf(a).localeCompare(fingerprintOf(b)));
}

/**
 * One planner pass: upserts a live plan per finding and archives live plans not seen for
 * `STALE_AFTER_DAYS`. Idempotent in effect: a second pass at the same time finds the same plans
 * (their `occurrences` count passes). Concurrent passes meet on the live-fingerprint index.
 */
export async function runUpgradePlanner(deps: Deps): Promise<{ findings: number; opened: number; refreshed: number; archived: number }> {
  const now = deps.now?.() ?? new Date();
  const findings = await findImprovements({ ...deps, now: () => now });
  let opened = 0;
  for (const f of findings) {
    const [row] = await deps.db
      .insert(upgradePlans)
      .values({ ...f, fingerprint: fingerprintOf(f), firstSeenAt: now, lastSeenAt: now, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: upgradePlans.fingerprint,
        targetWhere: sql`status in ('open', 'in_progress')`,
        set: {
          evidence: f.evidence,
          priority: f.priority,
          risk: f.risk,
          lastSeenAt: now,
          updatedAt: now,
          occurrences: sql`${upgradePlans.occurrences} + 1`,
        },
      })
      .returning({ opened: sql<boolean>`xmax = 0` });
    if (row?.opened) opened++;
  }
  const archived = await deps.db
    .update(upgradePlans)
    .set({ status: 'archived', statusNote: 'stale: not seen for 7 days', updatedAt: now })
    .where(and(inArray(upgradePlans.status, ['open', 'in_progress']), lt(upgradePlans.lastSeenAt, new Date(now.getTime() - STALE_AFTER_DAYS * DAY))))
    .returning({ id: upgradePlans.id });
  return { findings: findings.length, opened, refreshed: findings.length - opened, archived: archived.length };
}

export const plansInputSchema = z
  .strictObject({
    status: z.enum(PLAN_STATUSES).optional(),
    category: z.enum(PLAN_CATEGORIES).optional(),
    limit: z.number().int().min(1).max(200).default(100),
  })
  .default({ limit: 100 });

/** Plans for the admin page (live ones by priority, the rest by latest change), and the counts. */
export async function listPlans(deps: Deps, input: z.input<typeof plansInputSchema>) {
  const { status, category, limit } = plansInputSchema.parse(input);
  const where = and(status ? eq(upgradePlans.status, status) : inArray(upgradePlans.status, ['open', 'in_progress']), category ? eq(upgradePlans.category, category) : undefined);
  const [plans, byStatus, byCategory] = await Promise.all([
    deps.db
      .select()
      .from(upgradePlans)
      .where(where)
      .orderBy(asc(upgradePlans.priority), desc(upgradePlans.lastSeenAt), asc(upgradePlans.id))
      .limit(limit),
    deps.db.select({ status: upgradePlans.status, n: count() }).from(upgradePlans).groupBy(upgradePlans.status),
    deps.db
      .select({ category: upgradePlans.category, n: count() })
      .from(upgradePlans)
      .where(inArray(upgradePlans.status, ['open', 'in_progress']))
      .groupBy(upgradePlans.category),
  ]);
  return {
    plans: plans.map((p) => ({ ...p, kind: p.kind as PlanKind, autoApplicable: false as const })),
    summary: {
      byStatus: Object.fromEntries(PLAN_STATUSES.map((s) => [s, byStatus.find((r) => r.status === s)?.n ?? 0])) as Record<(typeof PLAN_STATUSES)[number], number>,
      byCategory: Object.fromEntries(PLAN_CATEGORIES.map((c) => [c, byCategory.find((r) => r.category === c)?.n ?? 0])) as Record<(typeof PLAN_CATEGORIES)[number], number>,
    },
  };
}

export const setPlanStatusSchema = z.strictObject({
  id: z.uuid('Upgrade plan not found'),
  status: z.enum(PLAN_STATUSES, 'Choose open, in progress, applied or archived'),
  note: z.string().trim().max(500, 'Keep the note under 500 characters').optional(),
});

/** An admin moves a plan by hand (the planner never applies anything). */
export async function setPlanStatus(deps: Deps, admin: { id: string }, input: z.input<typeof setPlanStatusSchema>) {
  const { id, status, note } = setPlanStatusSchema.parse(input);
  const now = deps.now?.() ?? new Date();
  try {
    const [row] = await deps.db
      .update(upgradePlans)
      .set({ status, statusChangedBy: admin.id, statusNote: note ?? null, updatedAt: now, ...(status === 'open' || status === 'in_progress' ? { lastSeenAt: now } : {}) })
      .where(eq(upgradePlans.id, id))
      .returning({ id: upgradePlans.id, status: upgradePlans.status });
    if (!row) throw new AppError('NOT_FOUND', 'Upgrade plan not found');
    return row;
  } catch (error) {
    // Reopening a plan whose finding already has a newer live plan.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'A newer plan for the same finding is already open.');
    throw error;
  }
}
