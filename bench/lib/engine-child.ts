/**
 * The baseline of the engine benchmark (bench/engine.ts), started as
 *
 *   node --import tsx bench/lib/engine-child.ts '<json arguments>'
 *
 * with DATABASE_URL and REDIS_URL set by the parent: a BullMQ Worker on its own queue doing the
 * durable minimum per run — one job per run, one PostgreSQL write per step, nothing else (no
 * run row, no outbox, no locks, no templating). It prints "baseline ready" and runs until
 * SIGTERM.
 */
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import postgres from 'postgres';

const args = JSON.parse(process.argv[2] ?? '{}') as { prefix: string; queue: string; steps: number; concurrency: number };
const sql = postgres(process.env.DATABASE_URL!, { max: 5, onnotice: () => {} });
const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const worker = new Worker(
  args.queue,
  async (job) => {
    const runId = String((job.data as { runId: string }).runId);
    for (let step = 0; step < args.steps; step++) {
      await sql`insert into bench_baseline_steps (run_id, step, at) values (${runId}, ${step}, now())`;
    }
  },
  { connection, prefix: args.prefix, concurrency: args.concurrency, removeOnComplete: { count: 100 } },
);
await worker.waitUntilReady();
console.log('baseline ready');
const stop = async () => {
  await worker.close();
  await connection.quit();
  await sql.end({ timeout: 5 });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
