import { and, eq, gte, lt } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '~/server/infra/db/client';
import { incidents } from '~/server/infra/db/schema';
import { runHeartbeat } from '~/server/domain/health/heartbeat-job';
import { recordCheckResults } from '~/server/domain/health/incidents';
import { brainAnswers, checkReadiness, createHealthService, healthSummarySchema } from '~/server/domain/health/summary';
import { metrics } from '~/server/infra/metrics/registry';
import { workerHeartbeatKey, recordWorkerHeartbeat } from '~/server/domain/health/worker-heartbeat';
import { createRedis } from '~/server/infra/redis';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';
import { createTcpProxy } from '../helpers/tcp-proxy';

const deps = setupTestDeps();
const pgPort = Number(new URL(process.env.DATABASE_URL!).port || 5432);
const redisPort = Number(new URL(process.env.REDIS_URL!).port || 6379);
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await fn();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  } while (Date.now() < until);
  return last;
}

describe('health summary (SPEC H1)', () => {
  it('reports every field, ok when all is well, and hides secrets and host names', async () => {
    await recordWorkerHeartbeat(deps, { pid: 1 });
    const health = createHealthService({ ...deps, stripe: null, cacheSeconds: 0 });
    const summary = await health.summary({ verbose: true });
    expect(healthSummarySchema.strict().safeParse(summary).success).toBe(true);
    expect(summary).toMatchObject({ status: 'ok', app_up: true, db_ok: true, redis_ok: true, queue_ok: true, stripe_ok: 'not_configured' });
    expect(Object.keys(summary.checks!)).toEqual(['db', 'redis', 'queue', 'stripe']);
    const text = JSON.stringify(summary);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|postgres:|redis:|AUTH_SECRET/);
    const plain = await health.summary();
    expect(plain.checks).toBeUndefined();
  });

  it('feeds Prometheus the checks it ran and the heartbeat a brain_ok the AI engine earned (SPEC H6, H2)', async () => {
    await recordWorkerHeartbeat(deps, { pid: 1 });
    const health = createHealthService({ ...deps, stripe: null, cacheSeconds: 0 });
    await health.summary();
    const exposed = await metrics().registry.metrics();
    expect(exposed).toContain('levqor_health_check_ok{check="db",service="levqor"} 1');
    expect(exposed).toContain('levqor_health_check_ok{check="queue",service="levqor"} 1');
    expect(exposed).toContain('levqor_health_check_ok{check="stripe",service="levqor"} -1');
    const beat = await health.heartbeat();
    expect(beat).toMatchObject({ db_ok: true, stripe_ok: 'not_configured', brain_ok: true });
    expect(await brainAnswers()).toBe(true);

    // A failing check reads 0: a database that does not answer.
    const deadDb = createDb('postgres://postgres@127.0.0.1:1/levqor_test', { max: 1 });
    cleanups.push(() => deadDb.sql.end({ timeout: 1 }));
    await createHealthService({ db: deadDb.db, redis: deps.redis, stripe: null, cacheSeconds: 0 }).summary();
    expect(await metrics().registry.metrics()).toContain('levqor_health_check_ok{check="db",service="levqor"} 0');
  });

  it('is served from cache for a few seconds, one check run for many callers', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const health = createHealthService({ ...deps, stripe: null, cacheSeconds: 5, now: () => now });
    const first = await Promise.all(Array.from({ length: 50 }, () => health.summary()));
    expect(new Set(first.map((s) => s.checked_at)).size).toBe(1);
    now = new Date(now.getTime() + 4000);
    expect((await health.summary()).checked_at).toBe(first[0]!.checked_at);
    now = new Date(now.getTime() + 2000);
    expect((await health.summary()).checked_at).not.toBe(first[0]!.checked_at);
  });

  it('turns degraded when Redis is unreachable and recovers without a restart', async () => {
    const proxy = await createTcpProxy(redisPort);
    const redis = createRedis('web', `redis://127.0.0.1:${proxy.port}`);
    cleanups.push(() => redis.disconnect(), () => proxy.close());
    await recordWorkerHeartbeat(deps, { pid: 1 });
    const health = createHealthService({ db: deps.db, redis, stripe: null, cacheSeconds: 0 });
    expect((await eventually(() => health.summary(), (s) => s.status === 'ok')).status).toBe('ok');

    await proxy.cut();
    const down = await eventually(() => health.summary(), (s) => !s.redis_ok);
    expect(down).toMatchObject({ status: 'degraded', redis_ok: false, db_ok: true, app_up: true });

    await proxy.restore();
    const back = await eventually(() => health.summary(), (s) => s.redis_ok);
    expect(back).toMatchObject({ status: 'ok', redis_ok: true, queue_ok: true });
  });

  it('turns down, and readiness fails, when PostgreSQL is unreachable; recovers without a restart', async () => {
    const proxy = await createTcpProxy(pgPort);
    const url = new URL(process.env.DATABASE_URL!);
    url.port = String(proxy.port);
    const { db, sql } = createDb(url.toString(), { max: 2 });
    cleanups.push(() => sql.end({ timeout: 1 }), () => proxy.close());
    await recordWorkerHeartbeat(deps, { pid: 1 });
    const health = createHealthService({ db, redis: deps.redis, stripe: null, cacheSeconds: 0, timeoutMs: 800 });
    expect((await health.summary()).status).toBe('ok');
    expect(await checkReadiness({ db })).toEqual({ ready: true, db_ok: true });

    await proxy.cut();
    const down = await eventually(() => health.summary(), (s) => !s.db_ok);
    expect(down).toMatchObject({ status: 'down', db_ok: false, redis_ok: true, error_count: null });
    expect(await checkReadiness({ db, timeoutMs: 800 })).toEqual({ ready: false, db_ok: false });

    await proxy.restore();
    const back = await eventually(() => health.summary(), (s) => s.db_ok);
    expect(back.status).toBe('ok');
    expect(await checkReadiness({ db })).toEqual({ ready: true, db_ok: true });
  });

  it('says queue_ok false when the workers stopped sending heartbeats', async () => {
    await recordWorkerHeartbeat({ ...deps, now: () => new Date(Date.now() - 10 * 60_000) }, { pid: 1 });
    const health = createHealthService({ ...deps, stripe: null, cacheSeconds: 0 });
    expect(await health.summary()).toMatchObject({ status: 'degraded', queue_ok: false });
    // The verbose summary says why (issue 11 #1).
    expect((await health.summary({ verbose: true })).checks?.queue).toMatchObject({ ok: false, detail: expect.stringMatching(/heartbeat is \d+ s old/) });
    await deps.redis.del(workerHeartbeatKey());
    expect((await health.summary({ verbose: true })).checks?.queue).toMatchObject({ ok: false, detail: expect.stringMatching(/no worker heartbeat/) });
    await recordWorkerHeartbeat(deps, { pid: 1 });
    expect(await health.summary()).toMatchObject({ status: 'ok', queue_ok: true });
  });

  it('is the same through tRPC for anyone', async () => {
    await recordWorkerHeartbeat(deps, { pid: 1 });
    const anonymous = await callerFor(deps, null).health.summary();
    expect(anonymous).toMatchObject({ app_up: true, db_ok: true, redis_ok: true });
  });
});

describe('incidents (SPEC H3)', () => {
  const ok = { ok: true as const, latency_ms: 1 };
  const bad = { ok: false as const, latency_ms: 1 };

  // The demo-history test seeds incidents on a clock of its own, in the future: look at now only.
  const soon = () => new Date(Date.now() + 3_600_000);

  it('a failing check opens one incident, however often it is seen; recovery closes it', async () => {
    const started = new Date();
    const checks = { db: ok, redis: bad, queue: ok, stripe: { ok: 'not_configured' as const, latency_ms: 0 } };
    const first = await recordCheckResults(deps, checks);
    await recordCheckResults(deps, checks);
    await Promise.all([recordCheckResults(deps, checks), recordCheckResults(deps, checks)]);
    expect(first.opened).toEqual(['redis']);
    const open = await deps.db
      .select()
      .from(incidents)
      .where(and(eq(incidents.check, 'redis'), gte(incidents.openedAt, started), lt(incidents.openedAt, soon())));
    expect(open).toHaveLength(1);
    expect(open[0]!.resolvedAt).toBeNull();

    const recovered = await recordCheckResults(deps, { ...checks, redis: ok });
    expect(recovered.closed).toEqual(['redis']);
    await recordCheckResults(deps, { ...checks, redis: ok });
    const after = await deps.db.select().from(incidents).where(and(eq(incidents.check, 'redis'), gte(incidents.openedAt, started), lt(incidents.openedAt, soon())));
    expect(after).toHaveLength(1);
    expect(after[0]!.resolvedAt).toBeInstanceOf(Date);
  });

  it('records a database outage once the database is back, with when it started', async () => {
    const started = new Date();
    const outageStart = new Date(Date.now() - 120_000);
    const down = { db: bad, redis: ok, queue: ok, stripe: ok };
    await recordCheckResults({ ...deps, now: () => outageStart }, down);
    await recordCheckResults(deps, down);
    const back = await recordCheckResults(deps, { ...down, db: ok });
    expect(back.opened).toContain('db');
    const rows = await deps.db.select().from(incidents).where(and(eq(incidents.check, 'db'), gte(incidents.resolvedAt, started), lt(incidents.resolvedAt, soon())));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.openedAt.toISOString()).toBe(outageStart.toISOString());
  });

  it('the heartbeat job feeds last_incident_time and admins see the timeline', async () => {
    await runHeartbeat({ ...deps, stripe: null });
    const summary = await createHealthService({ ...deps, stripe: null, cacheSeconds: 0 }).summary();
    expect(summary.last_incident_time).not.toBeNull();
    const admin = await makeUser(deps.db, { role: 'admin' });
    const timeline = await callerFor(deps, admin).admin.incidents({ limit: 10, offset: 0 });
    expect(timeline.total).toBeGreaterThanOrEqual(2);
    expect(timeline.items[0]!.openedAt.getTime()).toBeGreaterThanOrEqual(timeline.items[1]!.openedAt.getTime());
    expect(timeline.items.every((i) => i.resolvedAt !== null)).toBe(true);
  });
});
