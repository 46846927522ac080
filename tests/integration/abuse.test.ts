import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { count, eq, max } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { abuseCardsKey, abuseWindowKey, assertNotBlocked, isBlocked, listAbuseSignals, recordAbuseEvent, type AbuseEvent, type RecordAbuseDeps } from '~/server/domain/abuse/signals';
import { hashClientIp } from '~/server/domain/abuse/hash';
import { MemoryWindowStore } from '~/server/domain/abuse/windows';
import { applyWindowsInRedis, type WindowSpec } from '~/server/domain/abuse/windows';
import { createDb } from '~/server/infra/db/client';
import { abuseSignals } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { createLogger } from '~/server/infra/logger';
import { createRedis, redisKey } from '~/server/infra/redis';
import { setupTestDeps } from '../helpers/deps';

const deps = setupTestDeps();

/** A fresh IP per test (10/8, random), so parallel files and earlier runs never share a window. */
const uniqueIp = () => `10.${[...randomBytes(3)].join('.')}`;

/** A pino logger (with Levqor's redaction) writing every line, debug and up, into memory. */
function captureLogs() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const log = createLogger(sink);
  log.level = 'debug';
  const entries = () => lines.map((l) => JSON.parse(l) as { level: number; msg: string; abuse?: Record<string, unknown> });
  return { log, lines, warnings: () => entries().filter((e) => e.level === 40), errors: () => entries().filter((e) => e.level === 50) };
}

/** Fixed instants, 10 s into a 10-minute (and 1-hour) bucket. */
const T0 = Date.UTC(2030, 0, 15, 12, 0, 10);
const at = (ms: number) => () => new Date(ms);

const rowsFor = (ip: string) => deps.db.select().from(abuseSignals).where(eq(abuseSignals.ipHash, hashClientIp(ip)!));

function setup(opts: { enforce?: boolean; now?: number } = {}) {
  const logs = captureLogs();
  const base: RecordAbuseDeps = { db: deps.db, redis: deps.redis, log: logs.log, enforce: opts.enforce ?? false, now: at(opts.now ?? T0) };
  const record = (event: AbuseEvent, nowMs?: number) => recordAbuseEvent(nowMs === undefined ? base : { ...base, now: at(nowMs) }, event);
  return { logs, base, record };
}

describe('abuse signals: rapid sign-ups (SPEC H8)', () => {
  it('raises one signal on the third sign-up from an IP, logged at WARNING without the IP', async () => {
    const ip = uniqueIp();
    const { logs, record } = setup();

    expect(await record({ kind: 'signup', ip })).toEqual({ signals: [], blocked: false });
    expect(await record({ kind: 'signup', ip }, T0 + 1000)).toEqual({ signals: [], blocked: false });
    expect(await rowsFor(ip)).toHaveLength(0);
    expect(logs.warnings()).toHaveLength(0);

    const third = await record({ kind: 'signup', ip }, T0 + 2000);
    expect(third).toEqual({
      signals: [{ kind: 'rapid_signups', count: 3, threshold: 3, windowSeconds: 600, enforced: false, reason: 'events' }],
      blocked: false,
    });

    const rows = await rowsFor(ip);
    expect(rows).toHaveLength(1);
    const ipHash = hashClientIp(ip)!;
    expect(rows[0]).toMatchObject({
      kind: 'rapid_signups',
      ipHash,
      count: 3,
      threshold: 3,
      windowSeconds: 600,
      enforced: false,
      bucketStart: new Date(Date.UTC(2030, 0, 15, 12, 0, 0)),
      firstSeenAt: new Date(T0 + 2000),
      lastSeenAt: new Date(T0 + 2000),
    });
    expect(ipHash).toMatch(/^[0-9a-f]{32}$/);

    const warnings = logs.warnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain('rapid_signups');
    expect(warnings[0]!.msg).toContain(ipHash.slice(0, 12));
    expect(warnings[0]!.msg).toMatch(/count 3 >= threshold 3/);
    expect(warnings[0]!.abuse).toMatchObject({ kind: 'rapid_signups', ipHashPrefix: ipHash.slice(0, 12), count: 3, threshold: 3, enforced: false, store: 'redis' });

    // The raw IP is nowhere: not in a log line, a row, a Redis key or a member.
    for (const line of logs.lines) expect(line).not.toContain(ip);
    expect(JSON.stringify(rows)).not.toContain(ip);
    const key = abuseWindowKey('rapid_signups', ipHash);
    expect(key).toBe(redisKey('abuse', 'rapid_signups', ipHash));
    expect(key).not.toContain(ip);
    const members = await deps.redis.zrange(key, 0, '-1');
    expect(members).toHaveLength(3);
    for (const m of members) expect(m).not.toContain(ip);
    const ttl = await deps.redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600_000);
  });

  it('keeps exactly one row per bucket while sign-ups go on, updating count and last seen', async () => {
    const ip = uniqueIp();
    const { logs, record } = setup();
    for (let i = 0; i < 3; i++) await record({ kind: 'signup', ip }, T0 + i * 1000);
    for (let i = 3; i < 13; i++) {
      const r = await record({ kind: 'signup', ip }, T0 + i * 1000);
      expect(r.signals[0]).toMatchObject({ kind: 'rapid_signups', count: i + 1 });
    }
    const rows = await rowsFor(ip);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 13, firstSeenAt: new Date(T0 + 2000), lastSeenAt: new Date(T0 + 12_000) });
    // One WARNING per kind, IP and bucket: the rest of an ongoing signal is debug.
    expect(logs.warnings()).toHaveLength(1);
  });

  it('counts 20 concurrent sign-ups from one IP exactly (atomic windows, one row)', async () => {
    const ip = uniqueIp();
    const { logs, record } = setup();
    const results = await Promise.all(Array.from({ length: 20 }, () => record({ kind: 'signup', ip })));
    const counts = results.flatMap((r) => r.signals.map((s) => s.count)).sort((a, b) => a - b);
    // Each event saw its own count: 1 and 2 below the threshold, then 3..20 exactly once each.
    expect(counts).toEqual(Array.from({ length: 18 }, (_, i) => i + 3));
    expect(await deps.redis.zcard(abuseWindowKey('rapid_signups', hashClientIp(ip)!))).toBe(20);
    const rows = await rowsFor(ip);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(20);
    expect(logs.warnings()).toHaveLength(1);
  });

  it('stops counting events once they are older than the window', async () => {
    const ip = uniqueIp();
    const { record, base } = setup({ enforce: true });
    await record({ kind: 'signup', ip }, T0);
    await record({ kind: 'signup', ip }, T0 + 300_000);
    // 10 min + 1 s later the first has left the window: 2 in it, no signal.
    expect((await record({ kind: 'signup', ip }, T0 + 601_000)).signals).toEqual([]);
    const fourth = await record({ kind: 'signup', ip }, T0 + 650_000);
    expect(fourth.signals[0]).toMatchObject({ kind: 'rapid_signups', count: 3 });
    // Blocked until the oldest of the three (T0 + 300 s) leaves: 250 s from now.
    expect(fourth).toMatchObject({ blocked: true, retryAfterSeconds: 250 });
    expect(await isBlocked({ ...base, now: at(T0 + 899_000) }, { ip })).toBe(true);
    expect(await isBlocked({ ...base, now: at(T0 + 900_000) }, { ip })).toBe(false);
    // Much later the whole window is empty again.
    expect((await record({ kind: 'signup', ip }, T0 + 3 * 3_600_000)).signals).toEqual([]);
  });
});

describe('abuse signals: enforcement flag (SPEC H8)', () => {
  it('is log-only when off: never blocked, and the pre-check passes', async () => {
    const ip = uniqueIp();
    const { record, base } = setup({ enforce: false });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await record({ kind: 'signup', ip }));
    expect(results.every((r) => !r.blocked)).toBe(true);
    expect(results[4]!.signals).toHaveLength(1);
    expect(await isBlocked(base, { ip })).toBe(false);
    await expect(assertNotBlocked(base, { ip })).resolves.toBeUndefined();
  });

  it('blocks the flagged IP only when on, across kinds, with a retry-after', async () => {
    const ip = uniqueIp();
    const other = uniqueIp();
    const { record, base } = setup({ enforce: true });
    expect((await record({ kind: 'signup', ip })).blocked).toBe(false);
    expect((await record({ kind: 'signup', ip })).blocked).toBe(false);
    const third = await record({ kind: 'signup', ip });
    expect(third).toMatchObject({ blocked: true, retryAfterSeconds: 600, signals: [{ kind: 'rapid_signups', enforced: true }] });
    expect((await rowsFor(ip))[0]!.enforced).toBe(true);

    expect(await isBlocked(base, { ip })).toBe(true);
    expect(await isBlocked(base, { ip: other })).toBe(false);
    expect((await record({ kind: 'signup', ip: other })).blocked).toBe(false);
    // A flagged IP is blocked whatever it does next, though that window has no signal itself.
    expect(await record({ kind: 'failed_checkout', ip })).toMatchObject({ signals: [], blocked: true });

    const error = await assertNotBlocked(base, { ip }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TOO_MANY_REQUESTS');
    expect((error as AppError).retryAfterSeconds).toBe(600);
    // The same state with enforcement off: log-only.
    expect(await isBlocked({ ...base, enforce: false }, { ip })).toBe(false);
    // No IP, nothing to hold against anyone.
    expect(await isBlocked(base, { ip: null })).toBe(false);
    expect(await record({ kind: 'signup', ip: '' })).toEqual({ signals: [], blocked: false });
  });
});

describe('abuse signals: checkouts and card testing (SPEC H8)', () => {
  it('fires on the third failed checkout within an hour', async () => {
    const ip = uniqueIp();
    const { record } = setup();
    expect((await record({ kind: 'failed_checkout', ip }, T0)).signals).toEqual([]);
    expect((await record({ kind: 'failed_checkout', ip }, T0 + 20 * 60_000)).signals).toEqual([]);
    const third = await record({ kind: 'failed_checkout', ip }, T0 + 40 * 60_000);
    expect(third.signals).toEqual([{ kind: 'failed_checkouts', count: 3, threshold: 3, windowSeconds: 3600, enforced: false, reason: 'events' }]);
    const rows = await rowsFor(ip);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'failed_checkouts', bucketStart: new Date(Date.UTC(2030, 0, 15, 12, 0, 0)) });
  });

  it('fires when 3 distinct cards fail from one IP, without storing the fingerprints', async () => {
    const ip = uniqueIp();
    const { record } = setup();
    const cards = ['fp_test_A1b2C3', 'fp_test_D4e5F6', 'fp_test_G7h8I9'];
    // The same card failing twice is one distinct card.
    expect((await record({ kind: 'payment_failure', ip, cardFingerprint: cards[0] })).signals).toEqual([]);
    expect((await record({ kind: 'payment_failure', ip, cardFingerprint: cards[0] })).signals).toEqual([]);
    expect((await record({ kind: 'payment_failure', ip, cardFingerprint: cards[1] })).signals).toEqual([]);
    const third = await record({ kind: 'payment_failure', ip, cardFingerprint: cards[2] });
    expect(third.signals).toEqual([{ kind: 'card_testing', count: 3, threshold: 3, windowSeconds: 600, enforced: false, reason: 'distinct_cards' }]);

    const ipHash = hashClientIp(ip)!;
    const stored = await deps.redis.zrange(abuseCardsKey(ipHash), 0, '-1');
    expect(stored).toHaveLength(3);
    for (const card of cards) expect(stored.join(' ')).not.toContain(card);
    // 4 failures so far; the 5th crosses the attempts threshold, which now takes precedence.
    const fifth = await record({ kind: 'payment_failure', ip });
    expect(fifth.signals[0]).toMatchObject({ kind: 'card_testing', count: 5, threshold: 5, reason: 'events' });
    const rows = await rowsFor(ip);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'card_testing', count: 5, threshold: 5 });
  });

  it('fires on 5 failed payments with one card (or none) within 10 minutes', async () => {
    const ip = uniqueIp();
    const { record } = setup();
    for (let i = 0; i < 4; i++) {
      expect((await record({ kind: 'payment_failure', ip, cardFingerprint: i % 2 ? 'fp_same' : null }, T0 + i * 60_000)).signals).toEqual([]);
    }
    const fifth = await record({ kind: 'payment_failure', ip, cardFingerprint: 'fp_same' }, T0 + 5 * 60_000);
    expect(fifth.signals).toEqual([{ kind: 'card_testing', count: 5, threshold: 5, windowSeconds: 600, enforced: false, reason: 'events' }]);
  });

  it('takes thresholds and windows from the config', async () => {
    const ip = uniqueIp();
    const { base } = setup();
    const config = { failed_checkouts: { threshold: 2, windowSeconds: 60 } };
    expect((await recordAbuseEvent({ ...base, config }, { kind: 'failed_checkout', ip })).signals).toEqual([]);
    const second = await recordAbuseEvent({ ...base, config, now: at(T0 + 30_000) }, { kind: 'failed_checkout', ip });
    expect(second.signals).toEqual([{ kind: 'failed_checkouts', count: 2, threshold: 2, windowSeconds: 60, enforced: false, reason: 'events' }]);
    expect((await rowsFor(ip))[0]).toMatchObject({ threshold: 2, windowSeconds: 60, bucketStart: new Date(Date.UTC(2030, 0, 15, 12, 0, 0)) });
  });
});

describe('abuse signals when Redis or PostgreSQL is down (SPEC H8, §5)', () => {
  const deadRedis = createRedis('web', 'redis://127.0.0.1:1');
  const deadDb = createDb('postgres://postgres@127.0.0.1:1/levqor_test', { max: 1 });
  afterAll(async () => {
    deadRedis.disconnect();
    await deadDb.sql.end({ timeout: 1 });
  });

  it('never throws, counts in memory, still raises and stores the signal, and warns once', async () => {
    const ip = uniqueIp();
    const logs = captureLogs();
    const memory = new MemoryWindowStore();
    const d: RecordAbuseDeps = { db: deps.db, redis: deadRedis, log: logs.log, enforce: true, memory, now: at(T0) };
    const started = performance.now();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await recordAbuseEvent(d, { kind: 'signup', ip }));
    expect(performance.now() - started).toBeLessThan(2500);
    expect(results[0]).toEqual({ signals: [], blocked: false });
    expect(results[2]).toMatchObject({ blocked: true, signals: [{ kind: 'rapid_signups', count: 3 }] });
    expect(await rowsFor(ip)).toHaveLength(1);
    expect(await isBlocked(d, { ip })).toBe(true);
    expect(await isBlocked(d, { ip: uniqueIp() })).toBe(false);

    const warnings = logs.warnings();
    expect(warnings.filter((w) => w.msg.includes('Redis unavailable'))).toHaveLength(1);
    expect(warnings.filter((w) => w.msg.includes('abuse signal rapid_signups'))).toHaveLength(1);
    expect(warnings.find((w) => w.msg.includes('abuse signal'))!.abuse).toMatchObject({ store: 'memory' });
    for (const line of logs.lines) expect(line).not.toContain(ip);

    // Redis back: the next event goes to Redis again, and that is said once.
    await recordAbuseEvent({ ...d, redis: deps.redis }, { kind: 'signup', ip: uniqueIp() });
    expect(logs.lines.filter((l) => l.includes('Redis reachable again'))).toHaveLength(1);
    expect(memory.fallbackActive).toBe(false);
  });

  it('still answers when PostgreSQL is down too: the signal is logged, the error reported', async () => {
    const ip = uniqueIp();
    const logs = captureLogs();
    const d: RecordAbuseDeps = { db: deadDb.db, redis: deadRedis, log: logs.log, enforce: false, memory: new MemoryWindowStore(), now: at(T0) };
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await recordAbuseEvent(d, { kind: 'signup', ip }));
    expect(results[2]).toMatchObject({ blocked: false, signals: [{ kind: 'rapid_signups', count: 3 }] });
    expect(logs.errors().some((e) => e.msg.includes('storing a signal failed'))).toBe(true);
    expect(logs.warnings().filter((w) => w.msg.includes('abuse signal rapid_signups'))).toHaveLength(1);
    for (const line of logs.lines) expect(line).not.toContain(ip);
  });
});

describe('abuse windows: Redis script and memory fallback agree', () => {
  it('gives the same counts and release times for the same sequence', async () => {
    const prefix = redisKey('abuse', 'parity', randomBytes(6).toString('hex'));
    const memory = new MemoryWindowStore();
    const steps: { t: number; add?: [number, string] }[] = [
      { t: 0, add: [0, 'a'] },
      { t: 1000, add: [0, 'b'] },
      { t: 2000, add: [1, 'card-1'] },
      { t: 3000, add: [1, 'card-1'] },
      { t: 4000, add: [0, 'c'] },
      { t: 5000 },
      { t: 9500, add: [0, 'd'] },
      { t: 10_500, add: [1, 'card-2'] },
      { t: 11_000, add: [0, 'e'] },
      { t: 11_500, add: [0, 'f'] },
      { t: 12_000, add: [0, 'g'] },
      { t: 30_000 },
    ];
    for (const step of steps) {
      const specs: WindowSpec[] = [
        { key: `${prefix}:events`, windowMs: 10_000, threshold: 3, add: step.add?.[0] === 0 ? step.add[1] : undefined },
        { key: `${prefix}:cards`, windowMs: 10_000, threshold: 2, add: step.add?.[0] === 1 ? step.add[1] : undefined },
      ];
      const fromRedis = await applyWindowsInRedis(deps.redis, specs, T0 + step.t, 4);
      expect(memory.apply(specs, T0 + step.t, 4), `at +${step.t} ms`).toEqual(fromRedis);
    }
  });
});

describe('abuse signals: admin list (SPEC H8)', () => {
  it('lists newest first with only the hash prefix, paginates and filters by kind', async () => {
    // Later than anything earlier runs or other tests wrote, so these are the newest rows.
    const [latest] = await deps.db.select({ at: max(abuseSignals.lastSeenAt) }).from(abuseSignals);
    const base = Math.max(latest?.at?.getTime() ?? 0, Date.now()) + 3_600_000;
    const { base: d } = setup();
    const config = { rapid_signups: { threshold: 1 }, failed_checkouts: { threshold: 1 } };
    const ips = [uniqueIp(), uniqueIp(), uniqueIp(), uniqueIp()];
    for (let i = 0; i < 3; i++) await recordAbuseEvent({ ...d, config, now: at(base + i * 60_000) }, { kind: 'signup', ip: ips[i]! });
    await recordAbuseEvent({ ...d, config, now: at(base + 3 * 60_000) }, { kind: 'failed_checkout', ip: ips[3]! });
    const prefixes = ips.map((ip) => hashClientIp(ip)!.slice(0, 12));

    const page1 = await listAbuseSignals(deps, { limit: 2, offset: 0 });
    const page2 = await listAbuseSignals(deps, { limit: 2, offset: 2 });
    const [all] = await deps.db.select({ n: count() }).from(abuseSignals);
    expect(page1.total).toBe(all!.n);
    expect(page1.total).toBeGreaterThanOrEqual(4);
    expect(page1.items.map((r) => r.ipHashPrefix)).toEqual([prefixes[3], prefixes[2]]);
    expect(page2.items.map((r) => r.ipHashPrefix)).toEqual([prefixes[1], prefixes[0]]);
    expect(page1.items[0]).toEqual({
      id: expect.any(String),
      kind: 'failed_checkouts',
      ipHashPrefix: prefixes[3],
      count: 1,
      threshold: 1,
      windowSeconds: 3600,
      enforced: false,
      firstSeenAt: new Date(base + 3 * 60_000),
      lastSeenAt: new Date(base + 3 * 60_000),
    });

    const signups = await listAbuseSignals(deps, { limit: 3, offset: 0, kind: 'rapid_signups' });
    const [kindTotal] = await deps.db.select({ n: count() }).from(abuseSignals).where(eq(abuseSignals.kind, 'rapid_signups'));
    expect(signups.total).toBe(kindTotal!.n);
    expect(signups.items.map((r) => r.ipHashPrefix)).toEqual([prefixes[2], prefixes[1], prefixes[0]]);
    expect(signups.items.every((r) => r.kind === 'rapid_signups')).toBe(true);

    const checkouts = await listAbuseSignals(deps, { limit: 100, offset: 0, kind: 'failed_checkouts' });
    expect(checkouts.items.every((r) => r.kind === 'failed_checkouts')).toBe(true);
    expect(checkouts.items[0]!.ipHashPrefix).toBe(prefixes[3]);
    const [checkoutTotal] = await deps.db.select({ n: count() }).from(abuseSignals).where(eq(abuseSignals.kind, 'failed_checkouts'));
    expect(checkouts.total).toBe(checkoutTotal!.n);

    // Past the end: empty page, same total. Bad parameters: a 400, not a crash.
    expect((await listAbuseSignals(deps, { limit: 2, offset: 1_000_000 })).items).toEqual([]);
    const bad = await listAbuseSignals(deps, { limit: 0, offset: 0 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).code).toBe('BAD_REQUEST');
    await expect(listAbuseSignals(deps, { limit: 5, offset: 0, kind: 'nope' as 'card_testing' })).rejects.toBeInstanceOf(AppError);
  });
});
