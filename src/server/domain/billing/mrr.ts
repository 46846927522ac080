import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '~/server/infra/db/client';
import { subscriptions } from '~/server/infra/db/schema';
import { monthlyRevenuePence, type BillingInterval, type Plan } from './pricing';

/**
 * Monthly recurring revenue now, in pence (GBP), from the subscription rows the webhooks keep:
 * every `active` subscription at its locked price, yearly plans at 1/12 of the yearly price
 * (rounded per subscription, as `monthlyRevenuePence` and the weekly report do). Trials,
 * past-due and cancelled subscriptions count nothing. Optionally only some workspaces.
 */
export async function mrrPence(deps: { db: Db }, opts: { tenantIds?: string[] } = {}): Promise<number> {
  if (opts.tenantIds && opts.tenantIds.length === 0) return 0;
  const rows = await deps.db
    .select({ plan: subscriptions.plan, interval: subscriptions.interval, n: count() })
    .from(subscriptions)
    .where(and(eq(subscriptions.status, 'active'), opts.tenantIds ? inArray(subscriptions.tenantId, opts.tenantIds) : undefined))
    .groupBy(subscriptions.plan, subscriptions.interval);
  return rows.reduce((sum, r) => sum + r.n * monthlyRevenuePence(r.plan as Plan, r.interval as BillingInterval), 0);
}
