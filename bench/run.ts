/**
 * `npm run bench`: runs the benchmarks listed below in sequence, prints each one's table and a
 * final summary with PASS/FAIL per target (SPEC §6), writes bench/.out/<name>.json, and exits
 * non-zero when any target is missed or any benchmark failed (after running all of them).
 *
 *   npm run bench                          every benchmark, 10 s per measurement
 *   npm run bench -- --only health         one benchmark (comma-separate several)
 *   npm run bench -- --duration 3          seconds per measurement
 *   npm run bench -- --rounds 3            interleaved rounds per target (default 2)
 *   npm run bench -- --only jobs --reseed  seed the jobs benchmark's databases again
 *
 * Environment: BENCH_PORT (default 3300), BENCH_DATABASE_URL (default levqor_bench),
 * BENCH_REDIS_URL / REDIS_URL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gitRevision } from '../scripts/lib/services';
import { engine } from './engine';
import { growth } from './growth';
import { health } from './health';
import { jobs } from './jobs';
import { metering } from './metering';
import { pages } from './pages';
import { OUT_DIR, ROOT, prepare, startServer, type BenchServer } from './lib/server';
import type { Bench, Check } from './lib/types';

/** Every benchmark, in the order they run. */
const BENCHES: Bench[] = [health, pages, jobs, growth, engine, metering];

const USAGE = `usage: npm run bench -- [--only <name>[,<name>...]] [--duration <seconds>] [--rounds <n>] [--reseed]
benchmarks: ${BENCHES.map((b) => `${b.name} (${b.description})`).join('; ')}`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        only: { type: 'string' },
        duration: { type: 'string', default: '10' },
        rounds: { type: 'string', default: '2' },
        reseed: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const durationSec = Number(values.duration);
  if (!Number.isFinite(durationSec) || durationSec < 1 || durationSec > 600) fail(`--duration must be 1-600 seconds, got "${values.duration}"`);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) fail(`--rounds must be an integer 1-20, got "${values.rounds}"`);
  let selected = BENCHES;
  if (values.only !== undefined) {
    const names = values.only.split(',').map((n) => n.trim()).filter(Boolean);
    const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
    if (unknown.length || names.length === 0) fail(`unknown benchmark: ${unknown.join(', ') || '(none given)'}`);
    selected = BENCHES.filter((b) => names.includes(b.name));
  }
  return { durationSec, rounds, reseed: values.reseed, selected };
}

type Outcome = { bench: Bench; checks: Check[]; error?: string };

const log = (m: string) => console.log(`[bench] ${m}`);

function formatCheck(c: Check): string {
  const value = c.value === null || !Number.isFinite(c.value) ? 'n/a' : c.value.toFixed(2);
  return `${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${value} (target ${c.op} ${c.threshold})${c.note ? `  -- ${c.note}` : ''}`;
}

async function main(): Promise<number> {
  const { durationSec, rounds, reseed, selected } = parseOptions();
  process.chdir(ROOT);
  if (durationSec < 5) log(`--duration ${durationSec}: below 5 s per measurement, connection start-up dominates the figures (bench/README.md).`);
  mkdirSync(OUT_DIR, { recursive: true });
  const outcomes: Outcome[] = [];
  const revision = gitRevision();
  // A busy machine skews every figure; ratios absorb some of it, not all. Said at start and end.
  const loadAtStart = os.loadavg()[0]!;
  if (loadAtStart > 1) log(`load average is ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores: other processes are busy, figures will be noisy.`);

  let server: BenchServer | null = null;
  let serverError: string | undefined;
  try {
    if (selected.some((b) => b.needsServer)) {
      try {
        await prepare(log);
        server = await startServer(log);
      } catch (err) {
        serverError = `server could not start: ${err instanceof Error ? err.message : String(err)}`;
        console.error(`[bench] ${serverError}`);
      }
    }

    for (const [index, bench] of selected.entries()) {
      // The server is stopped as soon as no benchmark left needs it, so that it neither takes
      // CPU nor holds connections to the bench database while the others run.
      if (server && !selected.slice(index).some((b) => b.needsServer)) {
        log('Stopping the server (no benchmark left needs it)...');
        await server.stop();
        server = null;
      }
      console.log(`\n=== ${bench.name}: ${bench.description}`);
      if (bench.needsServer && !server) {
        outcomes.push({ bench, checks: [], error: serverError ?? 'server not started' });
        continue;
      }
      const started = Date.now();
      try {
        const result = await bench.run({ server, durationSec, rounds, reseed, log: (m) => log(`${bench.name}: ${m}`) });
        console.log(`\n${result.table}`);
        console.log(`\n${result.checks.map(formatCheck).join('\n')}`);
        outcomes.push({ bench, checks: result.checks });
        const file = path.join(OUT_DIR, `${bench.name}.json`);
        const record = {
          bench: bench.name,
          date: new Date().toISOString(),
          revision,
          node: process.version,
          cpus: os.cpus().length,
          baseUrl: server?.baseUrl ?? null,
          durationSec,
          rounds,
          loadAverage: { atStart: loadAtStart, atEnd: os.loadavg()[0] },
          elapsedSec: Math.round((Date.now() - started) / 100) / 10,
          pass: result.checks.every((c) => c.pass),
          checks: result.checks,
          results: result.data,
        };
        writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
        log(`${bench.name}: wrote ${path.relative(ROOT, file)}`);
      } catch (err) {
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        console.error(`[bench] ${bench.name} failed: ${message}`);
        outcomes.push({ bench, checks: [], error: err instanceof Error ? err.message : String(err) });
      }
    }
  } finally {
    if (server) {
      log('Stopping the server...');
      await server.stop();
    }
  }

  console.log('\n=== Summary');
  let missed = 0;
  let total = 0;
  let incomplete = 0;
  for (const o of outcomes) {
    if (o.error) {
      incomplete++;
      console.log(`FAIL  ${o.bench.name}: did not run to the end: ${o.error.split('\n')[0]}`);
    }
    for (const c of o.checks) {
      total++;
      if (!c.pass) missed++;
      console.log(formatCheck(c).replace(/^(PASS|FAIL) {2}/, `$1  ${o.bench.name}: `));
    }
  }
  const parts = [total === 0 ? 'no target was measured' : missed === 0 ? `all ${total} targets met` : `${missed} of ${total} targets missed`];
  if (incomplete) parts.push(`${incomplete} benchmark(s) did not run to the end`);
  const busy = loadAtStart > 1 ? ` (load average was ${loadAtStart.toFixed(1)} at start: other processes may have skewed the figures)` : '';
  console.log(`\n${parts.join('; ')}.${busy}`);
  return missed === 0 && incomplete === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
