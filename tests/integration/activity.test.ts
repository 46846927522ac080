import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { forgetActivityMemo, recordActivity } from '~/server/domain/growth/activity';
import { getActivity } from '~/server/domain/growth/intelligence/views';
import { createInnerTRPCContext } from '~/server/transport/trpc/trpc';
import { createCaller } from '~/server/transport/trpc/root';
import { growthEvents, tenants } from '~/server/infra/db/schema';
import { makeUser, setupTestDeps } from '../helpers/deps';

/**
 * Activity (SPEC G4, issue 16 #1): three accounts using the product on a day are DAU 3 — a
 * signed-in day of use, a run or an AI request each counts, once per user and day.
 */
const deps = setupTestDeps();
// A day of this run's own, far from other tests' and other runs' events (the test database persists).
const DAY = new Date(Date.UTC(2040, 0, 1, 9) + Math.floor(Math.random() * 20_000) * 86_400_000);
const dayString = (d: Date) => d.toISOString().slice(0, 10);
const at = (hours: number) => new Date(DAY.getTime() + hours * 3_600_000);
const callerAt = (user: { id: string }, now: Date) => createCaller(createInnerTRPCContext({ db: deps.db, redis: deps.redis, userId: user.id, now: () => now }));
const activeEvents = (tenantId: string) => deps.db.select().from(growthEvents).where(and(eq(growthEvents.tenantId, tenantId), eq(growthEvents.type, 'active')));

describe('activity (SPEC G4)', () => {
  it('counts each signed-in user once a day, from pages, runs and AI, and the growth figures see every account', async () => {
    forgetActivityMemo();
    const a = await makeUser(deps.db);
    const b = await makeUser(deps.db);
    const c = await makeUser(deps.db);
    const member = await makeUser(deps.db, { role: 'member' });

    // a: uses the dashboard three times that day; b: once; c: only asks the AI helper.
    for (const h of [0, 1, 5]) await callerAt(a, at(h)).workflows.list({});
    await callerAt(b, at(2)).workflows.list({});
    await recordActivity({ db: deps.db, redis: deps.redis, now: () => at(3) }, { tenantId: c.tenantId, userId: c.id });
    expect(await activeEvents(a.tenantId)).toHaveLength(1);
    expect(await activeEvents(b.tenantId)).toHaveLength(1);
    expect(await activeEvents(c.tenantId)).toHaveLength(1);
    // Another process (memo forgotten) on the same day: Redis and the unique index still hold.
    forgetActivityMemo();
    await callerAt(a, at(6)).workflows.list({});
    expect(await recordActivity({ db: deps.db, now: () => at(7) }, { tenantId: a.tenantId, userId: a.id })).toBe(false);
    expect(await activeEvents(a.tenantId)).toHaveLength(1);
    // A run nobody started by hand counts for the workspace.
    expect(await recordActivity({ db: deps.db, redis: deps.redis, now: () => at(4) }, { tenantId: member.tenantId, userId: null })).toBe(true);

    const [row] = await deps.db.select({ last: tenants.lastActivityAt }).from(tenants).where(eq(tenants.id, a.tenantId));
    expect(row!.last?.getTime()).toBeGreaterThanOrEqual(at(0).getTime());

    const figures = await getActivity({ db: deps.db, now: () => at(8) }, { from: dayString(DAY), to: dayString(DAY) });
    expect(figures.series).toEqual([{ day: dayString(DAY), dau: 4, wau: 4, mau: 4 }]);

    // The next day: a second event for a, and WAU still counts four workspaces.
    await callerAt(a, at(25)).workflows.list({});
    expect(await activeEvents(a.tenantId)).toHaveLength(2);
    const next = await getActivity({ db: deps.db, now: () => at(30) }, { from: dayString(at(25)), to: dayString(at(25)) });
    expect(next.series).toEqual([{ day: dayString(at(25)), dau: 1, wau: 4, mau: 4 }]);
  });
});
