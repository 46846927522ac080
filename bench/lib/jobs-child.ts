/**
 * A child process of the jobs benchmark (bench/jobs.ts), started as
 *
 *   node_modules/.bin/tsx bench/lib/jobs-child.ts <task> '<json arguments>'
 *
 * with the environment (DATABASE_URL, REDIS_PREFIX, ...) set by the parent. Tasks:
 *
 *   setup            { fresh }              scripts/lib/setup in test mode for DATABASE_URL
 *                                           (services up, database created, migrated)
 *   weekly-report    { week, reportsDir }   runWeeklyReport, dryRun false (stores the report,
 *                                           writes weekly_report.md into reportsDir, no e-mail)
 *   marketing-cycle  { now, logFile }       runMarketingCycle, dryRun false, default batch size
 *
 * A job task loads the worker's modules first (workers/runtime.ts, as `npm run workers` does, so
 * the process holds what a worker holds) and then calls the domain function directly, as the
 * job handler does. Its memory is sampled every 20 ms from the start of the process, and the
 * kernel's high-water mark (process.resourceUsage().maxRSS, i.e. getrusage ru_maxrss) is read
 * at the end: the sampled peak can miss a spike between samples, the kernel's cannot.
 *
 * The outcome is written as JSON to `resultFile` (an argument): { ok, result | error, memory }.
 */
import { writeFileSync } from 'node:fs';

const MB = 1_000_000;
const SAMPLE_MS = 20;

export type ChildMemory = {
  /** RSS when this script started (node + tsx), MB. */
  rssAtStartMb: number;
  /** RSS once the modules were loaded and the database answered, just before the job, MB. */
  rssBeforeJobMb: number;
  /** Highest RSS sampled every 20 ms, MB. */
  peakSampledRssMb: number;
  /** The kernel's peak RSS of this process (ru_maxrss), MB: the figure the targets use. */
  peakRssMb: number;
  /** Highest V8 heap in use sampled, MB. */
  peakHeapUsedMb: number;
  samples: number;
};

export type ChildOutcome = {
  ok: boolean;
  task: string;
  /** Wall time of the domain call alone (not start-up), ms. */
  jobMs: number | null;
  result?: unknown;
  error?: string;
  memory: ChildMemory;
};

const rssAtStart = process.memoryUsage.rss();
let peakRss = rssAtStart;
let peakHeap = 0;
let samples = 0;
const sample = () => {
  const m = process.memoryUsage();
  samples++;
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
};
const sampler = setInterval(sample, SAMPLE_MS);

const round = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

async function main(): Promise<number> {
  const [task, rawArgs] = process.argv.slice(2);
  const args = JSON.parse(rawArgs ?? '{}') as Record<string, unknown>;
  const resultFile = String(args.resultFile ?? '');
  if (!resultFile) throw new Error('resultFile is required');
  let rssBeforeJob = rssAtStart;
  let jobMs: number | null = null;
  let outcome: Pick<ChildOutcome, 'ok' | 'result' | 'error'>;

  try {
    if (task === 'setup') {
      const { setup } = await import('../../scripts/lib/setup');
      rssBeforeJob = process.memoryUsage.rss();
      const started = performance.now();
      await setup({ test: true, fresh: args.fresh === true, quiet: true });
      jobMs = performance.now() - started;
      outcome = { ok: true, result: null };
    } else if (task === 'weekly-report' || task === 'marketing-cycle') {
      // The worker's module graph (BullMQ, the job handlers and their domains), as a worker has it.
      await import('../../workers/runtime');
      const { env } = await import('~/env');
      const { createDb } = await import('~/server/infra/db/client');
      const { logger } = await import('~/server/infra/logger');
      const { db, sql } = createDb(env.DATABASE_URL, { max: 5 }); // as workers/index.ts
      try {
        await sql`select 1`;
        sample();
        rssBeforeJob = process.memoryUsage.rss();
        const started = performance.now();
        if (task === 'weekly-report') {
          const { runWeeklyReport } = await import('~/server/domain/reports/weekly');
          const r = await runWeeklyReport(
            { db, log: logger, reportsDir: String(args.reportsDir) },
            { week: String(args.week), dryRun: false },
          );
          jobMs = performance.now() - started;
          outcome = { ok: true, result: { period: r.period, stored: r.stored, file: r.file, markdownBytes: r.markdown.length, figures: r.figures.metrics } };
        } else {
          const { runMarketingCycle } = await import('~/server/domain/marketing/cycle');
          const now = new Date(String(args.now));
          const r = await runMarketingCycle({ db, log: logger, now: () => now, logFile: String(args.logFile) }, { dryRun: false });
          jobMs = performance.now() - started;
          outcome = { ok: true, result: r };
        }
        sample();
      } finally {
        await sql.end({ timeout: 5 });
      }
    } else {
      throw new Error(`unknown task "${task}"`);
    }
  } catch (err) {
    outcome = { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }

  sample();
  clearInterval(sampler);
  const memory: ChildMemory = {
    rssAtStartMb: round(rssAtStart),
    rssBeforeJobMb: round(rssBeforeJob),
    peakSampledRssMb: round(peakRss),
    peakRssMb: round(process.resourceUsage().maxRSS * 1024), // KiB
    peakHeapUsedMb: round(peakHeap),
    samples,
  };
  const record: ChildOutcome = { ...outcome, task: task ?? '', jobMs: jobMs === null ? null : Math.round(jobMs), memory };
  writeFileSync(resultFile, JSON.stringify(record));
  return outcome.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
