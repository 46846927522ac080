import { getAdminOverview } from '~/server/domain/admin/overview';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue, QueueEvents } from 'bullmq';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, gte, like, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripe } from '~/server/domain/billing/stripe';
import {
  discountSuggestions,
  growthCohortRollups,
  growthDailyRollups,
  growthEvents,
  tenants,
} from '~/server/infra/db/schema';
import { isAppError } from '~/server/errors';
import { logger } from '~/server/infra/logger';
import { createMailTransport } from '~/server/infra/mail/transport';
import { createRedis } from '~/server/infra/redis';
import { startWorkers } from '../../workers/runtime';
import { AUTO_APPLY_OFF_MESSAGE, decideDiscountSuggestion, listDiscountSuggestions, STRIPE_NOT_CONFIGURED_MESSAGE, suggestionsOfDay } from '~/server/domain/growth/discounts/decide';
import { addDays, weekStartOf } from '~/server/domain/growth/intelligence/dates';
import { backfillGrowthRollups, runGrowthRollup } from '~/server/domain/growth/intelligence/rollup';
import { getActivity, getFunnel, getRetention, getSourceRoi, lastDaysPeriod } from '~/server/domain/growth/intelligence/views';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';

/**
 * SPEC G4 / G5 against the real database. The database is shared with other test files, which
 * write growth events *now*: every scenario here lives in its own far-away year (a random base
 * year per run, 2200-2899, plus an offset per scenario) and uses its own source names, and its
 * rows are deleted afterwards. Expected figures are computed here in plain JavaScript from the
 * seeded events, never with the module's SQL.
 */
const deps = setupTestDeps();
const BASE_YEAR = 2200 + Math.floor(Math.random() * 700);
const P = `gi${randomUUID().slice(0, 6)}`;
const years: number[] = [];
const yearOf = (offset: number) => {
  years.push(BASE_YEAR + offset);
  return BASE_YEAR + offset;
};

type EventType = 'visit' | 'signup' | 'trial_start' | 'conversion' | 'churn';
type Ev = { type: EventType; tenantId: string | null; source: string; amountPence: number | null; occurredAt: Date };
const ACTIVE: EventType[] = ['visit', 'signup', 'trial_start', 'conversion'];

const DAY_MS = 86_400_000;
const t0 = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const at = (day: string, hour = 12, minute = 0) => new Date(t0(day) + hour * 3_600_000 + minute * 60_000);

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function makeTenants(n: number): Promise<string[]> {
  const rows = await deps.db
    .insert(tenants)
    .values(Array.from({ length: n }, (_, i) => ({ name: `${P} tenant ${i}` })))
    .returning({ id: tenants.id });
  return rows.map((r) => r.id);
}

async function seed(events: Ev[]) {
  for (let i = 0; i < events.length; i += 500) {
    await deps.db.insert(growthEvents).values(
      events.slice(i, i + 500).map((e) => ({
        type: e.type,
        tenantId: e.tenantId,
        visitorHash: e.tenantId ? null : `v-${randomUUID()}`,
        source: e.source,
        amountPence: e.amountPence,
        occurredAt: e.occurredAt,
      })),
    );
  }
}

// ---- expected figures, in plain JavaScript ----

const inDays = (e: Ev, from: string, to: string) => e.occurredAt.getTime() >= t0(from) && e.occurredAt.getTime() < t0(to) + DAY_MS;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function expectedCounts(events: Ev[]) {
  const n = (type: EventType) => events.filter((e) => e.type === type).length;
  return {
    visits: n('visit'),
    signups: n('signup'),
    trials: n('trial_start'),
    conversions: n('conversion'),
    churns: n('churn'),
    revenuePence: events.filter((e) => e.type === 'conversion').reduce((s, e) => s + (e.amountPence ?? 0), 0),
  };
}

function expectedFunnel(events: Ev[], from: string, to: string, source?: string) {
  const c = expectedCounts(events.filter((e) => inDays(e, from, to) && (!source || e.source === source)));
  const keys = ['visits', 'signups', 'trials', 'conversions'] as const;
  return {
    from,
    to,
    source: source ?? null,
    steps: keys.map((key, i) => ({
      key,
      count: c[key],
      rateFromPrevious: i === 0 ? null : ratio(c[key], c[keys[i - 1]!]),
      rateFromStart: ratio(c[key], c.visits),
    })),
    overallRate: ratio(c.conversions, c.visits),
    churns: c.churns,
    revenuePence: c.revenuePence,
    currency: 'GBP',
  };
}

function expectedSources(events: Ev[], from: string, to: string) {
  const inPeriod = events.filter((e) => inDays(e, from, to));
  const sources = [...new Set(inPeriod.map((e) => e.source))];
  return sources
    .map((source) => {
      const c = expectedCounts(inPeriod.filter((e) => e.source === source));
      const perSignup = ratio(c.revenuePence, c.signups);
      return {
        source,
        ...c,
        signupToPaidRate: ratio(c.conversions, c.signups),
        revenuePerSignupPence: perSignup === null ? null : Math.round(perSignup),
      };
    })
    .sort((a, b) => b.revenuePence - a.revenuePence || b.signups - a.signups || (a.source < b.source ? -1 : 1));
}

function activeTenants(events: Ev[], from: string, to: string, source?: string) {
  return new Set(
    events.filter((e) => e.tenantId && ACTIVE.includes(e.type) && inDays(e, from, to) && (!source || e.source === source)).map((e) => e.tenantId),
  ).size;
}
function expectedActivity(events: Ev[], day: string, source?: string) {
  return {
    dau: activeTenants(events, day, day, source),
    wau: activeTenants(events, addDays(day, -6), day, source),
    mau: activeTenants(events, addDays(day, -29), day, source),
  };
}

function expectedRetention(events: Ev[], endWeek: string, currentWeek: string) {
  const firstSignup = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'signup' || !e.tenantId) continue;
    const prev = firstSignup.get(e.tenantId);
    if (prev === undefined || e.occurredAt.getTime() < prev) firstSignup.set(e.tenantId, e.occurredAt.getTime());
  }
  const weekOfMs = (ms: number) => weekStartOf(new Date(ms).toISOString().slice(0, 10));
  const first = addDays(endWeek, -77);
  const last = endWeek < currentWeek ? endWeek : currentWeek;
  return Array.from({ length: 12 }, (_, i) => {
    const cohortWeek = addDays(first, 7 * i);
    const members = [...firstSignup].filter(([, ms]) => weekOfMs(ms) === cohortWeek).map(([id]) => id);
    const size = members.length;
    const cells = Array.from({ length: 12 }, (_, offset) => {
      const week = addDays(cohortWeek, 7 * offset);
      if (week > last) return { offset, retained: null, rate: null };
      const retained =
        offset === 0
          ? size
          : members.filter((id) => events.some((e) => e.tenantId === id && ACTIVE.includes(e.type) && inDays(e, week, addDays(week, 6)))).length;
      return { offset, retained, rate: ratio(retained, size) };
    });
    return { cohortWeek, size, cells };
  });
}

// ---- clean-up: everything in this run's years, and our tenants ----

afterAll(async () => {
  for (const y of new Set(years)) {
    const from = new Date(`${y - 1}-12-01T00:00:00Z`);
    const to = new Date(`${y + 1}-02-01T00:00:00Z`);
    await deps.db.delete(growthEvents).where(and(gte(growthEvents.occurredAt, from), lte(growthEvents.occurredAt, to)));
    await deps.db.delete(growthDailyRollups).where(and(gte(growthDailyRollups.day, `${y - 1}-12-01`), lte(growthDailyRollups.day, `${y + 1}-02-01`)));
    await deps.db.delete(growthCohortRollups).where(and(gte(growthCohortRollups.cohortWeek, `${y - 1}-09-01`), lte(growthCohortRollups.cohortWeek, `${y + 1}-02-01`)));
    await deps.db.delete(discountSuggestions).where(and(gte(discountSuggestions.day, `${y - 1}-12-01`), lte(discountSuggestions.day, `${y + 1}-02-01`)));
  }
  await deps.db.delete(tenants).where(like(tenants.name, `${P} tenant %`));
});

// ---- G4: funnel, sources, activity ----

describe('growth intelligence views (SPEC G4)', () => {
  const Y = yearOf(0);
  const FROM = `${Y}-03-01`;
  const TO = `${Y}-03-20`;
  const src = { a: `${P}-ads`, b: `${P}-blog`, none: `${P}-noconv` };
  const now = () => new Date(`${Y}-04-01T12:00:00Z`);
  const events: Ev[] = [];

  beforeAll(async () => {
    const ids = await makeTenants(16);
    const rand = rng(4242);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const day = (i: number) => addDays(FROM, i);
    for (let i = 0; i < 400; i++) {
      const d = day(Math.floor(rand() * 20));
      const source = pick([src.a, src.a, src.b, src.none]);
      const r = rand();
      const type: EventType = r < 0.55 ? 'visit' : r < 0.72 ? 'signup' : r < 0.85 ? 'trial_start' : r < 0.95 ? 'conversion' : 'churn';
      const finalType = type === 'conversion' && source === src.none ? 'trial_start' : type;
      // Some visits are signed in (a tenant id): they count as activity.
      const tenantId = finalType === 'visit' && rand() < 0.7 ? null : pick(ids);
      events.push({
        type: finalType,
        tenantId,
        source,
        amountPence: finalType === 'conversion' ? pick([900, 2900, 5900, 14900]) : null,
        occurredAt: at(d, Math.floor(rand() * 24), Math.floor(rand() * 60)),
      });
    }
    // Edges: the first and last instant of the period, and just outside it.
    events.push({ type: 'visit', tenantId: null, source: src.b, amountPence: null, occurredAt: new Date(t0(FROM)) });
    events.push({ type: 'visit', tenantId: null, source: src.b, amountPence: null, occurredAt: new Date(t0(TO) + DAY_MS - 1) });
    events.push({ type: 'conversion', tenantId: ids[0]!, source: src.a, amountPence: 100_000, occurredAt: new Date(t0(TO) + DAY_MS) });
    events.push({ type: 'signup', tenantId: ids[1]!, source: src.a, amountPence: null, occurredAt: new Date(t0(FROM) - 1) });
    await seed(events);
  });

  const checkAll = async (opts: { useRollups?: boolean } = {}) => {
    const v = { db: deps.db, now };
    const funnel = await getFunnel(v, { from: FROM, to: TO }, opts);
    expect(funnel).toMatchObject(expectedFunnel(events, FROM, TO));
    for (const s of Object.values(src)) {
      expect(await getFunnel(v, { from: FROM, to: TO, source: s }, opts)).toMatchObject(expectedFunnel(events, FROM, TO, s));
    }
    // A sub-period.
    const mid = { from: addDays(FROM, 3), to: addDays(FROM, 9) };
    expect(await getFunnel(v, mid, opts)).toMatchObject(expectedFunnel(events, mid.from, mid.to));

    const sources = await getSourceRoi(v, { from: FROM, to: TO }, opts);
    expect(sources.items).toEqual(expectedSources(events, FROM, TO));
    const noConv = sources.items.find((r) => r.source === src.none)!;
    expect(noConv).toMatchObject({ conversions: 0, revenuePence: 0, signupToPaidRate: 0, revenuePerSignupPence: 0 });
    expect(noConv.signups).toBeGreaterThan(0);

    const activity = await getActivity(v, { from: FROM, to: TO }, opts);
    expect(activity.series).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ day: addDays(FROM, i), ...expectedActivity(events, addDays(FROM, i)) })),
    );
    expect(activity.asOf).toBe(TO);
    expect(activity.bySource).toEqual(
      Object.values(src)
        .map((s) => ({ source: s, ...expectedActivity(events, TO, s) }))
        .filter((r) => r.mau > 0)
        .sort((a, b) => b.mau - a.mau || b.wau - a.wau || b.dau - a.dau || (a.source < b.source ? -1 : 1)),
    );
    return { funnel, sources, activity };
  };

  it('equals figures computed independently, from events before any roll-up', async () => {
    const { funnel } = await checkAll();
    expect(funnel.coverage).toEqual({ rolledUp: 0, live: 20 });
    expect(funnel.steps[0]!.count).toBeGreaterThan(100);
    expect(funnel.revenuePence).toBeGreaterThan(0);
  });

  it('the admin overview’s "sign-ups, last 7 days" is the funnel’s sign-ups for the last-7-days period', async () => {
    // The clock on a day inside the seeded period: the last 7 days hold seeded sign-ups.
    const clock = () => new Date(`${addDays(FROM, 9)}T18:00:00Z`);
    const period = lastDaysPeriod(clock(), 7);
    expect(period).toEqual({ from: addDays(FROM, 3), to: addDays(FROM, 9) });
    const expected = expectedFunnel(events, period.from, period.to).steps.find((x) => x.key === 'signups')!.count;
    expect(expected).toBeGreaterThan(0);
    const overview = await getAdminOverview({ db: deps.db, now: clock });
    expect(overview.signupsLast7Days).toBe(expected);
    const funnel = await getFunnel({ db: deps.db, now: clock }, period);
    expect(funnel.steps.find((x) => x.key === 'signups')!.count).toBe(overview.signupsLast7Days);
  });

  it('an empty period answers zeros and null rates, never a division by zero', async () => {
    const v = { db: deps.db, now };
    const empty = { from: `${Y}-06-01`, to: `${Y}-06-07` };
    const funnel = await getFunnel(v, empty);
    expect(funnel.steps.map((s) => [s.count, s.rateFromPrevious, s.rateFromStart])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
    expect(funnel).toMatchObject({ overallRate: null, revenuePence: 0, churns: 0 });
    expect((await getSourceRoi(v, empty)).items).toEqual([]);
    const activity = await getActivity(v, empty);
    expect(activity.series.every((p) => p.dau === 0 && p.wau === 0 && p.mau === 0)).toBe(true);
    expect(activity.bySource).toEqual([]);
  });

  it('reads rolled-up days and computes the others from events, with the same figures', async () => {
    // Roll up all but the last three days (and the 30 days before, for WAU/MAU windows).
    await backfillGrowthRollups({ db: deps.db, now }, { from: addDays(FROM, -2), to: addDays(TO, -3) });
    const { funnel, sources, activity } = await checkAll();
    expect(funnel.coverage).toEqual({ rolledUp: 17, live: 3 });
    expect(sources.coverage).toEqual({ rolledUp: 17, live: 3 });
    expect(activity.coverage).toEqual({ rolledUp: 17, live: 3 });
    // Everything rolled up; and the raw path still agrees.
    await backfillGrowthRollups({ db: deps.db, now }, { from: addDays(TO, -2), to: TO });
    expect((await checkAll()).funnel.coverage).toEqual({ rolledUp: 20, live: 0 });
    await checkAll({ useRollups: false });
  });

  it('rejects bad periods with a clear 400', async () => {
    const v = { db: deps.db, now };
    for (const [input, message] of [
      [{ from: `${Y}-03-10`, to: `${Y}-03-01` }, /ends before it starts/],
      [{ from: `${Y}-02-30`, to: `${Y}-03-01` }, /Not a calendar date/],
      [{ from: `${Y - 4}-01-01`, to: `${Y}-03-01` }, /at most 1096 days/],
      [{ from: 'yesterday', to: `${Y}-03-01` }, /YYYY-MM-DD/],
    ] as const) {
      const error = await getFunnel(v, input).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('BAD_REQUEST');
      expect((error as Error).message).toMatch(message);
    }
    const admin = await makeUser(deps.db, { role: 'admin' });
    const error = await callerFor(deps, admin).growthIntel.funnel({ from: `${Y}-03-10`, to: `${Y}-03-01` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(/ends before it starts/);
  });
});

// ---- G4: cohort retention ----

describe('weekly cohort retention (SPEC G4)', () => {
  const Y = yearOf(1);
  const W0 = weekStartOf(`${Y}-02-10`);
  const W = (i: number) => addDays(W0, 7 * i);
  const END = W(11);
  const src = `${P}-cohorts`;
  const events: Ev[] = [];

  beforeAll(async () => {
    const ids = await makeTenants(60);
    const rand = rng(777);
    const ev = (type: EventType, tenantId: string, day: string): Ev => ({
      type,
      tenantId,
      source: src,
      amountPence: type === 'conversion' ? 2900 : null,
      occurredAt: at(day, Math.floor(rand() * 24)),
    });
    ids.forEach((id, i) => {
      const cohort = i % 12;
      if (cohort === 4) return; // week 4 has no sign-ups: an empty cohort
      // The last week's sign-ups before "now" (its Wednesday).
      const signupDay = addDays(W(cohort), cohort === 11 ? i % 2 : i % 7);
      events.push(ev('signup', id, signupDay));
      // Activity in later weeks (never after Tuesday of the last week: "now" is its Wednesday).
      for (let k = 1; cohort + k <= 11; k++) {
        if (rand() < 0.5) {
          const offset = cohort + k === 11 ? Math.floor(rand() * 2) : Math.floor(rand() * 7);
          const day = addDays(W(cohort + k), offset);
          events.push(ev(rand() < 0.5 ? 'visit' : rand() < 0.5 ? 'trial_start' : 'conversion', id, day));
        }
      }
    });
    // A churn is not activity; a second sign-up does not move a tenant to a later cohort.
    events.push(ev('churn', ids[1]!, addDays(W(3), 2)));
    events.push(ev('signup', ids[2]!, addDays(W(5), 1)));
    // A tenant whose first sign-up is before the grid: in no cohort, even with a later sign-up.
    const [old] = await makeTenants(1);
    events.push(ev('signup', old!, addDays(W0, -20)));
    events.push(ev('signup', old!, addDays(W(2), 1)));
    events.push(ev('visit', old!, addDays(W(3), 1)));
    await seed(events);
  });

  const wednesday = () => new Date(`${addDays(END, 2)}T09:00:00Z`);

  it('equals the grid computed independently (live, then from roll-ups), period 0 = 100%', async () => {
    const expected = expectedRetention(events, END, END);
    const live = await getRetention({ db: deps.db, now: wednesday }, { to: addDays(END, 3) });
    expect(live.endWeek).toBe(END);
    expect(live.cohorts.map(({ cohortWeek, size, cells }) => ({ cohortWeek, size, cells }))).toEqual(expected);
    expect(live.coverage).toEqual({ rolledUp: 0, live: 12 });
    expect(live.cohorts[4]).toMatchObject({ size: 0 });
    expect(live.cohorts[4]!.cells[0]).toEqual({ offset: 0, retained: 0, rate: null });
    for (const c of live.cohorts.filter((c) => c.size > 0)) expect(c.cells[0]).toEqual({ offset: 0, retained: c.size, rate: 1 });
    expect(live.cohorts[0]!.label).toMatch(/^\d{4}-W\d{2}$/);
    expect(expected.some((c) => c.cells.some((x) => (x.retained ?? 0) > 0 && x.offset > 0))).toBe(true);

    // The daily job up to Tuesday of the last week: weeks 0..10 are final, the last one is live.
    await backfillGrowthRollups({ db: deps.db, now: wednesday }, { from: W0, to: addDays(END, 1) });
    const mixed = await getRetention({ db: deps.db, now: wednesday }, { to: END });
    expect(mixed.cohorts.map(({ cohortWeek, size, cells }) => ({ cohortWeek, size, cells }))).toEqual(expected);
    expect(mixed.coverage).toEqual({ rolledUp: 11, live: 1 });

    // As of an earlier week (a grid ending in the past): cells stop at that week.
    const earlier = await getRetention({ db: deps.db, now: wednesday }, { to: W(8) });
    expect(earlier.cohorts.map(({ cohortWeek, size, cells }) => ({ cohortWeek, size, cells }))).toEqual(expectedRetention(events, W(8), END));
    // Its three oldest weeks were never rolled up: computed from events.
    expect(earlier.coverage).toEqual({ rolledUp: 9, live: 3 });
  });
});

// ---- G4: the daily roll-up job ----

describe('daily growth roll-up (SPEC G4)', () => {
  const Y = yearOf(2);
  const D = `${Y}-05-14`;
  const src = { a: `${P}-roll-a`, b: `${P}-roll-b` };
  const now = () => new Date(`${addDays(D, 1)}T00:10:00Z`);
  const events: Ev[] = [];

  const snapshot = async () => ({
    daily: await deps.db.select().from(growthDailyRollups).where(eq(growthDailyRollups.day, D)).orderBy(asc(growthDailyRollups.source)),
    cohorts: await deps.db
      .select()
      .from(growthCohortRollups)
      .where(and(gte(growthCohortRollups.cohortWeek, addDays(weekStartOf(D), -77)), lte(growthCohortRollups.cohortWeek, weekStartOf(D))))
      .orderBy(asc(growthCohortRollups.cohortWeek)),
    suggestions: await deps.db.select().from(discountSuggestions).where(eq(discountSuggestions.day, D)).orderBy(asc(discountSuggestions.rule)),
  });

  beforeAll(async () => {
    const ids = await makeTenants(30);
    const e = (type: EventType, tenantId: string | null, source: string, when: Date, amountPence: number | null = null): Ev => ({
      type,
      tenantId,
      source,
      amountPence,
      occurredAt: when,
    });
    ids.forEach((id, i) => {
      const source = i % 2 ? src.a : src.b;
      events.push(e('signup', id, source, at(addDays(D, -(i % 10)), 9)));
      events.push(e('trial_start', id, source, at(addDays(D, -(i % 10)), 10)));
      if (i % 3 === 0) events.push(e('visit', id, source, at(D, 8 + (i % 12))));
      if (i % 15 === 0) events.push(e('conversion', id, source, at(D, 15), 5900));
      if (i % 7 === 0) events.push(e('churn', id, source, at(D, 16)));
    });
    for (let i = 0; i < 12; i++) events.push(e('visit', null, i % 3 ? src.a : src.b, at(D, i)));
    await seed(events);
  });

  it('writes figures equal to those computed independently, and a re-run changes nothing', async () => {
    const first = await runGrowthRollup({ db: deps.db, now }, {});
    expect(first).toMatchObject({ day: D, week: weekStartOf(D), sources: 2 });
    const before = await snapshot();
    const byDay = events.filter((x) => inDays(x, D, D));
    const expectRow = (source: string, list: Ev[], activity: { dau: number; wau: number; mau: number }) => {
      const c = expectedCounts(list);
      return { day: D, source, ...c, ...activity };
    };
    expect(before.daily).toEqual([
      expect.objectContaining(expectRow('*', byDay, expectedActivity(events, D))),
      expect.objectContaining(expectRow(src.a, byDay.filter((x) => x.source === src.a), expectedActivity(events, D, src.a))),
      expect.objectContaining(expectRow(src.b, byDay.filter((x) => x.source === src.b), expectedActivity(events, D, src.b))),
    ]);
    expect(before.cohorts).toHaveLength(12);
    // 30 trials and 2 conversions in 14 days: the low-conversion rule fired.
    expect(before.suggestions.map((s) => [s.rule, s.source])).toContainEqual(['low_trial_conversion', '*']);

    const again = await runGrowthRollup({ db: deps.db, now: () => new Date(now().getTime() + 3_600_000) }, { day: D });
    expect(again).toMatchObject({ dailyChanged: 0, dailyRemoved: 0, cohortCellsChanged: 0, discounts: { changed: 0, removed: 0 } });
    expect(await snapshot()).toEqual(before);

    // New data for the day: the re-run picks it up; a source without events any more is removed.
    await deps.db.delete(growthEvents).where(and(eq(growthEvents.source, src.b), gte(growthEvents.occurredAt, new Date(t0(D) - 40 * DAY_MS))));
    const after = await runGrowthRollup({ db: deps.db, now }, { day: D });
    expect(after.dailyRemoved).toBe(1);
    const rows = (await snapshot()).daily;
    expect(rows.map((r) => r.source)).toEqual(['*', src.a]);
    const remaining = events.filter((x) => x.source === src.a);
    expect(rows[0]).toMatchObject(expectRow('*', remaining.filter((x) => inDays(x, D, D)), expectedActivity(remaining, D)));
  });

  it('refuses a day that has not ended, and a malformed day', async () => {
    for (const day of [addDays(D, 1), addDays(D, 5)]) {
      const error = await runGrowthRollup({ db: deps.db, now }, { day }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('BAD_REQUEST');
      expect((error as Error).message).toMatch(/has not ended yet/);
    }
    const error = await runGrowthRollup({ db: deps.db, now }, { day: '14/05/2031' }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('BAD_REQUEST');
  });
});

// ---- G5: discount suggestions ----

type StripeRequest = { method: string; path: string; headers: IncomingHttpHeaders; form: URLSearchParams };

/** A local HTTP server speaking Stripe's POST /v1/coupons (and DELETE), for the real SDK. */
async function startStripe(reply?: (r: StripeRequest) => { status: number; body: unknown }) {
  const requests: StripeRequest[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, form: new URLSearchParams(data) };
      requests.push(request);
      const answer =
        reply?.(request) ??
        (request.method === 'POST' && request.path === '/v1/coupons'
          ? {
              status: 200,
              body: {
                id: `co_test_${++n}`,
                object: 'coupon',
                percent_off: Number(request.form.get('percent_off')),
                duration: request.form.get('duration'),
                duration_in_months: Number(request.form.get('duration_in_months')),
                name: request.form.get('name'),
                valid: true,
                livemode: false,
                metadata: {},
              },
            }
          : { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${request.path})` } } });
      res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': `req_${n}` }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    requests,
    stripe: createStripe({ secretKey: 'sk_test_levqor_growth', apiBase: `http://127.0.0.1:${port}` })!,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('discount suggestions (SPEC G5)', () => {
  async function scenario(y: number, opts: { trials: number; trialConversions: number; sources: Record<string, { signups: number; conversions: number }> }) {
    const D = `${y}-07-20`;
    const total = opts.trials + Object.values(opts.sources).reduce((s, x) => s + x.signups, 0);
    const ids = await makeTenants(total);
    const list: Ev[] = [];
    let k = 0;
    const trialSource = `${P}-trials-${y}`;
    for (let i = 0; i < opts.trials; i++) {
      const id = ids[k++]!;
      list.push({ type: 'trial_start', tenantId: id, source: trialSource, amountPence: null, occurredAt: at(addDays(D, -(i % 14)), 11) });
      if (i < opts.trialConversions) list.push({ type: 'conversion', tenantId: id, source: trialSource, amountPence: 2900, occurredAt: at(addDays(D, -(i % 14)), 13) });
    }
    for (const [source, s] of Object.entries(opts.sources)) {
      for (let i = 0; i < s.signups; i++) {
        const id = ids[k++]!;
        list.push({ type: 'signup', tenantId: id, source, amountPence: null, occurredAt: at(addDays(D, -(i % 14)), 9) });
        if (i < s.conversions) list.push({ type: 'conversion', tenantId: id, source, amountPence: 900, occurredAt: at(addDays(D, -(i % 14)), 14) });
      }
    }
    // Just outside the 14-day window, and on the next day: not counted.
    for (let i = 0; i < 30; i++) {
      list.push({ type: 'trial_start', tenantId: ids[0]!, source: trialSource, amountPence: null, occurredAt: at(addDays(D, i % 2 ? -14 : 1), 12) });
    }
    await seed(list);
    return { D, now: () => new Date(`${addDays(D, 1)}T00:10:00Z`), list };
  }

  it('suggests 20% off the first month for low trial conversion and flags an underperforming source; a healthy seed gets none', async () => {
    const weak = `${P}-weak`;
    const strong = `${P}-strong`;
    // 25 trial starts, 2 conversions in the window (8% < 10%); sign-up -> paid: 2 / 30 overall, 0 / 25 for `weak`.
    const low = await scenario(yearOf(3), { trials: 25, trialConversions: 0, sources: { [weak]: { signups: 25, conversions: 0 }, [strong]: { signups: 5, conversions: 2 } } });
    const result = await runGrowthRollup({ db: deps.db, now: low.now }, {});
    expect(result.discounts.suggested.sort()).toEqual(['low_trial_conversion:*', `source_underperforming:${weak}`]);
    const rows = await suggestionsOfDay(deps.db, low.D);
    expect(rows.find((r) => r.rule === 'low_trial_conversion')).toMatchObject({
      source: '*',
      percentOff: 20,
      durationMonths: 1,
      status: 'suggested',
      reason: { windowDays: 14, trials: 25, conversions: 2, ratePct: 8, thresholdPct: 10 },
    });
    expect(rows.find((r) => r.rule === 'source_underperforming')).toMatchObject({
      source: weak,
      status: 'suggested',
      reason: { windowDays: 14, signups: 25, conversions: 0, ratePct: 0, overallRatePct: 6.7 },
    });
    // `strong` has too few sign-ups to be judged; nothing for it.
    expect(rows.some((r) => r.source === strong)).toBe(false);

    // Healthy: 25 trials, 20 conversions; both sources convert about as well as the whole.
    const healthy = await scenario(yearOf(4), {
      trials: 25,
      trialConversions: 5,
      sources: { [`${P}-h1`]: { signups: 25, conversions: 8 }, [`${P}-h2`]: { signups: 25, conversions: 7 } },
    });
    const ok = await runGrowthRollup({ db: deps.db, now: healthy.now }, {});
    expect(ok.discounts.suggested).toEqual([]);
    expect(await suggestionsOfDay(deps.db, healthy.D)).toEqual([]);
  });

  it('applies only with auto-apply on and Stripe configured, as a coupon; dismissing cools the rule down', async () => {
    const y = yearOf(5);
    const { D, now } = await scenario(y, { trials: 30, trialConversions: 1, sources: {} });
    const prev = addDays(D, -1);
    // The same advice from the day before, still pending: closed by today's decision.
    await runGrowthRollup({ db: deps.db, now: () => new Date(`${D}T00:10:00Z`) }, { day: prev });
    await runGrowthRollup({ db: deps.db, now }, { day: D });
    const [older] = await suggestionsOfDay(deps.db, prev);
    const [today] = await suggestionsOfDay(deps.db, D);
    expect(older).toMatchObject({ rule: 'low_trial_conversion', status: 'suggested' });
    expect(today).toMatchObject({ rule: 'low_trial_conversion', status: 'suggested', percentOff: 20, durationMonths: 1 });

    const list = await listDiscountSuggestions({ db: deps.db, autoApply: false, stripeConfigured: false });
    expect(list).toMatchObject({ autoApply: false, stripeConfigured: false });
    // Only the latest pending suggestion per rule and source is listed.
    expect(list.pending.some((s) => s.id === older!.id)).toBe(false);
    expect(new Set(list.pending.map((s) => `${s.rule}:${s.source}`)).size).toBe(list.pending.length);

    const server = await startStripe();
    try {
      // Auto-apply off: refused with a clear message, nothing sent, nothing changed.
      const off = await decideDiscountSuggestion({ db: deps.db, stripe: server.stripe, autoApply: false }, { id: today!.id, decision: 'apply' }).catch((e: unknown) => e);
      expect(isAppError(off) && off.code).toBe('UNPROCESSABLE');
      expect((off as Error).message).toBe(AUTO_APPLY_OFF_MESSAGE);
      // Through the router: the test environment has PRICING_AUTO_APPLY off.
      const admin = await makeUser(deps.db, { role: 'admin' });
      const viaApi = await callerFor(deps, admin).growthIntel.decideDiscount({ id: today!.id, decision: 'apply' }).catch((e: unknown) => e);
      expect(viaApi).toBeInstanceOf(TRPCError);
      expect((viaApi as TRPCError).code).toBe('UNPROCESSABLE_CONTENT');
      expect((viaApi as TRPCError).message).toMatch(/PRICING_AUTO_APPLY/);
      // On, but no Stripe.
      const noStripe = await decideDiscountSuggestion({ db: deps.db, stripe: null, autoApply: true }, { id: today!.id, decision: 'apply' }).catch((e: unknown) => e);
      expect((noStripe as Error).message).toBe(STRIPE_NOT_CONFIGURED_MESSAGE);
      expect(server.requests).toEqual([]);
      expect((await suggestionsOfDay(deps.db, D))[0]).toMatchObject({ status: 'suggested', stripeCouponId: null, decidedAt: null });

      // On, with Stripe: one coupon, created through the real SDK; prices and products untouched.
      const applied = await decideDiscountSuggestion({ db: deps.db, stripe: server.stripe, autoApply: true }, { id: today!.id, decision: 'apply' });
      expect(applied.suggestion).toMatchObject({ id: today!.id, status: 'applied', stripeCouponId: 'co_test_1' });
      // At least yesterday's (other scenarios of this file may have left older ones of the same rule).
      expect(applied.superseded).toBeGreaterThanOrEqual(1);
      expect(server.requests).toHaveLength(1);
      const req = server.requests[0]!;
      expect([req.method, req.path]).toEqual(['POST', '/v1/coupons']);
      expect(Object.fromEntries(req.form)).toMatchObject({
        percent_off: '20',
        duration: 'repeating',
        duration_in_months: '1',
        name: 'Levqor 20% off for 1 month',
        'metadata[rule]': 'low_trial_conversion',
        'metadata[source]': '*',
        'metadata[levqor_suggestion_id]': today!.id,
      });
      expect(req.headers['idempotency-key']).toBe(`levqor-discount-suggestion-${today!.id}`);
      expect(req.headers.authorization).toBe('Bearer sk_test_levqor_growth');
      expect((await suggestionsOfDay(deps.db, prev))[0]).toMatchObject({ status: 'dismissed' });

      // Decided once: a second decision is a conflict, and nothing more reaches Stripe.
      const twice = await decideDiscountSuggestion({ db: deps.db, stripe: server.stripe, autoApply: true }, { id: today!.id, decision: 'apply' }).catch((e: unknown) => e);
      expect(isAppError(twice) && twice.code).toBe('CONFLICT');
      const unknown = await decideDiscountSuggestion({ db: deps.db, stripe: server.stripe, autoApply: true }, { id: randomUUID(), decision: 'dismiss' }).catch((e: unknown) => e);
      expect(isAppError(unknown) && unknown.code).toBe('NOT_FOUND');
      expect(server.requests).toHaveLength(1);

      // The rule still fires the next day, but cools down after the decision.
      const next = await runGrowthRollup({ db: deps.db, now: () => new Date(`${addDays(D, 2)}T00:10:00Z`) }, { day: addDays(D, 1) });
      expect(next.discounts).toMatchObject({ suggested: [], coolingDown: ['low_trial_conversion:*'] });
    } finally {
      await server.close();
    }
  });

  it('a Stripe error changes nothing; dismissing needs no Stripe', async () => {
    const y = yearOf(6);
    const { D, now } = await scenario(y, { trials: 30, trialConversions: 0, sources: {} });
    await runGrowthRollup({ db: deps.db, now }, {});
    const [s] = await suggestionsOfDay(deps.db, D);
    const server = await startStripe(() => ({ status: 400, body: { error: { type: 'invalid_request_error', message: 'Invalid percent_off' } } }));
    try {
      const error = await decideDiscountSuggestion({ db: deps.db, stripe: server.stripe, autoApply: true }, { id: s!.id, decision: 'apply' }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('SERVICE_UNAVAILABLE');
      expect((error as Error).message).toMatch(/Stripe did not create the coupon.*Invalid percent_off.*Nothing was changed/);
      expect((await suggestionsOfDay(deps.db, D))[0]).toMatchObject({ status: 'suggested', stripeCouponId: null });
      const dismissed = await decideDiscountSuggestion({ db: deps.db, stripe: null, autoApply: false }, { id: s!.id, decision: 'dismiss' });
      expect(dismissed.suggestion).toMatchObject({ status: 'dismissed', stripeCouponId: null });
      expect(dismissed.suggestion.decidedAt).toBeInstanceOf(Date);
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/coupons']);
    } finally {
      await server.close();
    }
  });
});

// ---- the job in the worker ----

describe("the 'growth-rollup' job (SPEC G4, J1)", () => {
  it('runs in the growth queue for a given day; a malformed day fails once with the reason', async () => {
    const workerRedis = createRedis('worker');
    const prefix = `levqor-test:growth-${randomUUID().slice(0, 8)}`;
    const noMail = createMailTransport({ resendApiKey: undefined, smtpUrl: undefined });
    const running = await startWorkers({ db: deps.db, redis: workerRedis, stripe: null, mail: noMail, log: logger, prefix });
    const queue = new Queue('growth', { connection: workerRedis, prefix });
    const events = new QueueEvents('growth', { connection: createRedis('worker'), prefix });
    await events.waitUntilReady();
    const y = 1950 + Math.floor(Math.random() * 40); // long ago (the job refuses days not ended): nothing else there
    years.push(y);
    const day = `${y}-02-03`;
    try {
      const job = await queue.add('growth-rollup', { day });
      const result = (await job.waitUntilFinished(events, 20_000)) as { day: string; sources: number; dailyChanged: number };
      expect(result).toMatchObject({ day, sources: 0, dailyChanged: 1 });
      const [row] = await deps.db.select().from(growthDailyRollups).where(eq(growthDailyRollups.day, day));
      expect(row).toMatchObject({ source: '*', visits: 0, dau: 0 });

      const bad = await queue.add('growth-rollup', { day: '3 Feb' }, { attempts: 5 });
      await expect(bad.waitUntilFinished(events, 10_000)).rejects.toThrow(/Invalid payload for growth-rollup/);
      expect((await queue.getJob(bad.id!))!.attemptsMade).toBe(1);
    } finally {
      await running.close();
      await queue.close();
      await events.close();
      workerRedis.disconnect();
    }
  });
});
