/**
 * The production server for benchmarks, prepared the way tests/setup/e2e.global.ts prepares it:
 * services + its own migrated database (scripts/lib/setup.ts in test mode), `next build` when
 * sources changed (scripts/lib/build.ts), then the production web server on BENCH_PORT (default 3300).
 *
 * The server is spawned in its own process group and is stopped on every way out: stop(),
 * an error, SIGINT/SIGTERM/SIGHUP, or process exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { buildIfNeeded } from '../../scripts/lib/build';
import type { ServerHandle } from './types';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const OUT_DIR = path.join(ROOT, 'bench', '.out');

export const BENCH_PORT = Number(process.env.BENCH_PORT ?? '3300');
const BASE_URL = `http://localhost:${BENCH_PORT}`;

/**
 * Fixed environment of a benchmark run, so that a developer's own DATABASE_URL or .env never
 * points benchmarks at real data (the same idea as vitest.config.ts's TEST_ENV).
 */
export const BENCH_ENV: Record<string, string> = {
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/levqor_bench',
  REDIS_URL: process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: 'levqor-bench',
  AUTH_SECRET: 'levqor-bench-secret-not-for-production-0123456789',
  SECRETS_KEY: 'YmVuY2gtb25seS1zZWNyZXRzLWtleS0zMi1ieXRlcyE=',
  APP_URL: BASE_URL,
  LOG_LEVEL: 'warn',
  // The load comes from one client address: per-IP limits would turn it into 429s.
  RATE_LIMIT_ENABLED: 'false',
  NEXT_TELEMETRY_DISABLED: '1',
};

export type BenchServer = ServerHandle & {
  stop(): Promise<void>;
  /** What the server printed (the last 256 kB). */
  output(): string;
};

const MAX_OUTPUT = 256 * 1024;
const running = new Set<ChildProcess>();
let handlersInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: next start and anything it forked
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function installCleanupHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGTERM');
  });
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes) as [NodeJS.Signals, number][]) {
    process.once(signal, () => {
      if (running.size) console.error(`\n[bench] ${signal}: stopping the server on port ${BENCH_PORT}...`);
      for (const child of running) killGroup(child, 'SIGTERM');
      process.exit(code);
    });
  }
}

async function portAnswers(port: number): Promise<boolean> {
  const tryHost = (host: string) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host });
      socket.setTimeout(1000);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(false));
    });
  const answers = await Promise.all([tryHost('127.0.0.1'), tryHost('::1')]);
  return answers.some(Boolean);
}

async function clearBenchKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function assertPortFree(): Promise<void> {
  if (!Number.isInteger(BENCH_PORT) || BENCH_PORT < 1 || BENCH_PORT > 65_535) {
    throw new Error(`BENCH_PORT must be a port number, got "${process.env.BENCH_PORT}"`);
  }
  if (await portAnswers(BENCH_PORT)) {
    throw new Error(`Port ${BENCH_PORT} is already in use: stop what listens there or set BENCH_PORT to a free port.`);
  }
}

/**
 * PostgreSQL and Redis up, the bench database created and migrated, the bench Redis prefix
 * emptied, the app built when its sources changed.
 */
export async function prepare(log: (m: string) => void): Promise<void> {
  await assertPortFree(); // before a build that may take a while
  // This process prepares like the test runner does (NODE_ENV=test: .env.local is not read);
  // the server itself runs in production mode.
  Object.assign(process.env, BENCH_ENV, { NODE_ENV: 'test' });
  const dbName = new URL(BENCH_ENV.DATABASE_URL!).pathname.slice(1);
  log(`Preparing services and database ${dbName}...`);
  // Imported here, after the environment is set: setup loads .env files and validates env on import.
  const { setup } = await import('../../scripts/lib/setup');
  await setup({ test: true, quiet: true });
  await clearBenchKeys(BENCH_ENV.REDIS_URL!, BENCH_ENV.REDIS_PREFIX!);
  buildIfNeeded((m) => log(m));
}

/** Starts the production web server (scripts/web-server.mjs) on BENCH_PORT and resolves once /api/system/pulse answers 200. */
export async function startServer(log: (m: string) => void): Promise<BenchServer> {
  await assertPortFree();
  installCleanupHandlers();
  log(`Starting the web server on ${BASE_URL}...`);
  // No -H: binding to 127.0.0.1 breaks the locale rewrite (PLATFORM-NOTES); clients use localhost.
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'web-server.mjs'), '-p', String(BENCH_PORT)], {
    cwd: ROOT,
    env: { ...process.env, ...BENCH_ENV, NODE_ENV: 'production', PORT: String(BENCH_PORT) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, stopped as a group
  });
  running.add(child);
  child.once('exit', () => running.delete(child));

  let output = '';
  const append = (d: Buffer) => {
    output += d.toString();
    if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, 'server.log'), output);
  };

  const started = Date.now();
  const until = started + 60_000;
  try {
    for (;;) {
      try {
        if ((await fetch(`${BASE_URL}/api/system/pulse`, { signal: AbortSignal.timeout(2000) })).ok) break;
      } catch {
        // starting
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the web server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output}`);
      }
      if (Date.now() > until) throw new Error(`the web server did not answer on ${BASE_URL} within 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  log(`Server up in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}).`);
  return { baseUrl: BASE_URL, port: BENCH_PORT, stop, output: () => output };
}
