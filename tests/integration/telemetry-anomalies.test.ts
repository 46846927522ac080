import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '~/server/infra/db/client';
import { incidents, telemetryEvents } from '~/server/infra/db/schema';
import { createTelemetryWriter } from '~/server/domain/telemetry/log';
import { ALL_ENDPOINTS, detectAnomalies, type Anomaly } from '~/server/domain/telemetry/anomalies';
import { computeHealthScore, healthScoreHistory } from '~/server/domain/telemetry/score';
import { inRolledBackTransaction, setupTestDeps } from '../helpers/deps';

const deps = setupTestDeps();

/**
 * Every test seeds a day of its own in the past inside a transaction that is rolled back: other
 * test files (and their incidents or telemetry) never see these rows, and these tests never see
 * theirs.
 */
const DAY = 86_400_000;
const BASE = Date.UTC(1995, 0, 1) + randomInt(0, 3000) * DAY;
const dayStart = (n: number) => new Date(BASE + n * DAY);
const at = (n: number, hours: number) => new Date(BASE + n * DAY + hours * 3_600_000);
const dayOf = (n: number) => dayStart(n).toISOString().slice(0, 10);
const windowOf = (n: number) => ({ since: dayStart(n), until: dayStart(n + 1) });

type Samples = { endpoint: string; requests: number; errors: number; maxMs: number };
/** Server performance samples through the real writer (aggregated per endpoint-minute). */
async function seedPerformance(db: Db, day: number, samples: Samples[]) {
  const writer = createTelemetryWriter({ db, now: () => at(day, 12), flushIntervalMs: 60_000 });
  for (const s of samples) {
    for (let i = 0; i < s.requests; i++) {
      writer.logPerformance(s.endpoint, i === 0 ? s.maxMs : Math.min(s.maxMs, 40), { ok: i >= s.errors });
    }
  }
  await writer.close();
}

async function seedErrors(db: Db, day: number, message: string | null, times: number, extra: Partial<typeof telemetryEvents.$inferInsert> = {}) {
  await db.insert(telemetryEvents).values(
    Array.from({ length: times }, (_, i) => ({
      kind: 'error' as const,
      source: i % 2 ? ('browser' as const) : ('server' as const),
      name: 'Error',
      message,
      createdAt: at(day, 1 + i),
      ...extra,
    })),
  );
}

const byRule = (list: Anomaly[], rule: Anomaly['rule']) => list.filter((a) => a.rule === rule);

describe('anomaly rules (SPEC H7)', () => {
  it('flags the same error message seen 3 times, not twice, and only inside the window', async () => {
    await inRolledBackTransaction(deps.db, async (db) => {
      await seedErrors(db, 0, 'Payment provider timed out', 3);
      await seedErrors(db, 0, 'Only twice', 2);
      await seedErrors(db, 0, null, 4, { name: 'ChunkLoadError' });
      await seedErrors(db, 0, 'Straddles midnight', 2);
      await seedErrors(db, 1, 'Straddles midnight', 1, { createdAt: dayStart(1) }); // at `until`: outside
      const found = byRule(await detectAnomalies({ db }, windowOf(0)), 'repeated_error');
      expect(found).toEqual([
        { rule: 'repeated_error', subject: 'ChunkLoadError', value: 4, threshold: 3, count: 4 },
        { rule: 'repeated_error', subject: 'Payment provider timed out', value: 3, threshold: 3, count: 3 },
      ]);
    });
  });

  it('flags an endpoint slower than 2000 ms, not one at exactly 2000 ms, and ignores browser timings', async () => {
    await inRolledBackTransaction(deps.db, async (db) => {
      await seedPerformance(db, 2, [
        { endpoint: '/api/slow', requests: 5, errors: 0, maxMs: 2001 },
        { endpoint: '/api/limit', requests: 5, errors: 0, maxMs: 2000 },
        { endpoint: '/api/fast', requests: 50, errors: 0, maxMs: 120 },
      ]);
      await db.insert(telemetryEvents).values({ kind: 'performance', source: 'browser', name: 'page', endpoint: '/dashboard', durationMs: 9000, createdAt: at(2, 3) });
      const found = await detectAnomalies({ db }, windowOf(2));
      expect(found).toEqual([{ rule: 'slow_endpoint', subject: '/api/slow', value: 2001, threshold: 2000, count: 5 }]);
    });
  });

  it('flags error rates above 10 % per endpoint and overall, from 20 requests up', async () => {
    await inRolledBackTransaction(deps.db, async (db) => {
      await seedPerformance(db, 4, [
        { endpoint: '/api/flaky', requests: 30, errors: 4 }, // 13.3 %
        { endpoint: '/api/edge', requests: 30, errors: 3 }, // exactly 10 %: not above
        { endpoint: '/api/tiny', requests: 19, errors: 10 }, // too few requests to judge
      ].map((s) => ({ ...s, maxMs: 100 })));
      const found = byRule(await detectAnomalies({ db }, windowOf(4)), 'high_error_rate');
      // Overall: 17 errors in 79 requests.
      expect(found).toEqual([
        { rule: 'high_error_rate', subject: ALL_ENDPOINTS, value: Math.round((17 / 79) * 10_000) / 10_000, threshold: 0.1, count: 79 },
        { rule: 'high_error_rate', subject: '/api/flaky', value: Math.round((4 / 30) * 10_000) / 10_000, threshold: 0.1, count: 30 },
      ]);
    });
  });

  it('raises nothing below every threshold', async () => {
    await inRolledBackTransaction(deps.db, async (db) => {
      await seedErrors(db, 6, 'Twice only', 2);
      await seedPerformance(db, 6, [
        { endpoint: '/api/a', requests: 40, errors: 4, maxMs: 2000 },
        { endpoint: '/api/b', requests: 10, errors: 5, maxMs: 1500 },
      ]);
      // Overall 9 / 50 = 18 % would be above, so keep it at 10 %: add clean traffic.
      await seedPerformance(db, 6, [{ endpoint: '/api/c', requests: 40, errors: 0, maxMs: 10 }]);
      expect(await detectAnomalies({ db }, windowOf(6))).toEqual([]);
      expect(await detectAnomalies({ db }, windowOf(7))).toEqual([]);
    });
  });
});

describe('daily health score (SPEC H7)', () => {
  it('is 100 for a quiet day, with no suggestions', async () => {
    await inRolledBackTransaction(deps.db, async (db) => {
      const result = await computeHealthScore({ db }, { day: dayOf(10) });
      expect(result).toEqual({
        day: dayOf(10),
        score: 100,
        factors: {
          openIncidents: 0,
          incidentsOpened: 0,
          anomalies: { repeated_error: 0, slow_endpoint: 0, high_error_rate: 0 },
          requests: 0,
          errors: 0,
          errorRate: 0,
          penalties: { openIncidents: 0, incidentsOpened: 0, anomalies: 0, errorRate: 0 },
        },
        suggestions: [],
      });
    });
  });

  it('subtracts incidents, anomalies and the error rate as documented', async () => {
    const D = 12;
    await inRolledBackTransaction(deps.db, async (db) => {
      await db.insert(incidents).values([
        { check: 'db', summary: 'opened and resolved that day', openedAt: at(D, 3), resolvedAt: at(D, 5) },
        { check: 'redis', summary: 'opened that day, still open at its end', openedAt: at(D, 10), resolvedAt: at(D + 2, 1) },
        { check: 'queue', summary: 'opened before, still open at its end', openedAt: at(D - 3, 0), resolvedAt: at(D + 1, 1) },
        { check: 'stripe', summary: 'over before the day', openedAt: at(D - 5, 0), resolvedAt: at(D - 4, 0) },
        { check: 'disk', summary: 'after the day', openedAt: at(D + 1, 6), resolvedAt: at(D + 1, 7) },
      ]);
      await seedErrors(db, D, 'Payment provider timed out', 3);
      await seedPerformance(db, D, [
        { endpoint: '/api/slow', requests: 30, errors: 0, maxMs: 2500 },
        { endpoint: '/api/flaky', requests: 30, errors: 6, maxMs: 100 },
      ]);

      // Independently: 2 incidents open at the day's end (redis, queue), 2 opened that day
      // (db, redis); anomalies: one repeated error, one slow endpoint, one endpoint at 20 %
      // errors (overall 6 / 60 = 10 % is not above the threshold); error rate 10 %.
      const expected = 100 - 2 * 15 - 2 * 5 - (5 + 5 + 10) - 10;
      const result = await computeHealthScore({ db }, { day: dayOf(D) });
      expect(expected).toBe(30);
      expect(result.score).toBe(expected);
      expect(result.factors).toEqual({
        openIncidents: 2,
        incidentsOpened: 2,
        anomalies: { repeated_error: 1, slow_endpoint: 1, high_error_rate: 1 },
        requests: 60,
        errors: 6,
        errorRate: 0.1,
        penalties: { openIncidents: 30, incidentsOpened: 10, anomalies: 20, errorRate: 10 },
      });
      expect(result.suggestions).toEqual([
        { code: 'resolve_open_incident', params: { check: 'queue', openedAt: at(D - 3, 0).toISOString() } },
        { code: 'resolve_open_incident', params: { check: 'redis', openedAt: at(D, 10).toISOString() } },
        { code: 'reduce_error_rate', params: { endpoint: '/api/flaky', ratePercent: 20, requests: 30 } },
        { code: 'investigate_repeated_error', params: { message: 'Payment provider timed out', count: 3 } },
        { code: 'speed_up_endpoint', params: { endpoint: '/api/slow', maxMs: 2500 } },
      ]);

      // The last 7 days up to D + 1, oldest first; D's entry is the same score.
      const history = await healthScoreHistory({ db, now: () => at(D + 1, 15) }, { days: 7 });
      expect(history.map((h) => h.day)).toEqual(Array.from({ length: 7 }, (_, i) => dayOf(D - 5 + i)));
      expect(history.find((h) => h.day === dayOf(D))!.score).toBe(30);
      // D + 1: the redis incident is still open at its end (-15); the disk one opened and closed (-5).
      expect(history.at(-1)!.score).toBe(100 - 15 - 5);
    });
  });

  it('caps each factor and never goes below 0', async () => {
    const D = 20;
    await inRolledBackTransaction(deps.db, async (db) => {
      await db.insert(incidents).values(
        Array.from({ length: 5 }, (_, i) => ({ check: `check-${i}`, summary: 'down', openedAt: at(D, i), resolvedAt: at(D + 3, 0) })),
      );
      for (let i = 0; i < 8; i++) await seedErrors(db, D, `Distinct failure ${'abcdefgh'[i]}`, 3);
      await seedPerformance(db, D, [{ endpoint: '/api/broken', requests: 40, errors: 20, maxMs: 50 }]);
      const result = await computeHealthScore({ db }, { day: dayOf(D) });
      // 5 open (75 -> 45), 5 opened (25 -> 20), 8 repeated + 2 error-rate anomalies (60 -> 30), 50 % (-> 25).
      expect(result.factors.penalties).toEqual({ openIncidents: 45, incidentsOpened: 20, anomalies: 30, errorRate: 25 });
      expect(result.score).toBe(0);
      expect(result.suggestions).toHaveLength(10);
    });
  });

  it('rejects a malformed day', async () => {
    await expect(computeHealthScore({ db: deps.db }, { day: '2024-02-30' })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(healthScoreHistory({ db: deps.db }, { days: 0 })).rejects.toThrow();
  });
});
