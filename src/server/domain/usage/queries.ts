import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LIMIT_PLANS, METERS, USAGE_LIMITS, limitPlanOf, type Meter } from '~/server/domain/billing/limits';
import { ownedBy } from '~/server/domain/accounts/tenancy';
import type { Db } from '~/server/infra/db/client';
import { tenants, usageCounters, usageEvents, usageNotices, workflowRuns } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { daysLeft, usagePeriod } from './period';
import { tenantPlanOf } from './plans';

type Deps = { db: Db; now?: () => Date };
type Caller = { tenantId: string };

const meterSchema = z.enum(METERS);
export const usageSummarySchema = z.object({
  plan: z.enum(LIMIT_PLANS),
  month: z.string(),
  resetsAt: z.date(),
  daysLeft: z.number().int(),
  meters: z.array(z.object({ meter: meterSchema, used: z.number().int(), limit: z.number().int(), percent: z.number() })),
  notices: z.array(z.object({ meter: meterSchema, threshold: z.number().int(), createdAt: z.date() })),
});
export type UsageSummary = z.infer<typeof usageSummarySchema>;

/** This month's use of each meter against the workspace's limits, and the warnings raised. */
export async function usageSummary(deps: Deps, caller: Caller): Promise<UsageSummary> {
  const now = deps.now?.() ?? new Date();
  const { period, month, end } = usagePeriod(now);
  const tenant = await tenantPlanOf(deps.db, caller.tenantId);
  const plan = limitPlanOf(tenant);
  const [counters, notices] = await Promise.all([
    deps.db
      .select({ meter: usageCounters.meter, used: usageCounters.used })
      .from(usageCounters)
      .where(and(eq(usageCounters.tenantId, caller.tenantId), eq(usageCounters.period, period))),
    deps.db
      .select({ meter: usageNotices.meter, threshold: usageNotices.threshold, createdAt: usageNotices.createdAt })
      .from(usageNotices)
      .where(and(eq(usageNotices.tenantId, caller.tenantId), eq(usageNotices.period, period)))
      .orderBy(desc(usageNotices.threshold)),
  ]);
  return {
    plan,
    month,
    resetsAt: end,
    daysLeft: daysLeft(now),
    meters: METERS.map((meter) => {
      const used = Number(counters.find((c) => c.meter === meter)?.used ?? 0);
      const limit = USAGE_LIMITS[plan][meter];
      return { meter, used, limit, percent: limit > 0 ? Math.round((used / limit) * 1000) / 10 : 0 };
    }),
    // The highest threshold per meter is the one that matters.
    notices: METERS.flatMap((meter) => notices.filter((n) => n.meter === meter).slice(0, 1)),
  };
}

export const usageDailySchema = z.array(z.object({ day: z.string(), workflow_run: z.number(), api_call: z.number(), ai_credit: z.number() }));

/** The last 30 UTC days, one row per day (days without use included), from the events. */
export async function usageDaily(deps: Deps, caller: Caller): Promise<z.infer<typeof usageDailySchema>> {
  const now = deps.now?.() ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = new Date(today.getTime() - 29 * 86_400_000);
  const rows = await deps.db
    .select({
      day: sql<string>`to_char(${usageEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD')`,
      meter: usageEvents.meter,
      quantity: sql<number>`sum(${usageEvents.quantity})::int`,
    })
    .from(usageEvents)
    .where(and(eq(usageEvents.tenantId, caller.tenantId), gte(usageEvents.occurredAt, from)))
    .groupBy(sql`1`, usageEvents.meter);
  return Array.from({ length: 30 }, (_, i) => {
    const day = new Date(from.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const of = (meter: Meter) => Number(rows.find((r) => r.day === day && r.meter === meter)?.quantity ?? 0);
    return { day, workflow_run: of('workflow_run'), api_call: of('api_call'), ai_credit: of('ai_credit') };
  });
}

export const runUsageSchema = z.array(z.object({ meter: meterSchema, quantity: z.number().int() }));

/** What one run consumed (its usage events): a workflow run, and an API call when a webhook started it. */
export async function runUsage(deps: Deps, caller: Caller, input: { id: string }): Promise<z.infer<typeof runUsageSchema>> {
  const [run] = await deps.db.select({ id: workflowRuns.id }).from(workflowRuns).where(and(eq(workflowRuns.id, input.id), ownedBy(workflowRuns, caller))).limit(1);
  if (!run) throw new AppError('NOT_FOUND', 'Run not found');
  const rows = await deps.db
    .select({ meter: usageEvents.meter, quantity: sql<number>`sum(${usageEvents.quantity})::int` })
    .from(usageEvents)
    .where(and(eq(usageEvents.tenantId, caller.tenantId), inArray(usageEvents.idempotencyKey, [`run:${run.id}`, `api:run:${run.id}`])))
    .groupBy(usageEvents.meter);
  return rows.map((r) => ({ meter: r.meter, quantity: Number(r.quantity) }));
}

export const adminUsageSchema = z.array(
  z.object({
    tenantId: z.string(),
    name: z.string(),
    plan: z.enum(LIMIT_PLANS),
    meters: z.array(z.object({ meter: meterSchema, used: z.number().int(), limit: z.number().int(), percent: z.number() })),
    maxPercent: z.number(),
  }),
);

/** Admins: every workspace with use this month, fullest first (near or over limits on top). */
export async function adminUsage(deps: Deps): Promise<z.infer<typeof adminUsageSchema>> {
  const now = deps.now?.() ?? new Date();
  const { period } = usagePeriod(now);
  const rows = await deps.db
    .select({ tenantId: tenants.id, name: tenants.name, plan: tenants.plan, status: tenants.status, meter: usageCounters.meter, used: usageCounters.used })
    .from(usageCounters)
    .innerJoin(tenants, eq(tenants.id, usageCounters.tenantId))
    .where(eq(usageCounters.period, period))
    .limit(5000);
  const byTenant = new Map<string, { name: string; plan: ReturnType<typeof limitPlanOf>; used: Partial<Record<Meter, number>> }>();
  for (const r of rows) {
    const entry = byTenant.get(r.tenantId) ?? { name: r.name, plan: limitPlanOf(r), used: {} };
    entry.used[r.meter] = Number(r.used);
    byTenant.set(r.tenantId, entry);
  }
  return [...byTenant.entries()]
    .map(([tenantId, e]) => {
      const meters = METERS.map((meter) => {
        const used = e.used[meter] ?? 0;
        const limit = USAGE_LIMITS[e.plan][meter];
        return { meter, used, limit, percent: limit > 0 ? Math.round((used / limit) * 1000) / 10 : 0 };
      });
      return { tenantId, name: e.name, plan: e.plan, meters, maxPercent: Math.max(...meters.map((m) => m.percent)) };
    })
    .sort((a, b) => b.maxPercent - a.maxPercent)
    .slice(0, 500);
}
