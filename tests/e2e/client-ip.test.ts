import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Per-IP limits behind the production web server (issue 11 #2): a second server, configured as
 * sitting behind one proxy, with rate limiting on and its own Redis prefix (the shared e2e server
 * runs with limits off so that browser tests do not trip them).
 */
const root = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env.E2E_PORT) + 7;
const base = `http://localhost:${port}`;
let server: ChildProcess;
let output = '';

beforeAll(async () => {
  server = spawn(process.execPath, [path.join(root, 'scripts/web-server.mjs'), '-p', String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      RATE_LIMIT_ENABLED: 'true',
      TRUSTED_PROXY_HOPS: '1',
      REDIS_PREFIX: `levqor-test-ip-${crypto.randomUUID()}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += String(d)));
  server.stderr!.on('data', (d) => (output += String(d)));
  for (;;) {
    if (server.exitCode !== null) throw new Error(`web server exited:\n${output}`);
    const ok = await fetch(`${base}/api/system/pulse`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // The health summary waits for the Redis connection: until it is up the limiter counts in
  // memory (its insurance), which would split this test's count in two.
  await fetch(`${base}/api/health/summary`);
}, 60_000);

afterAll(async () => {
  if (server?.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
});

const post = (headers: Record<string, string>) =>
  fetch(`${base}/api/auth/not-an-action`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

describe('client address for per-IP limits (TRUSTED_PROXY_HOPS=1)', () => {
  it('counts the address the trusted proxy appended, whatever the client puts before it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await post({
        'x-forwarded-for': `6.6.${i}.${i}, 203.0.113.77`,
        'x-levqor-client-ip': `7.7.${i}.${i}`,
        'x-real-ip': `8.8.${i}.${i}`,
      });
      statuses.push(res.status);
    }
    // The auth class allows at most 20 a minute per address: rotating the spoofable entries
    // does not make a fresh caller.
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(20);
    expect(statuses.slice(statuses.indexOf(429)).every((s) => s === 429)).toBe(true);
  });

  it('keeps different clients behind the proxy apart', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await post({ 'x-forwarded-for': `198.51.100.${i + 1}` })).status);
    expect(statuses).not.toContain(429);
  });
});
