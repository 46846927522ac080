import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { incidents } from '~/server/infra/db/schema';
import type { Logger } from '~/server/infra/logger';
import { redisKey } from '~/server/infra/redis';
import type { CheckName, CheckResult } from './checks';

/**
 * Incidents (SPEC H3): a check that turns bad opens one, its recovery closes it. The partial
 * unique index (one open incident per check) makes opening idempotent across workers and
 * retries. A database outage cannot be written while it lasts: its start is parked in Redis
 * and recorded (opened and closed) once the database answers again.
 */
const SEVERITY: Record<CheckName, 'critical' | 'major' | 'minor'> = {
  db: 'critical',
  redis: 'major',
  queue: 'major',
  stripe: 'minor',
};
const SUMMARY: Record<CheckName, string> = {
  db: 'PostgreSQL unreachable',
  redis: 'Redis unreachable',
  queue: 'Workers not sending heartbeats',
  stripe: 'Stripe API unreachable',
};
const pendingDbKey = () => redisKey('health', 'pending-db-incident');

type Deps = { db: Db; redis: Redis; log?: Logger; now?: () => Date };

export async function recordCheckResults(
  deps: Deps,
  checks: Record<CheckName, CheckResult>,
): Promise<{ opened: CheckName[]; closed: CheckName[] }> {
  const now = deps.now?.() ?? new Date();
  const opened: CheckName[] = [];
  const closed: CheckName[] = [];

  if (checks.db.ok !== true) {
    await deps.redis.set(pendingDbKey(), now.toISOString(), 'NX').catch(() => null);
    deps.log?.warn({ check: 'db' }, 'health check failing: database');
    return { opened, closed };
  }

  const pending = await deps.redis.get(pendingDbKey()).catch(() => null);
  if (pending) {
    await deps.db
      .insert(incidents)
      .values({ check: 'db', severity: SEVERITY.db, summary: SUMMARY.db, openedAt: new Date(pending), resolvedAt: now })
      .onConflictDoNothing();
    await deps.redis.del(pendingDbKey()).catch(() => null);
    opened.push('db');
    closed.push('db');
  }

  for (const name of Object.keys(checks) as CheckName[]) {
    if (name === 'db') continue;
    const failing = checks[name].ok === false;
    if (failing) {
      const rows = await deps.db
        .insert(incidents)
        .values({ check: name, severity: SEVERITY[name], summary: SUMMARY[name], openedAt: now })
        .onConflictDoNothing({ target: incidents.check, where: sql`${incidents.resolvedAt} is null` })
        .returning({ id: incidents.id });
      if (rows.length) {
        opened.push(name);
        deps.log?.warn({ check: name }, 'incident opened');
      }
    } else {
      const rows = await deps.db
        .update(incidents)
        .set({ resolvedAt: now })
        .where(and(eq(incidents.check, name), isNull(incidents.resolvedAt)))
        .returning({ id: incidents.id });
      if (rows.length) {
        closed.push(name);
        deps.log?.info({ check: name }, 'incident resolved');
      }
    }
  }
  return { opened, closed };
}

export const listIncidentsInputSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .default({ limit: 20, offset: 0 });

export const incidentRowSchema = z.object({
  id: z.string(),
  check: z.string(),
  severity: z.string(),
  summary: z.string(),
  openedAt: z.date(),
  resolvedAt: z.date().nullable(),
});

export async function listIncidents(deps: { db: Db }, input: z.infer<typeof listIncidentsInputSchema>) {
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        id: incidents.id,
        check: incidents.check,
        severity: incidents.severity,
        summary: incidents.summary,
        openedAt: incidents.openedAt,
        resolvedAt: incidents.resolvedAt,
      })
      .from(incidents)
      .orderBy(desc(incidents.openedAt))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: count() }).from(incidents),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}
