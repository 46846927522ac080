import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '~/server/infra/db/client';
import type { Redis } from 'ioredis';
import { tenants, usageCounters, type TenantState } from '~/server/infra/db/schema';
import { admit, type Admission, releaseQuietly } from '~/server/domain/usage/admission';
import { upsertCounterSql } from '~/server/domain/usage/ledger';
import { noticeAdmission } from '~/server/domain/usage/meter';
import { usagePeriod } from '~/server/domain/usage/period';
import { usageLimit } from '~/server/domain/billing/limits';
import { AppError, isAppError } from '~/server/errors';
import type { Plan } from '~/server/domain/billing/pricing';
import { type AiCapability, type AiProviderName } from './config';

/**
 * AI credits (SPEC A4, P3): an allowance per workspace per calendar month (UTC) by plan. Credits
 * are reserved BEFORE any provider call on the `ai_credit` meter (an atomic check-and-increment,
 * so concurrent requests never pass the allowance) and recorded in `ai_usage` and the usage
 * ledger. After the call the row is settled with what was really used (never more than was
 * reserved).
 */
type Deps = { db: Db; now?: () => Date };

export type TenantPlan = { plan: Plan; status: TenantState; trialEndsAt: Date | null };
export type Usage = { used: number; allowance: number; month: string };

/** The UTC month a use counts in: the usage meters' period (SPEC P3). */
export const monthWindow = usagePeriod;

/** The `ai_credit` limit of the workspace's plan (trialing workspaces: the trial row). */
export function allowanceFor(tenant: Pick<TenantPlan, 'plan' | 'status'>): number {
  return usageLimit(tenant, 'ai_credit');
}

export async function loadTenantPlan(deps: Deps, tenantId: string): Promise<TenantPlan> {
  const [row] = await deps.db
    .select({ plan: tenants.plan, status: tenants.status, trialEndsAt: tenants.trialEndsAt })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Workspace not found');
  return row;
}

async function usedThisMonth(db: Pick<Db, 'select'>, tenantId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ used: usageCounters.used })
    .from(usageCounters)
    .where(and(eq(usageCounters.tenantId, tenantId), eq(usageCounters.meter, 'ai_credit'), eq(usageCounters.period, usagePeriod(now).period)));
  return Number(row?.used ?? 0);
}

export async function getAiUsage(deps: Deps, user: { tenantId: string }): Promise<Usage> {
  const now = deps.now?.() ?? new Date();
  const tenant = await loadTenantPlan(deps, user.tenantId);
  return { used: await usedThisMonth(deps.db, user.tenantId, now), allowance: allowanceFor(tenant), month: monthWindow(now).month };
}

export type Reservation = { id: number; tenantId: string; credits: number; used: number; allowance: number; admission: Admission | null };

export function creditsExhaustedMessage(allowance: number): string {
  return `Your workspace has used all ${allowance} AI credits for this month. Credits renew on the 1st; a larger plan includes more.`;
}

/**
 * Reserves `credits` for one request, or throws TOO_MANY_REQUESTS when the month's allowance
 * cannot cover them (SPEC P3: admitted atomically on the `ai_credit` meter, then the `ai_usage`
 * row, its usage event `ai:<id>` and the month's counter in one statement). A reservation of 0
 * credits always succeeds (and is still recorded in `ai_usage`).
 */
export async function reserveCredits(
  deps: Deps & { redis: Redis },
  input: {
    tenantId: string;
    userId: string | null;
    capability: AiCapability;
    provider: AiProviderName;
    model: string | null;
    credits: number;
    queryLength: number;
    allowance: number;
  },
): Promise<Reservation> {
  const now = deps.now?.() ?? new Date();
  let admission: Admission | null = null;
  if (input.credits > 0) {
    try {
      admission = await admit({ ...deps, now: () => now }, input.tenantId, [{ meter: 'ai_credit', quantity: input.credits, limit: input.allowance }]);
    } catch (error) {
      if (isAppError(error) && error.code === 'TOO_MANY_REQUESTS') {
        throw new AppError('TOO_MANY_REQUESTS', creditsExhaustedMessage(input.allowance), { retryAfterSeconds: error.retryAfterSeconds, details: error.details });
      }
      throw error;
    }
  }
  const at = now.toISOString();
  try {
    const rows = await deps.db.execute<{ id: number }>(sql`
      with usage_row as (
        insert into ai_usage (tenant_id, user_id, capability, provider, model, credits, query_length, latency_ms, created_at)
        values (${input.tenantId}, ${input.userId}, ${input.capability}, ${input.provider}, ${input.model}, ${input.credits}, ${input.queryLength}, 0, ${at}::timestamptz)
        returning id
      ), ev as (
        insert into usage_events (tenant_id, meter, quantity, idempotency_key, period, occurred_at)
        select ${input.tenantId}, 'ai_credit'::usage_meter, ${input.credits}, 'ai:' || usage_row.id, ${usagePeriod(now).period}::date, ${at}::timestamptz
        from usage_row where ${input.credits} > 0
        returning tenant_id, meter, quantity, period
      ), counted as (
        ${upsertCounterSql({ at: now }, sql`ev`)}
        returning used
      )
      select id from usage_row`);
    if (admission) await noticeAdmission(deps, admission);
    const used = admission ? admission.items[0]!.usedAfter : await usedThisMonth(deps.db, input.tenantId, now);
    return { id: Number(rows[0]!.id), tenantId: input.tenantId, credits: input.credits, used, allowance: input.allowance, admission };
  } catch (error) {
    if (admission) await releaseQuietly(deps, admission);
    throw error;
  }
}

/**
 * Records what the request really used; credits can only go down from the reservation. What
 * was not used is given back: a correction event (`ai:<id>:settle`, negative) in the ledger and
 * the same amount released from the admission counter.
 */
export async function settleCredits(
  deps: Deps & { redis: Redis },
  reservation: Reservation,
  outcome: { provider: AiProviderName; model: string | null; credits: number; latencyMs: number },
): Promise<number> {
  const credits = Math.min(reservation.credits, outcome.credits);
  const unused = reservation.credits - credits;
  const now = deps.now?.() ?? new Date();
  await deps.db.execute(sql`
    with settled as (
      update ai_usage set provider = ${outcome.provider}, model = ${outcome.model}, credits = ${credits},
        latency_ms = ${Math.max(0, Math.round(outcome.latencyMs))}
      where id = ${reservation.id}
      returning id, tenant_id, created_at
    ), ev as (
      insert into usage_events (tenant_id, meter, quantity, idempotency_key, period, occurred_at)
      select tenant_id, 'ai_credit'::usage_meter, ${-unused}, 'ai:' || id || ':settle', date_trunc('month', created_at at time zone 'UTC')::date, ${now.toISOString()}::timestamptz
      from settled where ${unused} > 0
      on conflict (tenant_id, meter, idempotency_key) do nothing
      returning tenant_id, meter, quantity, period
    )
    ${upsertCounterSql({ at: now }, sql`ev`)}`);
  if (unused > 0 && reservation.admission) {
    await releaseQuietly(deps, { ...reservation.admission, items: reservation.admission.items.map((i) => ({ ...i, quantity: unused })) });
  }
  return credits;
}
