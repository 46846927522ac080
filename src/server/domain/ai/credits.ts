import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '~/server/infra/db/client';
import { aiUsage, tenants } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import type { Plan } from '~/server/domain/billing/pricing';
import { AI_MONTHLY_CREDITS, type AiCapability, type AiProviderName } from './config';

/**
 * AI credits (SPEC A4): an allowance per workspace per calendar month (UTC) by plan, metered in
 * `ai_usage`. Credits are reserved BEFORE any provider call, in a transaction holding a
 * per-tenant advisory lock: concurrent requests of one workspace queue on the lock, each sees
 * the rows committed before it, so the month's total never passes the allowance. After the call
 * the row is settled with what was really used (never more than was reserved).
 */
type Deps = { db: Db; now?: () => Date };

export type TenantPlan = { plan: Plan; status: 'trialing' | 'active' | 'past_due' | 'canceled' | 'suspended'; trialEndsAt: Date | null };
export type Usage = { used: number; allowance: number; month: string };

export function monthWindow(now: Date): { start: Date; end: Date; month: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end, month: start.toISOString().slice(0, 7) };
}

/** Trialing workspaces get the Starter allowance, whatever plan they picked. */
export function allowanceFor(tenant: Pick<TenantPlan, 'plan' | 'status'>): number {
  return tenant.status === 'trialing' ? AI_MONTHLY_CREDITS.starter : AI_MONTHLY_CREDITS[tenant.plan];
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
  const { start, end } = monthWindow(now);
  const [row] = await db
    .select({ used: sql<number>`coalesce(sum(${aiUsage.credits}), 0)::int` })
    .from(aiUsage)
    .where(and(eq(aiUsage.tenantId, tenantId), gte(aiUsage.createdAt, start), lt(aiUsage.createdAt, end)));
  return row?.used ?? 0;
}

export async function getAiUsage(deps: Deps, user: { tenantId: string }): Promise<Usage> {
  const now = deps.now?.() ?? new Date();
  const tenant = await loadTenantPlan(deps, user.tenantId);
  return { used: await usedThisMonth(deps.db, user.tenantId, now), allowance: allowanceFor(tenant), month: monthWindow(now).month };
}

export type Reservation = { id: number; credits: number; used: number; allowance: number };

export function creditsExhaustedMessage(allowance: number): string {
  return `Your workspace has used all ${allowance} AI credits for this month. Credits renew on the 1st; a larger plan includes more.`;
}

/**
 * Reserves `credits` for one request, or throws TOO_MANY_REQUESTS when the month's allowance
 * cannot cover them. A reservation of 0 credits always succeeds (and is still metered).
 */
export async function reserveCredits(
  deps: Deps,
  input: {
    tenantId: string;
    userId: string;
    capability: AiCapability;
    provider: AiProviderName;
    model: string | null;
    credits: number;
    queryLength: number;
    allowance: number;
  },
): Promise<Reservation> {
  const now = deps.now?.() ?? new Date();
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ai_usage:${input.tenantId}`}))`);
    const used = await usedThisMonth(tx, input.tenantId, now);
    if (input.credits > 0 && used + input.credits > input.allowance) {
      const renewsIn = Math.ceil((monthWindow(now).end.getTime() - now.getTime()) / 1000);
      throw new AppError('TOO_MANY_REQUESTS', creditsExhaustedMessage(input.allowance), { retryAfterSeconds: Math.max(1, renewsIn) });
    }
    const [row] = await tx
      .insert(aiUsage)
      .values({
        tenantId: input.tenantId,
        userId: input.userId,
        capability: input.capability,
        provider: input.provider,
        model: input.model,
        credits: input.credits,
        queryLength: input.queryLength,
        latencyMs: 0,
        createdAt: now,
      })
      .returning({ id: aiUsage.id });
    return { id: row!.id, credits: input.credits, used: used + input.credits, allowance: input.allowance };
  });
}

/** Records what the request really used; credits can only go down from the reservation. */
export async function settleCredits(
  deps: Deps,
  reservation: Reservation,
  outcome: { provider: AiProviderName; model: string | null; credits: number; latencyMs: number },
): Promise<number> {
  const credits = Math.min(reservation.credits, outcome.credits);
  await deps.db
    .update(aiUsage)
    .set({ provider: outcome.provider, model: outcome.model, credits, latencyMs: Math.max(0, Math.round(outcome.latencyMs)) })
    .where(eq(aiUsage.id, reservation.id));
  return credits;
}
