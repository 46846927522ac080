import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { logger } from '~/server/infra/logger';
import { createMailTransport } from '~/server/infra/mail/transport';
import { createRedis } from '~/server/infra/redis';
import { startWorkers } from '../../workers/runtime';
import { setupTestDeps } from '../helpers/deps';

/**
 * Issue 11 #1: a Redis without persistence that restarts comes back empty. The workers must put
 * their job schedulers back by themselves (on reconnect), not only at boot. The test runs its
 * own redis-server on a free port, so it can stop and start it.
 */
const deps = setupTestDeps();
const servers: ChildProcess[] = [];
afterAll(() => {
  for (const s of servers) s.kill('SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return child;
}

describe('schedulers after a Redis restart (issue 11 #1)', () => {
  it('are upserted again when the connection comes back, with no worker restart', async () => {
    const port = await freePort();
    let server = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    const workerRedis = createRedis('worker', url);
    const prefix = 'levqor-test-restart';
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: undefined });
    const running = await startWorkers({ db: deps.db, redis: workerRedis, stripe: null, mail, log: logger, prefix }, { closeGraceMs: 3000 });
    // Each look reads BullMQ's scheduler set directly on a fresh fail-fast connection: no client
    // state survives from before the restart.
    const keys = async () => {
      const conn = createRedis('web', url);
      try {
        await new Promise<void>((resolve, reject) => {
          conn.once('ready', () => resolve());
          conn.once('error', reject);
        });
        return (await conn.zrange(`${prefix}:maintenance:repeat`, '0', '-1')).sort();
      } finally {
        conn.disconnect();
      }
    };
    try {
      expect(await keys()).toEqual(['account-purge', 'engine-maintenance', 'tenant-lifecycle', 'upgrade-planner', 'usage-warnings', 'worker-heartbeat']);

      // The server dies without saving (as SHUTDOWN NOSAVE or a crash would), then the same port
      // again: an empty Redis.
      const exited = new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
      server.kill('SIGKILL');
      await exited;
      server = await startRedis(port);
      await expect.poll(() => keys().catch(() => []), { timeout: 20_000, interval: 200 }).toEqual(['account-purge', 'engine-maintenance', 'tenant-lifecycle', 'upgrade-planner', 'usage-warnings', 'worker-heartbeat']);
      // And they still stop: a graceful close that BullMQ cannot finish after the restart is
      // forced after the grace period instead of hanging the process.
      await running.close();
    } finally {
      await running.close().catch(() => null);
      workerRedis.disconnect();
      server.kill('SIGKILL');
    }
  }, 60_000);
});
