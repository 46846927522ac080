import { randomBytes } from 'node:crypto';
import { asc, eq, like, or } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createDb } from '~/server/infra/db/client';
import { telemetryEvents } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { createTelemetryWriter } from '~/server/domain/telemetry/log';
import { setupTestDeps } from '../helpers/deps';

const deps = setupTestDeps();

const tag = (label: string) => `${label}${Array.from(randomBytes(12), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const rowsFor = (key: string) =>
  deps.db
    .select()
    .from(telemetryEvents)
    .where(or(like(telemetryEvents.name, `${key}%`), like(telemetryEvents.endpoint, `%${key}%`)))
    .orderBy(asc(telemetryEvents.createdAt), asc(telemetryEvents.id));

/** A clock the test moves; rows land in a past minute so that no "today" figure is touched. */
function clock(iso: string) {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), set: (next: string) => void (t = new Date(next).getTime()) };
}

describe('buffered telemetry writer (SPEC H7)', () => {
  it('aggregates 100 performance samples of one endpoint-minute into one row', async () => {
    const endpoint = `/api/${tag('agg')}`;
    const c = clock('2011-03-04T10:15:07.000Z');
    const writer = createTelemetryWriter({ db: deps.db, now: c.now, flushIntervalMs: 60_000 });
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const ms = 10 + i * 3.5;
      total += ms;
      c.set(`2011-03-04T10:15:${String(7 + Math.floor(i / 5)).padStart(2, '0')}.000Z`);
      writer.logPerformance(`${endpoint}?page=${i}`, ms, { ok: i % 10 !== 0 });
    }
    expect(await rowsFor(endpoint)).toHaveLength(0); // buffered, nothing written yet
    expect(writer.stats()).toMatchObject({ buffered: 0, buckets: 1 });
    await writer.flush();
    const rows = await rowsFor(endpoint);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'performance',
      source: 'server',
      endpoint,
      durationMs: Math.round(10 + 99 * 3.5),
      meta: { count: 100, errors: 10, total_ms: Math.round(total), max_ms: Math.round(10 + 99 * 3.5) },
      createdAt: new Date('2011-03-04T10:15:00.000Z'),
    });
    await writer.close();
  });

  it('writes one row per endpoint-minute, only once the minute is over (or on flush)', async () => {
    const a = `/api/${tag('minute')}`;
    const b = `/api/${tag('minute')}`;
    const c = clock('2011-03-05T08:00:10.000Z');
    const writer = createTelemetryWriter({ db: deps.db, now: c.now, flushIntervalMs: 20 });
    writer.logPerformance(a, 100);
    writer.logPerformance(a, 300, { ok: false });
    writer.logPerformance(b, 50);
    // What the timer does, now: 08:00 is still the current minute, so its row waits.
    expect(await writer.tick()).toBe(0);
    expect(await rowsFor(a)).toHaveLength(0);

    c.set('2011-03-05T08:01:05.000Z');
    writer.logPerformance(a, 900);
    await vi.waitFor(async () => expect(await rowsFor(a)).toHaveLength(1), { timeout: 3000, interval: 20 });
    expect((await rowsFor(b)).map((r) => r.meta)).toEqual([{ count: 1, errors: 0, total_ms: 50, max_ms: 50 }]);
    expect((await rowsFor(a))[0]).toMatchObject({ durationMs: 300, meta: { count: 2, errors: 1, total_ms: 400, max_ms: 300 } });

    await writer.close();
    const rows = await rowsFor(a);
    expect(rows.map((r) => [r.createdAt.toISOString(), r.meta])).toEqual([
      ['2011-03-05T08:00:00.000Z', { count: 2, errors: 1, total_ms: 400, max_ms: 300 }],
      ['2011-03-05T08:01:00.000Z', { count: 1, errors: 0, total_ms: 900, max_ms: 900 }],
    ]);
  });

  it('buffers events and errors, writes them in batches, scrubbed', async () => {
    const name = tag('events');
    const c = clock('2011-03-06T12:00:00.000Z');
    const writer = createTelemetryWriter({ db: deps.db, now: c.now, flushIntervalMs: 60_000, maxBatch: 5, source: 'worker' });
    writer.logEvent(`${name}.one`, { email: 'ada@example.com', plan: 'pro', userId: 'u-1' });
    writer.logError(new AppError('NOT_FOUND', 'No workflow 123e4567-e89b-12d3-a456-426614174000 for ada@example.com'), {
      endpoint: `/api/${name}/42?token=abc`,
      name: `${name}.error`,
    });
    writer.logError('plain string failure from 10.1.2.3', { name: `${name}.string`, source: 'server' });
    expect(await rowsFor(name)).toHaveLength(0);
    writer.logEvent(`${name}.four`);
    writer.logEvent(`${name}.five`); // the fifth row triggers a write
    await vi.waitFor(async () => expect(await rowsFor(name)).toHaveLength(5), { timeout: 3000, interval: 20 });

    const rows = await rowsFor(name);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName[`${name}.one`]).toMatchObject({ kind: 'event', source: 'worker', meta: { email: '[redacted]', plan: 'pro', userId: '[redacted]' } });
    expect(byName[`${name}.error`]).toMatchObject({
      kind: 'error',
      source: 'worker',
      message: 'No workflow [id] for [email]',
      endpoint: `/api/${name}/[id]`,
      meta: { code: 'NOT_FOUND' },
    });
    expect(byName[`${name}.string`]).toMatchObject({ kind: 'error', source: 'server', message: 'plain string failure from [ip]' });
    expect(JSON.stringify(rows)).not.toMatch(/ada@example|10\.1\.2\.3|u-1|123e4567/);
    await writer.close();
  });

  it('never throws into the caller when the database is unreachable', async () => {
    const { db, sql } = createDb('postgres://postgres@127.0.0.1:1/nowhere', { max: 1 });
    try {
      const writer = createTelemetryWriter({ db, flushIntervalMs: 60_000 });
      expect(() => {
        writer.logEvent('x');
        writer.logError(new Error('boom'));
        writer.logPerformance('/x', 5);
      }).not.toThrow();
      await expect(writer.close()).resolves.toBe(0);
      expect(writer.stats()).toMatchObject({ failed: 3, written: 0 });
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  it('writes a flushed row only once even when flushes overlap', async () => {
    const name = tag('overlap');
    const writer = createTelemetryWriter({ db: deps.db, now: () => new Date('2011-03-07T00:00:00Z'), flushIntervalMs: 60_000 });
    writer.logEvent(name);
    writer.logPerformance(`/api/${name}`, 5);
    const [first, second] = await Promise.all([writer.flush(), writer.flush()]);
    expect(first + second).toBe(2);
    expect(await deps.db.select().from(telemetryEvents).where(eq(telemetryEvents.name, name))).toHaveLength(1);
    expect(await rowsFor(name)).toHaveLength(2);
  });
});
