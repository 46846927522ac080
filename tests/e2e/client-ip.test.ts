import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecondServer } from './second-server';

/**
 * Per-IP limits behind the production web server (issue 11 #2): a second server, configured as
 * sitting behind one proxy, with rate limiting on and its own Redis prefix (the shared e2e server
 * runs with limits off so that browser tests do not trip them).
 */
const port = Number(process.env.E2E_PORT) + 7;
let server: Awaited<ReturnType<typeof startSecondServer>>;
let base = '';

beforeAll(async () => {
  server = await startSecondServer(port, {
    RATE_LIMIT_ENABLED: 'true',
    TRUSTED_PROXY_HOPS: '1',
    REDIS_PREFIX: `levqor-test-ip-${crypto.randomUUID()}`,
  });
  base = server.base;
  // The health summary waits for the Redis connection: until it is up the limiter counts in
  // memory (its insurance), which would split this test's count in two.
  await fetch(`${base}/api/health/summary`);
}, 60_000);

afterAll(async () => {
  await server?.stop();
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
