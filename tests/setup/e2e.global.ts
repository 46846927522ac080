import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from '../../scripts/lib/build';
import { setup } from '../../scripts/lib/setup';
import { clearTestKeys } from './integration.global';

const root = path.resolve(import.meta.dirname, '../..');

/** Builds the app when sources changed and serves it with the production web server (scripts/web-server.mjs) on the test database. */
export default async function globalSetup() {
  await setup({ test: true, quiet: true });
  await clearTestKeys();
  await buildIfNeeded((m) => console.log(`[e2e] ${m}`));
  const port = process.env.E2E_PORT!;
  // vitest runs every global setup before any project: the server and worker started here live
  // through the unit and integration projects too. Their own Redis prefix keeps this worker from
  // taking the integration tests' queued runs (and the server's jobs from the tests' queues).
  const E2E_REDIS_PREFIX = `${process.env.REDIS_PREFIX}-e2e`;
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/web-server.mjs'), '-p', port], {
    cwd: root,
    // Every browser test signs in from the same address: per-IP limits (integration-tested in
    // tests/integration/rate-limit.test.ts) would turn a busy suite into 429s.
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', RATE_LIMIT_ENABLED: 'false', REDIS_PREFIX: E2E_REDIS_PREFIX },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d) => (output += String(d)));
  server.stderr!.on('data', (d) => (output += String(d)));

  const base = `http://localhost:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/system/pulse`)).ok) break;
    } catch {
      // starting
    }
    if (server.exitCode !== null || Date.now() > until) {
      throw new Error(`the web server did not come up on ${base}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // The worker process runs the workflows the browser tests start (SPEC P2).
  const workers: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '--max-old-space-size=128', REDIS_PREFIX: E2E_REDIS_PREFIX },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let workerOutput = '';
  workers.stdout!.on('data', (d) => (workerOutput += String(d)));
  workers.stderr!.on('data', (d) => (workerOutput += String(d)));
  // Warm the main routes so the first test does not pay for compilation of the route modules.
  await Promise.all(['/', '/sign-in', '/sign-up'].map((p) => fetch(`${base}${p}`).catch(() => null)));

  return async () => {
    server.kill('SIGTERM');
    if (workers.exitCode === null) {
      try {
        process.kill(-workers.pid!, 'SIGTERM');
      } catch {
        workers.kill('SIGTERM');
      }
    }
    await Promise.all([
      new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r))),
      new Promise((r) => (workers.exitCode !== null ? r(null) : workers.once('exit', r))),
    ]);
    if (process.env.E2E_SERVER_LOG) console.log(workerOutput);
    if (process.env.E2E_SERVER_LOG) console.log(output);
  };
}
