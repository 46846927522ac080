import { sql, type SQL } from 'drizzle-orm';
import type { Meter } from '~/server/domain/billing/limits';
import type { Db } from '~/server/infra/db/client';
import { usagePeriod } from './period';

/**
 * The usage ledger (SPEC P3): an event and its month's counter in one statement, so the counter
 * is always the sum of the events. The event's idempotency key is unique per workspace and
 * meter: recording the same key twice counts once (`recorded: false`).
 */
export type UsageRecord = { tenantId: string; meter: Meter; quantity: number; key: string; at: Date };

type Executor = Pick<Db, 'execute'>;

export async function recordUsage(db: Executor, input: UsageRecord): Promise<{ recorded: boolean }> {
  const rows = await db.execute<{ used: number }>(sql`
    with ev as (${insertEventSql(input)})
    ${upsertCounterSql(input, sql`ev`)}
    returning used`);
  return { recorded: rows.length > 0 };
}

/** `insert into usage_events … returning tenant_id, meter, quantity, period` (a CTE body). */
export function insertEventSql(input: UsageRecord): SQL {
  const { period } = usagePeriod(input.at);
  return sql`insert into usage_events (tenant_id, meter, quantity, idempotency_key, period, occurred_at)
    values (${input.tenantId}, ${input.meter}::usage_meter, ${input.quantity}, ${input.key}, ${period}::date, ${input.at.toISOString()}::timestamptz)
    on conflict (tenant_id, meter, idempotency_key) do nothing
    returning tenant_id, meter, quantity, period`;
}

/** Adds the events of CTE `from` (tenant_id, meter, quantity, period) to their counters. */
export function upsertCounterSql(input: { at: Date }, from: SQL): SQL {
  return sql`insert into usage_counters (tenant_id, meter, period, used, updated_at)
    select tenant_id, meter, period, sum(quantity), ${input.at.toISOString()}::timestamptz from ${from} group by tenant_id, meter, period
    on conflict (tenant_id, meter, period) do update set used = usage_counters.used + excluded.used, updated_at = excluded.updated_at`;
}
