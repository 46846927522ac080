/**
 * SPEC §6, the workflow engine, side by side in one run (npm run bench -- --only engine):
 *
 *   - Throughput: N runs (10k) of a five-step workflow (transform, condition, log, log, log)
 *     queued at once and drained by one worker process (`workers/index.ts`, the real one), against
 *     a baseline in the same run that does only the durable minimum: one BullMQ job per run and one
 *     PostgreSQL write per step, no engine (bench/lib/engine-child.ts), with the same concurrency.
 *     Target: engine runs/s >= 0.5x baseline runs/s. "Queued at once": the runs and their outbox
 *     rows are inserted in two statements, then drained to the queue; the clock starts before the
 *     drain (the engine pays for it) and stops when the last run has succeeded.
 *   - p95 queue-to-finish of those runs (reported).
 *   - Worker peak RSS (the kernel's VmHWM of the worker process) at 10k runs <= 1.2x at 1k runs.
 *   - Webhook: POST /api/hooks/<id> (bearer secret, small JSON body) at 50 connections against
 *     the production web server, accepted requests/s >= 0.5x the bare route handler (/api/system/pulse) in the
 *     same run (no worker drains them: this measures accepting a run, not running it; the
 *     accepted runs are deleted afterwards).
 *   - Crash drill: 2k runs, the worker SIGKILLed once a third have finished, a new worker started:
 *     0 runs lost, 0 finished steps executed twice (a step with two succeeded attempts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { workerNodeOptions } from '../src/server/infra/queue/worker-heap';
import { fmt, measure, settle, table, type Measurement } from './lib/load';
import { BENCH_ENV, ROOT } from './lib/server';
import { check, type Bench, type Check } from './lib/types';

const RUNS = 10_000;
const SMALL = 1_000;
const DRILL = 2_000;
const CONCURRENCY = 10;
const STEPS = 5;
const HOOK_CONNECTIONS = 50;
const MB = 1_000_000;

const FIVE_STEPS = [
  { id: 'shape', name: 'Shape', type: 'transform', config: { mapping: { n: '{{ body.n }}', label: 'run {{ body.n }}' } } },
  { id: 'check', name: 'Check', type: 'condition', config: { field: 'n', operator: 'greater_than', value: -1 } },
  { id: 'log1', name: 'Log 1', type: 'log', config: { message: 'one {{ label }}', level: 'info' } },
  { id: 'log2', name: 'Log 2', type: 'log', config: { message: 'two {{ label }}', level: 'info' } },
  { id: 'log3', name: 'Log 3', type: 'log', config: { message: 'three {{ label }}', level: 'info' } },
];

type Sql = postgres.Sql;

function spawnNode(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; ready: (text: string) => Promise<void>; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    // The heap budget every worker launcher passes (src/server/infra/queue/worker-heap.ts).
    env: { ...process.env, ...BENCH_ENV, NODE_ENV: 'production', LOG_LEVEL: 'info', LOG_FILE: '', NODE_OPTIONS: workerNodeOptions(process.env.NODE_OPTIONS), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + String(d)).slice(-64 * 1024)));
  child.stderr!.on('data', (d) => (output = (output + String(d)).slice(-64 * 1024)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const ready = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        if (output.includes(text)) return resolve();
        if (child.exitCode !== null) return reject(new Error(`process exited before "${text}":\n${output}`));
        if (Date.now() - started > 60_000) return reject(new Error(`no "${text}" within 60 s:\n${output}`));
        setTimeout(tick, 50);
      };
      tick();
    });
  return { child, output: () => output, ready, exited };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // gone
  }
}

/** The kernel's peak RSS of a live process (VmHWM), MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return Math.round(((kb * 1024) / MB) * 10) / 10;
}

async function waitFor(fn: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

/** A tenant, its owner and a workflow (+ version 1) of the given steps; returns the ids. */
async function seedWorkflow(sql: Sql, steps: unknown, extra: { webhookSecretHash?: string; status?: string } = {}) {
  // A paying workspace: the bench's thousands of webhook calls stay within its monthly limits (SPEC P3).
  const [tenant] = await sql`insert into tenants (name, plan, status) values (${'Engine bench ' + crypto.randomUUID().slice(0, 6)}, 'business', 'active') returning id`;
  const [workflow] = await sql`
    insert into workflows (tenant_id, name, steps, status, webhook_secret_hash, webhook_secret_hint)
    values (${tenant!.id}, 'Engine bench', ${sql.json(steps as never)}, ${extra.status ?? 'active'}, ${extra.webhookSecretHash ?? null}, ${extra.webhookSecretHash ? 'hint' : null})
    returning id`;
  const [version] = await sql`
    insert into workflow_versions (tenant_id, workflow_id, version, name, steps) values (${tenant!.id}, ${workflow!.id}, 1, 'Engine bench', ${sql.json(steps as never)}) returning id`;
  return { tenantId: tenant!.id as string, workflowId: workflow!.id as string, versionId: version!.id as string };
}

/** N queued runs and their outbox rows, in two statements (runs queued "at once"). */
async function queueRuns(sql: Sql, wf: { tenantId: string; workflowId: string; versionId: string }, n: number): Promise<string[]> {
  const rows = await sql`
    insert into workflow_runs (tenant_id, workflow_id, version_id, version, trigger, trigger_payload, status, dispatches)
    select ${wf.tenantId}, ${wf.workflowId}, ${wf.versionId}, 1, 'manual', jsonb_build_object('body', jsonb_build_object('n', g)), 'queued', 1
    from generate_series(1, ${n}) g
    returning id`;
  const ids = rows.map((r) => r.id as string);
  await sql`insert into run_outbox (run_id, job_id, run_at) select id, 'run-' || id || '-1', now() from workflow_runs where id = any(${ids}::uuid[])`;
  return ids;
}

async function drain(queue: Queue, sql: Sql, ids: string[]) {
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await queue.addBulk(chunk.map((id) => ({ name: 'run', data: { runId: id }, opts: { jobId: `run-${id}-1`, removeOnComplete: { count: 1000 }, attempts: 3 } })));
    await sql`update run_outbox set dispatched_at = now() where run_id = any(${chunk}::uuid[])`;
  }
}

const succeededOf = async (sql: Sql, ids: string[]) =>
  Number((await sql`select count(*)::int as n from workflow_runs where id = any(${ids}::uuid[]) and status = 'succeeded'`)[0]!.n);

type EngineRound = { runs: number; seconds: number; runsPerSec: number; p50Ms: number; p95Ms: number; peakRssMb: number };

async function engineRound(sql: Sql, redis: Redis, n: number, log: (m: string) => void): Promise<EngineRound> {
  const prefix = `levqor-bench-engine-${crypto.randomUUID().slice(0, 8)}`;
  const wf = await seedWorkflow(sql, FIVE_STEPS);
  const worker = spawnNode(['workers/index.ts'], { REDIS_PREFIX: prefix, RUN_CONCURRENCY_PER_TENANT: '1000', RUN_WORKER_CONCURRENCY: String(CONCURRENCY) });
  try {
    await worker.ready('workers ready');
    const queue = new Queue('workflow-runs', { connection: redis, prefix });
    const ids = await queueRuns(sql, wf, n);
    const started = performance.now();
    await drain(queue, sql, ids);
    await waitFor(async () => (await succeededOf(sql, ids)) === n, 15 * 60_000, `${n} engine runs`);
    const seconds = (performance.now() - started) / 1000;
    const rss = peakRssMb(worker.child.pid!);
    const durations = (await sql`select duration_ms from workflow_runs where id = any(${ids}::uuid[]) order by duration_ms`).map((r) => Number(r.duration_ms));
    await queue.obliterate({ force: true }).catch(() => null);
    await queue.close();
    log(`engine: ${n} runs in ${seconds.toFixed(1)} s, peak RSS ${rss} MB`);
    return { runs: n, seconds, runsPerSec: n / seconds, p50Ms: percentile(durations, 50), p95Ms: percentile(durations, 95), peakRssMb: rss };
  } finally {
    killGroup(worker.child, 'SIGTERM');
    await worker.exited;
  }
}

async function baselineRound(sql: Sql, redis: Redis, n: number, log: (m: string) => void): Promise<{ runs: number; seconds: number; runsPerSec: number }> {
  const prefix = `levqor-bench-baseline-${crypto.randomUUID().slice(0, 8)}`;
  await sql`create table if not exists bench_baseline_steps (run_id text not null, step int not null, at timestamptz not null)`;
  await sql`truncate bench_baseline_steps`;
  const child = spawnNode(['bench/lib/engine-child.ts', JSON.stringify({ prefix, queue: 'baseline', steps: STEPS, concurrency: CONCURRENCY })], {});
  try {
    await child.ready('baseline ready');
    const queue = new Queue('baseline', { connection: redis, prefix });
    const ids = Array.from({ length: n }, () => crypto.randomUUID());
    const started = performance.now();
    for (let i = 0; i < ids.length; i += 1000) {
      await queue.addBulk(ids.slice(i, i + 1000).map((id) => ({ name: 'run', data: { runId: id }, opts: { jobId: `base-${id}`, removeOnComplete: { count: 1000 } } })));
    }
    await waitFor(async () => Number((await sql`select count(*)::int as n from bench_baseline_steps`)[0]!.n) === n * STEPS, 15 * 60_000, 'baseline');
    const seconds = (performance.now() - started) / 1000;
    await queue.obliterate({ force: true }).catch(() => null);
    await queue.close();
    log(`baseline: ${n} runs in ${seconds.toFixed(1)} s`);
    return { runs: n, seconds, runsPerSec: n / seconds };
  } finally {
    killGroup(child.child, 'SIGTERM');
    await child.exited;
  }
}

async function crashDrill(sql: Sql, redis: Redis, log: (m: string) => void) {
  const prefix = `levqor-bench-drill-${crypto.randomUUID().slice(0, 8)}`;
  const wf = await seedWorkflow(sql, FIVE_STEPS);
  const env = { REDIS_PREFIX: prefix, RUN_CONCURRENCY_PER_TENANT: '1000', RUN_WORKER_CONCURRENCY: String(CONCURRENCY), WORKER_LOCK_DURATION_MS: '2000' };
  const first = spawnNode(['workers/index.ts'], env);
  await first.ready('workers ready');
  const queue = new Queue('workflow-runs', { connection: redis, prefix });
  const ids = await queueRuns(sql, wf, DRILL);
  await drain(queue, sql, ids);
  await waitFor(async () => (await succeededOf(sql, ids)) >= DRILL / 3, 10 * 60_000, 'a third of the drill');
  killGroup(first.child, 'SIGKILL');
  await first.exited;
  const second = spawnNode(['workers/index.ts'], env);
  let lost = DRILL;
  try {
    await second.ready('workers ready');
    await waitFor(async () => (await succeededOf(sql, ids)) === DRILL, 10 * 60_000, 'the drill to finish').catch(() => null);
    lost = DRILL - (await succeededOf(sql, ids));
  } finally {
    killGroup(second.child, 'SIGTERM');
    await second.exited;
  }
  const [dup] = await sql`
    select count(*)::int as n from (
      select run_id, step_id from workflow_run_steps where run_id = any(${ids}::uuid[]) and status = 'succeeded'
      group by run_id, step_id having count(*) > 1) d`;
  const [retried] = await sql`select count(*)::int as n from workflow_run_steps where run_id = any(${ids}::uuid[]) and status = 'failed'`;
  await queue.obliterate({ force: true }).catch(() => null);
  await queue.close();
  log(`drill: lost ${lost}, duplicated steps ${dup!.n}, crashed attempts retried ${retried!.n}`);
  return { runs: DRILL, lost, duplicatedSteps: Number(dup!.n), crashedAttemptsRetried: Number(retried!.n) };
}

export const engine: Bench = {
  name: 'engine',
  description: 'workflow engine: runs/s vs the durable minimum, p95, worker RSS 10k vs 1k, webhook vs bare route, crash drill',
  needsServer: true,
  async run({ server, durationSec, log }) {
    const sql = postgres(BENCH_ENV.DATABASE_URL!, { max: 4, onnotice: () => {} });
    const redis = new Redis(BENCH_ENV.REDIS_URL!, { maxRetriesPerRequest: null });
    try {
      // Webhook first, while nothing else runs: accepted requests/s vs the bare route.
      const secret = `lvq_whsec_bench${crypto.randomUUID().replace(/-/g, '')}`;
      const hash = (await import('node:crypto')).createHash('sha256').update(secret).digest('hex');
      const hook = await seedWorkflow(sql, [{ id: 'hook', name: 'Hook', type: 'webhook_trigger', config: { method: 'POST' } }, ...FIVE_STEPS], { webhookSecretHash: hash });
      const hookUrl = `${server!.baseUrl}/api/hooks/${hook.workflowId}`;
      const probe = await fetch(hookUrl, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: '{"n":1}' });
      if (probe.status !== 202) throw new Error(`webhook preflight answered ${probe.status}: ${await probe.text()}`);
      const pulseUrl = `${server!.baseUrl}/api/system/pulse`;
      const hookOpts = { connections: HOOK_CONNECTIONS, durationSec, method: 'POST' as const, headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: '{"n":1}' };
      await measure(pulseUrl, { connections: HOOK_CONNECTIONS, durationSec: 2 });
      await measure(hookUrl, { ...hookOpts, durationSec: 2 });
      const rounds: { bare: Measurement; hook: Measurement }[] = [];
      for (let i = 0; i < 2; i++) {
        await settle(pulseUrl);
        const bare = await measure(pulseUrl, { connections: HOOK_CONNECTIONS, durationSec });
        await settle(pulseUrl);
        const hookM = await measure(hookUrl, hookOpts);
        rounds.push({ bare, hook: hookM });
      }
      const bestBare = Math.max(...rounds.map((r) => r.bare.reqPerSec));
      const bestHook = Math.max(...rounds.map((r) => r.hook.reqPerSec));
      const hookProblems = rounds.flatMap((r) => [...r.bare.problems, ...r.hook.problems]);
      log(`webhook ${bestHook.toFixed(0)} req/s vs bare ${bestBare.toFixed(0)} req/s`);
      // The accepted runs are not the engine rounds' work: without this, the next worker's outbox
      // relay would pick their pending dispatches up and run them inside the measured rounds.
      await sql`delete from workflow_runs where workflow_id = ${hook.workflowId}`;

      // Throughput: baseline and engine at N, interleaved order per round is not worth 4x the time here.
      const baseline = await baselineRound(sql, redis, RUNS, log);
      const big = await engineRound(sql, redis, RUNS, log);
      const small = await engineRound(sql, redis, SMALL, log);
      const drill = await crashDrill(sql, redis, log);

      const ratio = big.runsPerSec / baseline.runsPerSec;
      const rssRatio = big.peakRssMb / small.peakRssMb;
      const checks: Check[] = [
        check('engine runs/s vs durable-minimum baseline', ratio, '>=', 0.5),
        check('worker peak RSS 10k vs 1k runs', rssRatio, '<=', 1.2),
        check('webhook accepted req/s vs bare route (50 connections)', bestHook / bestBare, '>=', 0.5, hookProblems.length ? hookProblems.join('; ') : undefined),
        check('crash drill: runs lost', drill.lost, '<=', 0),
        check('crash drill: finished steps executed twice', drill.duplicatedSteps, '<=', 0),
      ];
      const tableText = [
        table(
          ['measurement', 'runs', 'seconds', 'runs/s', 'p50 queue-to-finish', 'p95 queue-to-finish', 'worker peak RSS'],
          [
            ['baseline: 1 job + 5 writes per run', baseline.runs, (baseline.seconds).toFixed(1), fmt.int(baseline.runsPerSec), '—', '—', '—'],
            ['engine, 5-step workflow', big.runs, (big.seconds).toFixed(1), fmt.int(big.runsPerSec), `${fmt.int(big.p50Ms)} ms`, `${fmt.int(big.p95Ms)} ms`, `${big.peakRssMb} MB`],
            ['engine, 5-step workflow', small.runs, (small.seconds).toFixed(1), fmt.int(small.runsPerSec), `${fmt.int(small.p50Ms)} ms`, `${fmt.int(small.p95Ms)} ms`, `${small.peakRssMb} MB`],
          ],
        ),
        table(
          ['round', 'bare route req/s', 'webhook req/s', 'webhook p99'],
          rounds.map((r, i) => [i + 1, fmt.int(r.bare.reqPerSec), fmt.int(r.hook.reqPerSec), `${fmt.int(r.hook.p99Ms)} ms`]),
        ),
        table(['crash drill', 'runs', 'lost', 'finished steps executed twice', 'crashed attempts retried'], [['SIGKILL at 1/3', drill.runs, drill.lost, drill.duplicatedSteps, drill.crashedAttemptsRetried]]),
      ].join('\n\n');
      return { table: tableText, checks, data: { baseline, big, small, rounds, drill, ratio, rssRatio } };
    } finally {
      redis.disconnect();
      await sql.end({ timeout: 5 });
    }
  },
};
