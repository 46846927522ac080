/**
 * SPEC §6, the background jobs, over seeded data (bench/lib/jobs-seed.ts), side by side in one run:
 *
 *   - Weekly report over 100k tenants / 1M growth events / 200k workflows: computeWeeklyFigures
 *     <= 1.5x the same figures computed by hand-written SQL (plain subqueries, written from the
 *     SPEC J3 definitions, below) in the same run; the figures must be equal, or the benchmark
 *     fails. 1 warm-up, then 5 interleaved runs each (the order alternates per run); the figure
 *     is each one's median.
 *   - Peak RSS of the worker doing the weekly report < 300 MB: runWeeklyReport (dryRun false)
 *     in a child process that loads the worker's modules (bench/lib/jobs-child.ts).
 *   - Marketing cycle: runMarketingCycle (dryRun false, default batch size) in a child process
 *     over 10k and over 100k tenants (two databases), every draft deleted before each run so the
 *     cycle creates them all; peak RSS at 100k <= 1.2x peak RSS at 10k. Duration and drafts
 *     created per second are reported.
 *
 * RSS is the kernel's high-water mark of the child (ru_maxrss), in MB (10^6 bytes); with
 * --rounds n each child job runs n times (10k and 100k interleaved) and each figure is the
 * highest of its rounds: a memory bound is about the worst case.
 *
 * Databases: levqor_bench (BENCH_DATABASE_URL) with 100k tenants and levqor_bench_10k next to
 * it with 10k, each created and migrated by scripts/lib/setup in test mode (fresh when seeded)
 * in a child process with DATABASE_URL pointed at it. A complete seed of the current version is
 * reused (checked by its row counts and the database comment), so re-runs start in seconds;
 * --reseed seeds again. The week is the last complete ISO week (Europe/London) before the seed's
 * anchor (the moment it was seeded), and the marketing cycle's clock is that anchor, so the
 * figures do not drift as the seed ages.
 */
import { spawn } from 'node:child_process';
import { workerNodeOptions } from '../src/server/infra/queue/worker-heap';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { ChildOutcome } from './lib/jobs-child';
import { dbNameOf, existingSeed, expectedCounts, readCounts, seed, withDbName, type SeedCounts, type SeedInfo } from './lib/jobs-seed';
import { fmt, table } from './lib/load';
import { BENCH_ENV, ROOT } from './lib/server';
import { check, type Bench, type Check } from './lib/types';

const BIG = 100_000;
const SMALL = 10_000;
const REPORT_RUNS = 5;
const CHILD_TIMEOUT_MS = 15 * 60_000;
const MAX_OUTPUT = 64 * 1024;

/** SPEC B1 locked prices in pence (GBP), written out again here: the baseline must not share the domain's table. */
const PRICE_SQL = `case subscriptions."interval"
    when 'month' then case subscriptions.plan when 'starter' then 900 when 'growth' then 2900 when 'pro' then 5900 when 'business' then 14900 end
    else round(case subscriptions.plan when 'starter' then 9000 when 'growth' then 29000 when 'pro' then 59000 when 'business' then 149000 end / 12.0)
  end`;

type Db = { name: string; url: string; tenants: number };

type SeedState = Db & { reused: boolean; info: SeedInfo; counts: SeedCounts; setupMs: number };

type ChildRun = ChildOutcome & { wallMs: number; output: string };

type Timing = { runsMs: number[]; medianMs: number; minMs: number; maxMs: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const timing = (runsMs: number[]): Timing => ({
  runsMs: runsMs.map((ms) => Math.round(ms * 10) / 10),
  medianMs: median(runsMs),
  minMs: Math.min(...runsMs),
  maxMs: Math.max(...runsMs),
});
const mb = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(1));
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one task of bench/lib/jobs-child.ts with DATABASE_URL pointed at `db`; throws unless it succeeded. */
async function runChild(db: Db, task: string, args: Record<string, unknown>, log: (m: string) => void): Promise<ChildRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'levqor-bench-child-'));
  const resultFile = path.join(dir, 'result.json');
  const started = performance.now();
  try {
    const child = spawn(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(ROOT, 'bench', 'lib', 'jobs-child.ts'), task, JSON.stringify({ ...args, resultFile })],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...BENCH_ENV,
          DATABASE_URL: db.url,
          // The jobs run as in a deployed worker (same heap budget); setup runs in test mode.
          NODE_ENV: task === 'setup' ? 'test' : 'production',
          ...(task === 'setup' ? {} : { NODE_OPTIONS: workerNodeOptions(process.env.NODE_OPTIONS) }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const append = (d: Buffer) => {
      output += d.toString();
      if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => {
      log(`${task} on ${db.name} still running after ${sec(CHILD_TIMEOUT_MS)}: stopping it`);
      child.kill('SIGKILL');
    }, CHILD_TIMEOUT_MS);
    const code = await new Promise<number | string>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c, signal) => resolve(c ?? signal ?? 'unknown'));
    });
    clearTimeout(timer);
    const wallMs = performance.now() - started;
    let outcome: ChildOutcome | null = null;
    try {
      outcome = JSON.parse(readFileSync(resultFile, 'utf8')) as ChildOutcome;
    } catch {
      // no result: reported below with the output
    }
    if (code !== 0 || !outcome?.ok) {
      const reason = outcome?.error ?? `exited with ${code} without a result`;
      throw new Error(`${task} on ${db.name} failed: ${reason}${output.trim() ? `\n--- child output ---\n${output.trim()}` : ''}`);
    }
    return { ...outcome, wallMs, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The database migrated and seeded with `db.tenants` tenants, reusing a complete seed. */
async function ensureSeeded(db: Db, reseed: boolean, log: (m: string) => void): Promise<SeedState> {
  const started = performance.now();
  // Services up, database created if missing, migrations applied (a reused seed gets new ones too).
  await runChild(db, 'setup', { fresh: false }, log);
  const existing = reseed ? null : await existingSeed(db.url, db.tenants);
  if (existing) {
    log(`${db.name}: reusing the seed of ${existing.info.seededAt} (${db.tenants} tenants; --reseed seeds again).`);
    return { ...db, reused: true, ...existing, setupMs: performance.now() - started };
  }
  log(`${db.name}: ${reseed ? '--reseed' : 'no complete seed'}: recreating the database and seeding ${db.tenants} tenants...`);
  await runChild(db, 'setup', { fresh: true }, log);
  const info = await seed(db.url, db.tenants, log);
  const counts = await withSql(db.url, readCounts);
  log(`${db.name}: seeded in ${sec(info.seedMs)}.`);
  return { ...db, reused: false, info, counts, setupMs: performance.now() - started };
}

async function withSql<T>(url: string, fn: (q: postgres.Sql) => Promise<T>): Promise<T> {
  const q = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    return await fn(q);
  } finally {
    await q.end({ timeout: 5 });
  }
}

export const jobs: Bench = {
  name: 'jobs',
  description: 'weekly report vs hand-written SQL and its worker RSS; marketing cycle RSS at 10k vs 100k tenants',
  needsServer: false,
  async run({ rounds, reseed, log }) {
    // As bench/lib/server.ts prepares: a fixed environment, never a developer's DATABASE_URL.
    Object.assign(process.env, BENCH_ENV, { NODE_ENV: 'test' });
    const bigUrl = BENCH_ENV.DATABASE_URL!;
    const big: Db = { name: dbNameOf(bigUrl), url: bigUrl, tenants: BIG };
    const smallName = `${dbNameOf(bigUrl)}_10k`;
    const small: Db = { name: smallName, url: withDbName(bigUrl, smallName), tenants: SMALL };

    // ---- data
    // The small one first: a seed that fails, fails in seconds.
    const smallSeed = await ensureSeeded(small, reseed, log);
    const bigSeed = await ensureSeeded(big, reseed, log);
    const seeds = [bigSeed, smallSeed];

    // ---- weekly report vs hand-written SQL, in this process (the same pool for both)
    // Imported once the environment is set: these validate it on import.
    const { schema } = await import('~/server/infra/db/client');
    const { computeWeeklyFigures, METRIC_KEYS } = await import('~/server/domain/reports/figures');
    const { lastCompleteWeek, previousWeek } = await import('~/server/domain/reports/iso-week');

    const anchor = new Date(bigSeed.info.anchor);
    const week = lastCompleteWeek(anchor);
    const prev = previousWeek(week);
    log(`weekly report: week ${week.label} (${week.start.toISOString()} .. ${week.end.toISOString()}), the last complete week before the seed's anchor ${anchor.toISOString()}`);

    const client = postgres(big.url, { max: 2, onnotice: () => {}, connect_timeout: 5 });
    /** The SQL each side sends, captured during its warm-up, for EXPLAIN ANALYZE afterwards. */
    const captured: Record<string, { query: string; params: unknown[] }> = {};
    let capturing: string | null = null;
    const db = drizzle(client, {
      schema,
      casing: 'snake_case',
      logger: {
        logQuery(query, params) {
          if (capturing) captured[capturing] = { query, params };
        },
      },
    });

    const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
    const s = at(week.start);
    const e = at(week.end);
    const ps = at(prev.start);
    const price = sql.raw(PRICE_SQL);
    /** SPEC J3's figures for both weeks, one plain subquery per figure and week. */
    const handWritten: SQL = sql`
      select
        (select count(*) from tenants where deleted_at is null and created_at >= ${s} and created_at < ${e}) as "newTenants_cur",
        (select count(*) from tenants where deleted_at is null and created_at >= ${ps} and created_at < ${s}) as "newTenants_prev",
        (select count(*) from users where last_login_at >= ${s} and last_login_at < ${e}) as "activeUsers_cur",
        (select count(*) from users where last_login_at >= ${ps} and last_login_at < ${s}) as "activeUsers_prev",
        (select count(*) from workflows where created_at < ${e}) as "workflowsTotal_cur",
        (select count(*) from workflows where created_at < ${s}) as "workflowsTotal_prev",
        (select count(*) from workflows where created_at >= ${s} and created_at < ${e}) as "workflowsNew_cur",
        (select count(*) from workflows where created_at >= ${ps} and created_at < ${s}) as "workflowsNew_prev",
        (select coalesce(sum(${price}), 0) from subscriptions
          where status = 'active' and started_at < ${e} and (canceled_at is null or canceled_at >= ${e})) as "mrrPence_cur",
        (select coalesce(sum(${price}), 0) from subscriptions
          where status = 'active' and started_at < ${s} and (canceled_at is null or canceled_at >= ${s})) as "mrrPence_prev",
        (select count(*) from referrals where created_at >= ${s} and created_at < ${e}) as "referrals_cur",
        (select count(*) from referrals where created_at >= ${ps} and created_at < ${s}) as "referrals_prev",
        (select count(*) from referrals where converted_at >= ${s} and converted_at < ${e}) as "referralConversions_cur",
        (select count(*) from referrals where converted_at >= ${ps} and converted_at < ${s}) as "referralConversions_prev",
        (select count(*) from incidents where opened_at >= ${s} and opened_at < ${e}) as "incidents_cur",
        (select count(*) from incidents where opened_at >= ${ps} and opened_at < ${s}) as "incidents_prev"`;

    type Pair = { thisWeek: number; lastWeek: number };
    const runReport = async () => {
      const t = performance.now();
      const f = await computeWeeklyFigures({ db }, { weekStart: week.start });
      return { ms: performance.now() - t, figures: Object.fromEntries(METRIC_KEYS.map((k) => [k, { thisWeek: f.metrics[k].thisWeek, lastWeek: f.metrics[k].lastWeek }])) as Record<string, Pair> };
    };
    const runBaseline = async () => {
      const t = performance.now();
      const [row] = await db.execute(handWritten);
      const ms = performance.now() - t;
      const r = row as Record<string, unknown>;
      return { ms, figures: Object.fromEntries(METRIC_KEYS.map((k) => [k, { thisWeek: Number(r[`${k}_cur`]), lastWeek: Number(r[`${k}_prev`]) }])) as Record<string, Pair> };
    };

    const reportMs: number[] = [];
    const baselineMs: number[] = [];
    const mismatches: string[] = [];
    let figures: { report: Record<string, Pair>; baseline: Record<string, Pair> };
    const plans: Record<string, string[]> = {};
    try {
      capturing = 'report';
      const warmReport = await runReport(); // warm-ups, discarded
      capturing = 'handWritten';
      const warmBaseline = await runBaseline();
      capturing = null;
      figures = { report: warmReport.figures, baseline: warmBaseline.figures };
      log(`weekly report: warm-up ${fmt.ms(warmReport.ms)} ms, hand-written SQL ${fmt.ms(warmBaseline.ms)} ms (discarded)`);
      const compare = (a: Record<string, Pair>, b: Record<string, Pair>, when: string) => {
        for (const k of METRIC_KEYS) {
          for (const side of ['thisWeek', 'lastWeek'] as const) {
            if (a[k]![side] !== b[k]![side]) mismatches.push(`${when}: ${k}.${side} report ${a[k]![side]} != SQL ${b[k]![side]}`);
          }
        }
      };
      compare(warmReport.figures, warmBaseline.figures, 'warm-up');
      for (let i = 0; i < REPORT_RUNS; i++) {
        // Alternating order, so that neither always runs on the other's warmed caches.
        const order = i % 2 === 0 ? ([runReport, runBaseline] as const) : ([runBaseline, runReport] as const);
        const first = await order[0]();
        const second = await order[1]();
        const [r, b] = i % 2 === 0 ? [first, second] : [second, first];
        reportMs.push(r.ms);
        baselineMs.push(b.ms);
        compare(r.figures, b.figures, `run ${i + 1}`);
        log(`weekly report run ${i + 1}/${REPORT_RUNS}: report ${fmt.ms(r.ms)} ms, hand-written SQL ${fmt.ms(b.ms)} ms`);
      }
      // Plans of both, for reading (bench/.out/jobs.json): EXPLAIN ANALYZE after the timed runs.
      for (const [label, c] of Object.entries(captured)) {
        const rows = await client.unsafe(`explain (analyze, buffers) ${c.query}`, c.params as postgres.ParameterOrJSON<never>[]);
        plans[label] = rows.map((row) => String(Object.values(row)[0]));
      }
    } finally {
      await client.end({ timeout: 5 });
    }
    const reportTiming = timing(reportMs);
    const baselineTiming = timing(baselineMs);
    const reportRatio = reportTiming.medianMs / baselineTiming.medianMs;
    const executionTime = (lines: string[] | undefined) => {
      const m = lines?.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
      return m ? Number(m[1]) : NaN;
    };

    // ---- weekly report in a worker-like child: peak RSS
    const reportRuns: ChildRun[] = [];
    for (let i = 1; i <= rounds; i++) {
      const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'levqor-bench-reports-'));
      try {
        const run = await runChild(big, 'weekly-report', { week: week.label, reportsDir }, log);
        reportRuns.push(run);
        log(`weekly report worker ${i}/${rounds}: ${run.jobMs} ms, peak RSS ${mb(run.memory.peakRssMb)} MB (before the job ${mb(run.memory.rssBeforeJobMb)} MB)`);
      } finally {
        rmSync(reportsDir, { recursive: true, force: true });
      }
    }
    const reportPeakRss = Math.max(...reportRuns.map((r) => r.memory.peakRssMb));

    // ---- marketing cycle at 10k and 100k tenants
    type CycleRun = ChildRun & { db: SeedState; draftsBefore: number; created: number; scanned: number; draftsPerSec: number };
    const cycleRuns: CycleRun[] = [];
    for (let i = 1; i <= rounds; i++) {
      for (const st of [smallSeed, bigSeed]) {
        // Every draft deleted first, so the cycle creates them all rather than skipping them.
        const draftsBefore = await withSql(st.url, async (q) => {
          const [row] = await q<{ n: string }[]>`select count(*) as n from marketing_drafts`;
          await q`truncate marketing_drafts`;
          return Number(row!.n);
        });
        const dir = mkdtempSync(path.join(os.tmpdir(), 'levqor-bench-marketing-'));
        try {
          const run = await runChild(st, 'marketing-cycle', { now: st.info.anchor, logFile: path.join(dir, 'auto_marketing.log') }, log);
          const r = run.result as { created: number; scanned: number };
          const draftsPerSec = run.jobMs ? r.created / (run.jobMs / 1000) : NaN;
          cycleRuns.push({ ...run, db: st, draftsBefore, created: r.created, scanned: r.scanned, draftsPerSec });
          log(
            `marketing cycle ${i}/${rounds} on ${st.name} (${st.tenants} tenants): ${r.created} drafts in ${run.jobMs} ms ` +
              `(${fmt.int(draftsPerSec)}/s), peak RSS ${mb(run.memory.peakRssMb)} MB (before the job ${mb(run.memory.rssBeforeJobMb)} MB)`,
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
    const cyclesOf = (st: SeedState) => cycleRuns.filter((r) => r.db === st);
    const peakOf = (st: SeedState) => Math.max(...cyclesOf(st).map((r) => r.memory.peakRssMb));
    const ownOf = (st: SeedState) => Math.max(...cyclesOf(st).map((r) => r.memory.peakRssMb - r.memory.rssBeforeJobMb));
    const rssRatio = peakOf(bigSeed) / peakOf(smallSeed);
    const noDrafts = cycleRuns.filter((r) => r.created === 0).map((r) => `${r.db.name} created no draft`);

    // ---- checks
    const figuresNote = mismatches.length ? `figures differ from the hand-written SQL: ${mismatches.slice(0, 3).join('; ')}` : undefined;
    const checks: Check[] = [
      check('weekly report figures differing from hand-written SQL', mismatches.length, '<=', 0, figuresNote),
      check('weekly report time / hand-written SQL (median)', reportRatio, '<=', 1.5, figuresNote),
      check('weekly report worker peak RSS (MB)', reportPeakRss, '<', 300),
      check('marketing cycle peak RSS 100k / 10k tenants', rssRatio, '<=', 1.2, noDrafts.length ? noDrafts.join('; ') : undefined),
    ];

    // ---- tables
    const seedTable = table(
      ['database', 'tenants', 'users', 'growth events', 'workflows', 'subscriptions', 'referral codes', 'referrals', 'incidents', 'seed', 'anchor'],
      seeds.map((st) => [
        st.name,
        st.counts.tenants,
        st.counts.users,
        st.counts.growthEvents,
        st.counts.workflows,
        st.counts.subscriptions,
        st.counts.referralCodes,
        st.counts.referrals,
        st.counts.incidents,
        st.reused ? `reused (${st.info.seededAt.slice(0, 16)})` : `seeded in ${sec(st.info.seedMs)}`,
        st.info.anchor.slice(0, 16),
      ]),
    );
    const figuresTable = table(
      ['figure', `${week.label}`, `${prev.label}`, `SQL ${week.label}`, `SQL ${prev.label}`, 'equal'],
      METRIC_KEYS.map((k) => {
        const r = figures.report[k]!;
        const b = figures.baseline[k]!;
        return [k, r.thisWeek, r.lastWeek, b.thisWeek, b.lastWeek, r.thisWeek === b.thisWeek && r.lastWeek === b.lastWeek ? 'yes' : 'NO'];
      }),
    );
    const timingTable = table(
      ['query', 'median ms', 'min ms', 'max ms', 'EXPLAIN ANALYZE ms', 'ratio'],
      [
        ['hand-written SQL (baseline)', fmt.ms(baselineTiming.medianMs), fmt.ms(baselineTiming.minMs), fmt.ms(baselineTiming.maxMs), fmt.ms(executionTime(plans.handWritten)), '1.00x'],
        ['computeWeeklyFigures', fmt.ms(reportTiming.medianMs), fmt.ms(reportTiming.minMs), fmt.ms(reportTiming.maxMs), fmt.ms(executionTime(plans.report)), fmt.ratio(reportRatio)],
      ],
    );
    const workerTable = table(
      ['job', 'database', 'round', 'job ms', 'process ms', 'drafts', 'drafts/s', 'RSS start MB', 'RSS before job MB', 'peak RSS MB', 'sampled peak MB', 'peak heap MB'],
      [
        ...reportRuns.map((r, i) => ['weekly report', big.name, i + 1, r.jobMs ?? '-', fmt.int(r.wallMs), '-', '-', mb(r.memory.rssAtStartMb), mb(r.memory.rssBeforeJobMb), mb(r.memory.peakRssMb), mb(r.memory.peakSampledRssMb), mb(r.memory.peakHeapUsedMb)]),
        ...cycleRuns.map((r) => [
          'marketing cycle',
          r.db.name,
          cycleRuns.filter((x) => x.db === r.db).indexOf(r) + 1,
          r.jobMs ?? '-',
          fmt.int(r.wallMs),
          r.created,
          fmt.int(r.draftsPerSec),
          mb(r.memory.rssAtStartMb),
          mb(r.memory.rssBeforeJobMb),
          mb(r.memory.peakRssMb),
          mb(r.memory.peakSampledRssMb),
          mb(r.memory.peakHeapUsedMb),
        ]),
      ],
    );
    const rssTable = table(
      ['marketing cycle', 'tenants', 'drafts', 'job ms (median)', 'drafts/s (median)', 'peak RSS MB (max)', 'peak - before job MB (max)', 'RSS ratio'],
      [smallSeed, bigSeed].map((st) => {
        const runs = cyclesOf(st);
        return [
          st.name,
          st.tenants,
          runs[0]?.created ?? 0,
          fmt.int(median(runs.map((r) => r.jobMs ?? NaN))),
          fmt.int(median(runs.map((r) => r.draftsPerSec))),
          mb(peakOf(st)),
          mb(ownOf(st)),
          fmt.ratio(peakOf(st) / peakOf(smallSeed)),
        ];
      }),
    );
    const text = [
      'Seeded data (timestamps over the two years before the anchor):',
      seedTable,
      '',
      `Weekly report figures, ${week.label} and ${prev.label} (computeWeeklyFigures vs hand-written SQL):`,
      figuresTable,
      '',
      `Weekly report over ${big.name}: ${REPORT_RUNS} interleaved runs each after 1 warm-up (ratio: medians, report / SQL):`,
      timingTable,
      '',
      `Child processes (worker modules loaded; RSS in MB = 10^6 bytes; peak RSS: the kernel's ru_maxrss; ${rounds} round(s)):`,
      workerTable,
      '',
      'Marketing cycle, 10k vs 100k tenants (peak RSS: the highest of the rounds):',
      rssTable,
    ].join('\n');

    return {
      table: text,
      checks,
      data: {
        seeds: seeds.map(({ url: _url, ...st }) => ({ ...st, expected: expectedCounts(st.tenants), setupMs: Math.round(st.setupMs) })),
        weeklyReport: {
          week: week.label,
          previousWeek: prev.label,
          weekStart: week.start.toISOString(),
          weekEnd: week.end.toISOString(),
          runs: REPORT_RUNS,
          aggregation: 'median of the interleaved runs, after 1 warm-up each',
          report: reportTiming,
          handWrittenSql: baselineTiming,
          ratio: reportRatio,
          figures,
          mismatches,
          plans,
        },
        weeklyReportWorker: reportRuns.map(({ output: _o, ...r }) => ({ ...r, wallMs: Math.round(r.wallMs) })),
        marketingCycle: {
          aggregation: 'peak RSS: max over the rounds per database',
          peakRssMb: { [SMALL]: peakOf(smallSeed), [BIG]: peakOf(bigSeed) },
          rssRatio,
          runs: cycleRuns.map(({ output: _o, db: st, ...r }) => ({ ...r, database: st.name, tenants: st.tenants, wallMs: Math.round(r.wallMs) })),
        },
      },
    };
  },
};
