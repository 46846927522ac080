import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import postgres from 'postgres';

/**
 * Makes sure PostgreSQL and Redis answer. A local server that is installed but stopped is
 * started; a missing one stops the script with how to install one or point to one.
 */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ServiceError extends Error {}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

async function pgReachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

function maintenanceUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  u.pathname = '/postgres';
  return u.toString();
}

function tryStartLocalPostgres(log: (m: string) => void): boolean {
  if (existsSync('/etc/postgresql') && has('pg_ctlcluster')) {
    for (const version of readdirSync('/etc/postgresql')) {
      log(`Starting local PostgreSQL ${version} (pg_ctlcluster)...`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
    }
    return true;
  }
  for (const [cmd, args] of [
    ['brew', ['services', 'start', 'postgresql']],
    ['service', ['postgresql', 'start']],
  ] as const) {
    if (has(cmd)) {
      log(`Starting local PostgreSQL (${cmd})...`);
      spawnSync(cmd, [...args], { stdio: 'ignore' });
      return true;
    }
  }
  return false;
}

export async function ensurePostgres(databaseUrl: string, log: (m: string) => void = console.log): Promise<void> {
  const admin = maintenanceUrl(databaseUrl);
  if (await pgReachable(admin)) return;
  const host = new URL(databaseUrl).hostname;
  if (LOCAL_HOSTS.has(host) && tryStartLocalPostgres(log)) {
    for (let i = 0; i < 20; i++) {
      if (await pgReachable(admin)) return;
      await sleep(500);
    }
  }
  throw new ServiceError(
    `PostgreSQL is not reachable at ${new URL(databaseUrl).host}.\n` +
      `  Install it (Debian/Ubuntu: sudo apt-get install -y postgresql; macOS: brew install postgresql)\n` +
      `  or point DATABASE_URL at a running server (postgres://user:password@host:5432/levqor).`,
  );
}

/** Creates the database named in the URL when it does not exist. */
export async function ensureDatabase(databaseUrl: string, opts: { fresh?: boolean } = {}): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new ServiceError(`Unsupported database name "${name}"`);
  const sql = postgres(maintenanceUrl(databaseUrl), { max: 1, onnotice: () => {} });
  try {
    if (opts.fresh) {
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
    }
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function redisReachable(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export async function ensureRedis(redisUrl: string, log: (m: string) => void = console.log): Promise<void> {
  if (await redisReachable(redisUrl)) return;
  const u = new URL(redisUrl);
  if (LOCAL_HOSTS.has(u.hostname) && has('redis-server')) {
    log('Starting local Redis...');
    const port = u.port || '6379';
    spawnSync(
      'redis-server',
      ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', port, '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 20; i++) {
      if (await redisReachable(redisUrl)) return;
      await sleep(250);
    }
  }
  throw new ServiceError(
    `Redis is not reachable at ${u.host}.\n` +
      `  Install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis)\n` +
      `  or point REDIS_URL at a running server (redis://host:6379).`,
  );
}

export function gitRevision(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
