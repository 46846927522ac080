import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { hashIp, ipHashSalt } from '~/server/domain/abuse/hash';
import type { Db } from '~/server/infra/db/client';
import type { Logger } from '~/server/infra/logger';
import { redisKey } from '~/server/infra/redis';

/**
 * Activity (SPEC G4, issue 16 #1): a signed-in day of use, a workflow run or an AI request is
 * an `active` growth event — once per user (or, for runs nobody started by hand, per workspace)
 * and UTC day — and keeps the workspace's `last_activity_at` fresh (the winback segment reads
 * it). DAU / WAU / MAU and cohort retention count these events.
 *
 * Cheap on hot paths: this process remembers who it already counted today (no I/O at all
 * after the first time), Redis tells processes apart (one SET NX), and a unique index makes the
 * row exist at most once whatever happens. Never throws: activity accounting must not fail the
 * request it rides on.
 */
export type ActivityDeps = { db: Db; redis?: Redis | null; now?: () => Date; log?: Pick<Logger, 'warn'> };
export type ActivityInput = { tenantId: string; userId: string | null };

const seenToday = { day: '', keys: new Set<string>() };
const MAX_REMEMBERED = 100_000;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Records today's activity of a user (or a workspace); resolves true when this call was the
 * day's first. Hot paths (every webhook call) pay no promise at all once the actor is counted:
 * the memo check is synchronous and returns `false` itself.
 */
export function recordActivity(deps: ActivityDeps, input: ActivityInput): false | Promise<boolean> {
  const now = deps.now?.() ?? new Date();
  const day = utcDay(now);
  const actor = input.userId ? `user:${input.userId}` : `tenant:${input.tenantId}`;
  const memo = `${input.tenantId}/${actor}`;
  if (seenToday.day !== day || seenToday.keys.size > MAX_REMEMBERED) {
    seenToday.day = day;
    seenToday.keys.clear();
  }
  if (seenToday.keys.has(memo)) return false;
  seenToday.keys.add(memo);
  return recordFirstOfDay(deps, input, { now, day, actor, memo });
}

async function recordFirstOfDay(deps: ActivityDeps, input: ActivityInput, at: { now: Date; day: string; actor: string; memo: string }): Promise<boolean> {
  const { now, day, actor, memo } = at;
  // Salted like visitor keys: the events table never holds a user id in clear.
  const actorHash = hashIp(actor, ipHashSalt());
  try {
    if (deps.redis) {
      const first = await deps.redis.set(redisKey('growth', 'active', day, input.tenantId, actorHash), '1', 'EX', 2 * 86_400, 'NX').catch(() => 'OK');
      if (first === null) return false;
    }
    const rows = await deps.db.execute<{ id: number }>(sql`
      with event as (
        insert into growth_events (type, tenant_id, visitor_hash, source, occurred_at)
        select 'active', t.id, ${actorHash}, coalesce(nullif(lower(left(trim(t.signup_source), 100)), ''), 'direct'), ${now.toISOString()}::timestamptz
        from tenants t where t.id = ${input.tenantId} and t.deleted_at is null
        on conflict do nothing
        returning id
      ), touched as (
        update tenants set last_activity_at = ${now.toISOString()}::timestamptz
        where id = ${input.tenantId} and (last_activity_at is null or last_activity_at < ${now.toISOString()}::timestamptz)
        returning id
      )
      select id from event`);
    return rows.length > 0;
  } catch (error) {
    seenToday.keys.delete(memo);
    deps.log?.warn({ err: { message: (error as Error).message.slice(0, 200) }, tenantId: input.tenantId }, 'activity not recorded');
    return false;
  }
}

/** For tests: forget what this process counted today. */
export function forgetActivityMemo() {
  seenToday.day = '';
  seenToday.keys.clear();
}
