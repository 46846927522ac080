/**
 * SPEC §6, growth intelligence (G4) over 1M growth events: the funnel and the 12-week cohort
 * retention grid, each against hand-written SQL computing the same figures from the raw events,
 * side by side in one run. The figures must be equal, or the benchmark fails.
 *
 *   - funnel (view)     getFunnel over the whole seeded period (two years, 1M events) as the admin
 *                       page serves it: rolled-up days read from growth_daily_rollups, the anchor's
 *                       own day computed from events.
 *   - funnel (events)   getFunnel with useRollups: false: every day computed from events (what the
 *                       view does for days the nightly job has not rolled up).
 *   - retention (view)  getRetention for the 12 cohorts ending with the anchor's week: final weeks
 *                       from growth_cohort_rollups, the current week from events.
 *   - retention (events) getRetention with useRollups: false.
 *
 * Each target: its median over 5 interleaved runs (order alternating) after 1 warm-up, divided
 * by the hand-written SQL's median from the same runs; target <= 1.5. Both sides run in this
 * process through the same drizzle client and pool.
 *
 * Data: the jobs benchmark's seed in levqor_bench (BENCH_DATABASE_URL; bench/lib/jobs-seed.ts:
 * 100k tenants, 1M growth events over the two years before the seed's anchor) is reused when
 * complete; otherwise the database is recreated and seeded the same way. The nightly roll-up is
 * then run for every day of the seed before the anchor's day (once: the rows stay in the
 * database, and a complete set is detected and reused), with the clock at the anchor, as the
 * 00:10 UTC job would have. The roll-up of one day (and its idempotent re-run) is timed too,
 * for information.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { dbNameOf, existingSeed, readCounts, seed, type SeedInfo } from './lib/jobs-seed';
import { fmt, table } from './lib/load';
import { BENCH_ENV, ROOT } from './lib/server';
import { check, type Bench, type Check } from './lib/types';

const TENANTS = 100_000;
const RUNS = 5;
const DAY_MS = 86_400_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
const ts = (day: string) => sql`${`${day}T00:00:00.000Z`}::timestamptz`;

/** scripts/lib/setup in test mode for the bench database, in a child (as the jobs benchmark does). */
async function setupDatabase(url: string, fresh: boolean): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'levqor-bench-growth-'));
  const resultFile = path.join(dir, 'result.json');
  try {
    const child = spawn(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(ROOT, 'bench', 'lib', 'jobs-child.ts'), 'setup', JSON.stringify({ fresh, resultFile })],
      { cwd: ROOT, env: { ...process.env, ...BENCH_ENV, DATABASE_URL: url, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-16_384)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-16_384)));
    const code = await new Promise<number | string>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c, signal) => resolve(c ?? signal ?? 'unknown'));
    });
    let ok = false;
    try {
      ok = (JSON.parse(readFileSync(resultFile, 'utf8')) as { ok: boolean }).ok;
    } catch {
      // reported below
    }
    if (code !== 0 || !ok) throw new Error(`database setup failed (${code})${output.trim() ? `\n${output.trim()}` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Timed<T> = { ms: number; value: T };
async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

type Pair<T> = { name: string; target: () => Promise<T>; baseline: () => Promise<T>; same: (a: T, b: T) => string | null };
type PairResult = { name: string; targetMs: number[]; baselineMs: number[]; ratio: number; mismatch: string | null };

/** 1 warm-up each, then RUNS interleaved runs (order alternating); medians; figures compared every run. */
async function measurePair<T>(p: Pair<T>, log: (m: string) => void): Promise<PairResult> {
  const warmT = await timed(p.target);
  const warmB = await timed(p.baseline);
  let mismatch = p.same(warmT.value, warmB.value);
  log(`${p.name}: warm-up ${fmt.ms(warmT.ms)} ms, hand-written SQL ${fmt.ms(warmB.ms)} ms (discarded)`);
  const targetMs: number[] = [];
  const baselineMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const first = i % 2 === 0 ? await timed(p.target) : await timed(p.baseline);
    const second = i % 2 === 0 ? await timed(p.baseline) : await timed(p.target);
    const [t, b] = (i % 2 === 0 ? [first, second] : [second, first]) as [Timed<T>, Timed<T>];
    targetMs.push(t.ms);
    baselineMs.push(b.ms);
    mismatch ??= p.same(t.value, b.value);
    log(`${p.name} run ${i + 1}/${RUNS}: ${fmt.ms(t.ms)} ms, hand-written SQL ${fmt.ms(b.ms)} ms`);
  }
  return { name: p.name, targetMs, baselineMs, ratio: median(targetMs) / median(baselineMs), mismatch };
}

type FunnelFigures = { visits: number; signups: number; trials: number; conversions: number; churns: number; revenuePence: number };
/** cohortWeek -> { size, cells (offset 0..11, null = after the grid's last week) } */
type Grid = Record<string, { size: number; cells: (number | null)[] }>;

export const growth: Bench = {
  name: 'growth',
  description: 'growth funnel and 12-week retention grid over 1M growth events vs hand-written SQL',
  needsServer: false,
  async run({ reseed, log }) {
    Object.assign(process.env, BENCH_ENV, { NODE_ENV: 'test' });
    const url = BENCH_ENV.DATABASE_URL!;
    const name = dbNameOf(url);

    // ---- data: the jobs benchmark's seed (reused), then the nightly roll-ups
    const started = performance.now();
    await setupDatabase(url, false);
    let info: SeedInfo;
    let reused = true;
    const existing = reseed ? null : await existingSeed(url, TENANTS);
    if (existing) {
      info = existing.info;
      log(`${name}: reusing the jobs benchmark's seed of ${info.seededAt} (${TENANTS} tenants, ${existing.counts.growthEvents} growth events).`);
    } else {
      reused = false;
      log(`${name}: ${reseed ? '--reseed' : 'no complete seed'}: recreating the database and seeding ${TENANTS} tenants (bench/lib/jobs-seed.ts)...`);
      await setupDatabase(url, true);
      info = await seed(url, TENANTS, log);
    }

    const { createDb } = await import('~/server/infra/db/client');
    const { backfillGrowthRollups, runGrowthRollup } = await import('~/server/domain/growth/intelligence/rollup');
    const { getFunnel, getRetention } = await import('~/server/domain/growth/intelligence/views');
    const { COHORT_WEEKS } = await import('~/server/domain/growth/intelligence/sql');
    const client = createDb(url, { max: 2 });
    const { db } = client;
    const q = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      const counts = await readCounts(q);
      const anchor = new Date(info.anchor);
      const now = () => anchor;
      const anchorDay = dayOf(anchor);
      const [span] = await q<{ first: string }[]>`select min(occurred_at)::date::text as first from growth_events`;
      const firstDay = span!.first;
      const lastRolled = addDays(anchorDay, -1);
      const expectedDays = Math.round((Date.parse(lastRolled) - Date.parse(firstDay)) / DAY_MS) + 1;
      const [rolled] = await q<{ n: number }[]>`
        select count(*)::int as n from growth_daily_rollups where source = '*' and day >= ${firstDay}::date and day <= ${lastRolled}::date`;
      let rollupMs = 0;
      if (rolled!.n !== expectedDays) {
        log(`${name}: rolling up ${expectedDays} days (${firstDay} .. ${lastRolled}, clock at the anchor); ${rolled!.n} already there...`);
        const t = performance.now();
        for (let from = firstDay; from <= lastRolled; from = addDays(from, 60)) {
          const to = addDays(from, 59) < lastRolled ? addDays(from, 59) : lastRolled;
          await backfillGrowthRollups({ db, now }, { from, to });
          log(`  rolled up ${from} .. ${to} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
        }
        rollupMs = performance.now() - t;
      } else {
        log(`${name}: the nightly roll-ups of all ${expectedDays} days are there (reused).`);
      }
      const setupMs = performance.now() - started;

      // ---- one day's roll-up again: re-runs of a rolled-up day change nothing
      const dayRuns: { ms: number; dailyChanged: number; cohortCellsChanged: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await timed(() => runGrowthRollup({ db, now }, { day: lastRolled }));
        dayRuns.push({ ms: r.ms, dailyChanged: r.value.dailyChanged, cohortCellsChanged: r.value.cohortCellsChanged });
      }
      const rerunChanged = dayRuns.reduce((s, r) => s + r.dailyChanged + r.cohortCellsChanged, 0);

      // ---- funnel
      const period = { from: firstDay, to: anchorDay };
      const handFunnel: SQL = sql`
        select count(*) filter (where type = 'visit') as visits,
               count(*) filter (where type = 'signup') as signups,
               count(*) filter (where type = 'trial_start') as trials,
               count(*) filter (where type = 'conversion') as conversions,
               count(*) filter (where type = 'churn') as churns,
               coalesce(sum(amount_pence) filter (where type = 'conversion'), 0) as revenue
        from growth_events
        where occurred_at >= ${ts(period.from)} and occurred_at < ${ts(addDays(period.to, 1))}`;
      const funnelBaseline = async (): Promise<FunnelFigures> => {
        const [r] = (await db.execute(handFunnel)) as unknown as Record<string, string>[];
        return {
          visits: Number(r!.visits),
          signups: Number(r!.signups),
          trials: Number(r!.trials),
          conversions: Number(r!.conversions),
          churns: Number(r!.churns),
          revenuePence: Number(r!.revenue),
        };
      };
      const funnelOf = (useRollups: boolean) => async (): Promise<FunnelFigures> => {
        const f = await getFunnel({ db, now }, period, { useRollups });
        const c = Object.fromEntries(f.steps.map((s) => [s.key, s.count])) as Record<string, number>;
        return { visits: c.visits!, signups: c.signups!, trials: c.trials!, conversions: c.conversions!, churns: f.churns, revenuePence: f.revenuePence };
      };
      const sameFunnel = (a: FunnelFigures, b: FunnelFigures) => {
        const diff = (Object.keys(b) as (keyof FunnelFigures)[]).filter((k) => a[k] !== b[k]);
        return diff.length ? diff.map((k) => `${k}: view ${a[k]} != SQL ${b[k]}`).join('; ') : null;
      };
      const funnelFigures = await funnelBaseline();

      // ---- retention grid
      const weekStartOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
      const endWeek = weekStartOf(anchorDay);
      const firstCohort = addDays(endWeek, -7 * (COHORT_WEEKS - 1));
      const handRetention: SQL = sql`
        with first_signup as (
          select tenant_id, date_trunc('week', min(occurred_at) at time zone 'UTC')::date as cohort
          from growth_events
          where type = 'signup' and tenant_id is not null
          group by tenant_id
        ),
        cohorts as (
          select tenant_id, cohort from first_signup where cohort >= ${firstCohort}::date and cohort <= ${endWeek}::date
        ),
        activity as (
          select distinct tenant_id, date_trunc('week', occurred_at at time zone 'UTC')::date as week
          from growth_events
          where tenant_id is not null and type <> 'churn'
            and occurred_at >= ${ts(firstCohort)} and occurred_at < ${ts(addDays(endWeek, 7))}
        )
        select cohort::text as cohort, 0 as week_offset, count(*) as n from cohorts group by cohort
        union all
        select c.cohort::text, (a.week - c.cohort) / 7, count(*)
        from cohorts c join activity a on a.tenant_id = c.tenant_id and a.week > c.cohort
        group by c.cohort, a.week`;
      const retentionBaseline = async (): Promise<Grid> => {
        const rows = (await db.execute(handRetention)) as unknown as { cohort: string; week_offset: number; n: string }[];
        const grid: Grid = {};
        for (let i = 0; i < COHORT_WEEKS; i++) {
          const cohort = addDays(firstCohort, 7 * i);
          grid[cohort] = { size: 0, cells: Array.from({ length: COHORT_WEEKS }, (_, k) => (i + k < COHORT_WEEKS ? 0 : null)) };
        }
        for (const r of rows) {
          const g = grid[r.cohort]!;
          if (Number(r.week_offset) === 0) g.size = Number(r.n);
          g.cells[Number(r.week_offset)] = Number(r.n);
        }
        return grid;
      };
      const retentionOf = (useRollups: boolean) => async (): Promise<Grid> => {
        const r = await getRetention({ db, now }, { to: anchorDay }, { useRollups });
        return Object.fromEntries(r.cohorts.map((c) => [c.cohortWeek, { size: c.size, cells: c.cells.map((x) => x.retained) }]));
      };
      const sameGrid = (a: Grid, b: Grid) => {
        for (const [week, g] of Object.entries(b)) {
          const v = a[week];
          if (!v) return `cohort ${week} missing from the view`;
          if (v.size !== g.size) return `cohort ${week} size: view ${v.size} != SQL ${g.size}`;
          const k = g.cells.findIndex((x, i) => x !== v.cells[i]);
          if (k >= 0) return `cohort ${week} week ${k}: view ${v.cells[k]} != SQL ${g.cells[k]}`;
        }
        return Object.keys(a).length === Object.keys(b).length ? null : 'different cohorts';
      };
      const gridFigures = await retentionBaseline();

      const results: PairResult[] = [];
      results.push(await measurePair({ name: 'funnel (view)', target: funnelOf(true), baseline: funnelBaseline, same: sameFunnel }, log));
      results.push(await measurePair({ name: 'funnel (events)', target: funnelOf(false), baseline: funnelBaseline, same: sameFunnel }, log));
      results.push(await measurePair({ name: 'retention (view)', target: retentionOf(true), baseline: retentionBaseline, same: sameGrid }, log));
      results.push(await measurePair({ name: 'retention (events)', target: retentionOf(false), baseline: retentionBaseline, same: sameGrid }, log));

      const checks: Check[] = results.flatMap((r) => [
        check(`${r.name} time / hand-written SQL (median)`, r.ratio, '<=', 1.5, r.mismatch ? `figures differ: ${r.mismatch}` : undefined),
      ]);
      checks.push(check('roll-up re-run of one day: rows changed', rerunChanged, '<=', 0));

      const text = [
        `Data: ${name}, ${counts.growthEvents} growth events, ${counts.tenants} tenants, anchor ${info.anchor.slice(0, 16)} (${reused ? 'reused seed' : `seeded in ${(info.seedMs / 1000).toFixed(1)} s`}); ` +
          `roll-ups: ${rollupMs ? `${expectedDays} days in ${(rollupMs / 1000).toFixed(1)} s` : 'reused'}; setup ${(setupMs / 1000).toFixed(1)} s.`,
        '',
        `Funnel ${period.from} .. ${period.to}: visits ${funnelFigures.visits}, sign-ups ${funnelFigures.signups}, trials ${funnelFigures.trials}, ` +
          `paid ${funnelFigures.conversions}, churned ${funnelFigures.churns}, revenue ${funnelFigures.revenuePence} pence.`,
        `Retention grid: cohorts ${firstCohort} .. ${endWeek}, sizes ${Object.values(gridFigures).map((g) => g.size).join(' / ')}.`,
        '',
        `${RUNS} interleaved runs each after 1 warm-up (ratio: medians, view / hand-written SQL):`,
        table(
          ['query', 'median ms', 'min ms', 'max ms', 'SQL median ms', 'ratio', 'figures'],
          results.map((r) => [
            r.name,
            fmt.ms(median(r.targetMs)),
            fmt.ms(Math.min(...r.targetMs)),
            fmt.ms(Math.max(...r.targetMs)),
            fmt.ms(median(r.baselineMs)),
            fmt.ratio(r.ratio),
            r.mismatch ? 'DIFFER' : 'equal',
          ]),
        ),
        '',
        `Nightly roll-up of ${lastRolled} run again 3 times (it was rolled up already): ${dayRuns.map((r) => `${fmt.ms(r.ms)} ms`).join(', ')}; rows changed by re-runs: ${rerunChanged}.`,
      ].join('\n');
      return {
        table: text,
        checks,
        data: { database: name, counts, anchor: info.anchor, reusedSeed: reused, rollupMs, period, endWeek, funnel: funnelFigures, grid: gridFigures, results, dayRuns },
      };
    } finally {
      await q.end({ timeout: 5 });
      await client.sql.end({ timeout: 5 });
    }
  },
};
