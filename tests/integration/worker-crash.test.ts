import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { reports } from '~/server/infra/db/schema';
import { createRedis } from '~/server/infra/redis';
import { setupTestDeps } from '../helpers/deps';

/**
 * Crash safety of the worker process (SPEC J1): a worker killed mid-job leaves the job to be
 * picked up again and completed once; SIGTERM lets the active job finish before exiting.
 * The job is held "in the middle" by a table lock the test owns, not by any test hook.
 */
const root = path.resolve(import.meta.dirname, '../..');
const deps = setupTestDeps();
const redis = createRedis('worker');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) killGroup(c, 'SIGKILL');
  redis.disconnect();
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

function startWorker(prefix: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts'], {
    cwd: root,
    env: { ...process.env, REDIS_PREFIX: prefix, WORKER_LOCK_DURATION_MS: '2000', LOG_LEVEL: 'info', LOG_FILE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await fn();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

/** Holds an exclusive lock on `reports` so the report job blocks when it tries to store. */
async function lockReports() {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const reserved = await sql.reserve();
  await reserved`begin`;
  await reserved`lock table reports in exclusive mode`;
  return async () => {
    await reserved`commit`;
    reserved.release();
    await sql.end({ timeout: 1 });
  };
}

describe('worker crash safety (SPEC J1)', () => {
  it('a worker killed mid-job leaves the job to another worker, which completes it once', async () => {
    const prefix = `levqor-test-crash-${crypto.randomUUID().slice(0, 8)}`;
    const week = '2025-W20';
    await deps.db.delete(reports).where(eq(reports.period, week));
    const queue = new Queue('reports', { connection: redis, prefix });
    const release = await lockReports();
    try {
      const first = startWorker(prefix);
      await until(async () => first.output(), (o) => o.includes('workers ready'));
      const job = await queue.add('weekly-report', { week });
      expect(await until(() => job.getState(), (s) => s === 'active')).toBe('active');
      await new Promise((r) => setTimeout(r, 500));
      killGroup(first.child, 'SIGKILL');
      await first.exited;
      expect(await job.getState()).toBe('active');
      await release();

      const second = startWorker(prefix);
      const state = await until(() => queue.getJobState(job.id!), (s) => s === 'completed', 40_000);
      expect(state).toBe('completed');
      const rows = await deps.db.select().from(reports).where(eq(reports.period, week));
      expect(rows).toHaveLength(1);
      expect(await queue.getCompletedCount()).toBe(1);
      killGroup(second.child, 'SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      await release().catch(() => null);
      await queue.obliterate({ force: true }).catch(() => null);
      await queue.close();
    }
  }, 90_000);

  it('SIGTERM lets the active job finish, then the worker exits cleanly', async () => {
    const prefix = `levqor-test-term-${crypto.randomUUID().slice(0, 8)}`;
    const week = '2025-W21';
    await deps.db.delete(reports).where(eq(reports.period, week));
    const queue = new Queue('reports', { connection: redis, prefix });
    const release = await lockReports();
    try {
      const worker = startWorker(prefix);
      await until(async () => worker.output(), (o) => o.includes('workers ready'));
      const job = await queue.add('weekly-report', { week });
      await until(() => job.getState(), (s) => s === 'active');
      killGroup(worker.child, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 1000));
      // Still running: it waits for the job instead of abandoning it.
      expect(worker.child.exitCode).toBeNull();
      await release();
      expect(await worker.exited).toBe(0);
      expect(await queue.getJobState(job.id!)).toBe('completed');
      expect(await deps.db.select().from(reports).where(eq(reports.period, week))).toHaveLength(1);
      expect(worker.output()).toContain('workers stopped');
    } finally {
      await release().catch(() => null);
      await queue.obliterate({ force: true }).catch(() => null);
      await queue.close();
    }
  }, 60_000);
});
