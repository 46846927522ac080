import { eq } from 'drizzle-orm';
import { type Meter, usageLimit } from '~/server/domain/billing/limits';
import type { Plan } from '~/server/domain/billing/pricing';
import { AppError } from '~/server/errors';
import type { Db } from '~/server/infra/db/client';
import { tenants } from '~/server/infra/db/schema';

export type TenantPlanRow = { plan: Plan; status: string };

/**
 * A workspace's plan and status for metering, cached per process for 10 s: admission runs on
 * every metered request, and a plan change taking a few seconds to apply is harmless.
 */
const cache = new Map<string, { value: TenantPlanRow; until: number }>();
const TTL_MS = 10_000;

export async function tenantPlanOf(db: Db, tenantId: string): Promise<TenantPlanRow> {
  const hit = cache.get(tenantId);
  if (hit && hit.until > Date.now()) return hit.value;
  const [row] = await db.select({ plan: tenants.plan, status: tenants.status }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Workspace not found');
  if (cache.size >= 5000) cache.delete(cache.keys().next().value!);
  cache.set(tenantId, { value: row, until: Date.now() + TTL_MS });
  return row;
}

export const limitOf = (tenant: TenantPlanRow, meter: Meter) => usageLimit(tenant, meter);

/** Drops a workspace's cached plan and status (its lifecycle state just changed). */
export function forgetTenantPlan(tenantId: string): void {
  cache.delete(tenantId);
}
