import { spawn } from 'node:child_process';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { logger } from '~/server/infra/logger';
import { createMailTransport } from '~/server/infra/mail/transport';
import { readWorkerHeartbeat, workerHeartbeatKey } from '~/server/domain/health/worker-heartbeat';
import { createRedis } from '~/server/infra/redis';
import { startWorkers } from '../../workers/runtime';
import { setupTestDeps } from '../helpers/deps';

const root = path.resolve(import.meta.dirname, '../..');
const deps = setupTestDeps();
const noMail = createMailTransport({ resendApiKey: undefined, smtpUrl: undefined });
const workerRedis = createRedis('worker');
afterAll(() => workerRedis.disconnect());

describe('worker process (SPEC J1)', () => {
  it('upserts each job scheduler exactly once across two boots', async () => {
    const prefix = `levqor-test:boot-${crypto.randomUUID().slice(0, 8)}`;
    const first = await startWorkers({ db: deps.db, redis: workerRedis, stripe: null, mail: noMail, log: logger, prefix });
    await first.close();
    const second = await startWorkers({ db: deps.db, redis: workerRedis, stripe: null, mail: noMail, log: logger, prefix });
    const queue = new Queue('maintenance', { connection: workerRedis, prefix });
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(['account-purge', 'engine-maintenance', 'tenant-lifecycle', 'upgrade-planner', 'usage-warnings', 'worker-heartbeat']);
    expect(schedulers.find((s) => s.key === 'worker-heartbeat')!.every).toBe(60_000);
    const all = await Promise.all(
      (['marketing', 'reports', 'growth', 'maintenance'] as const).map(async (name) => {
        const q = new Queue(name, { connection: workerRedis, prefix });
        const list = await q.getJobSchedulers();
        await q.close();
        return list.map((s) => ({ key: s.key, pattern: s.pattern ?? null, tz: s.tz ?? null }));
      }),
    );
    expect(all.flat().sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'account-purge', pattern: '30 3 * * *', tz: 'UTC' },
      { key: 'engine-maintenance', pattern: null, tz: null },
      { key: 'growth-rollup-daily', pattern: '10 0 * * *', tz: 'UTC' },
      { key: 'marketing-daily', pattern: '0 8 * * *', tz: 'Europe/London' },
      { key: 'tenant-lifecycle', pattern: '5 * * * *', tz: 'UTC' },
      { key: 'tenant-reports', pattern: '0 8 * * 1', tz: 'Europe/London' },
      { key: 'upgrade-planner', pattern: '15 */6 * * *', tz: 'UTC' },
      { key: 'usage-warnings', pattern: null, tz: null },
      { key: 'weekly-report', pattern: '0 8 * * 1', tz: 'Europe/London' },
      { key: 'worker-heartbeat', pattern: null, tz: null },
    ]);
    await second.close();
    await queue.close();
  });

  it('runs the heartbeat job and fails a malformed payload once, with the reason', async () => {
    const prefix = `levqor-test:jobs-${crypto.randomUUID().slice(0, 8)}`;
    const running = await startWorkers({ db: deps.db, redis: workerRedis, stripe: null, mail: noMail, log: logger, prefix });
    const queue = new Queue('maintenance', { connection: workerRedis, prefix });
    const events = new QueueEvents('maintenance', { connection: createRedis('worker'), prefix });
    await events.waitUntilReady();
    try {
      await deps.redis.del(workerHeartbeatKey());
      const ok = await queue.add('heartbeat', {});
      await ok.waitUntilFinished(events, 10_000);
      expect(await readWorkerHeartbeat(deps)).toMatchObject({ pid: process.pid });

      const bad = await queue.add('heartbeat', { unexpected: true }, { attempts: 5 });
      await expect(bad.waitUntilFinished(events, 10_000)).rejects.toThrow(/Invalid payload for heartbeat/);
      const failed = await queue.getJob(bad.id!);
      expect(failed!.attemptsMade).toBe(1);
      expect(await failed!.getState()).toBe('failed');
    } finally {
      await running.close();
      await queue.close();
      await events.close();
    }
  });

  it('starts as its own process and stops cleanly on SIGTERM', async () => {
    await deps.redis.del(workerHeartbeatKey());
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts'], {
      cwd: root,
      // Its log goes to stdout (not the suite's log file) so the test can watch it.
      env: { ...process.env, LOG_LEVEL: 'info', LOG_FILE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    onTestFinished(() => {
      // tsx runs the worker in a grandchild: kill the whole process group.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    });

    const until = Date.now() + 20_000;
    while (!output.includes('workers ready') && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('workers ready');
    const beat = await readWorkerHeartbeat(deps);
    expect(Date.now() - new Date(beat!.at).getTime()).toBeLessThan(20_000);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('workers stopped');
  });
});
