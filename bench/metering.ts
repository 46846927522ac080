/**
 * SPEC P3, usage metering (npm run bench -- --only metering), side by side in one run:
 *
 *   - Admission throughput: `admit()` (src/server/domain/usage/admission.ts, the Lua
 *     check-and-increment every metered request makes) against a bare Redis `INCR` — the least a
 *     counter in Redis can cost — with the same number of calls in flight, interleaved rounds.
 *     Target: admissions/s >= 0.5x INCR/s.
 *   - Exactness: 200 simultaneous admissions against 100 remaining admit exactly 100 (target:
 *     0 off), and the ledger after 200 simultaneous `meterUsage` calls equals its events.
 *   - The whole metered path (admission + ledger statement) per second, for reference.
 */
import { Redis } from 'ioredis';
import { fmt, table } from './lib/load';
import { BENCH_ENV } from './lib/server';
import { check, type Bench } from './lib/types';

const IN_FLIGHT = 50;
const TENANTS = 200;

/** Runs `fn` n times with `inFlight` calls outstanding; returns calls per second. */
async function throughput(n: number, inFlight: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

export const metering: Bench = {
  name: 'metering',
  description: 'usage admission (Lua check-and-increment) vs bare Redis INCR, exactness at the limit',
  needsServer: false,
  async run({ durationSec, rounds, log }) {
    // As bench/lib/server.ts prepares: a fixed environment, never a developer's DATABASE_URL;
    // the bench database created and migrated. Domain modules read the environment on import.
    Object.assign(process.env, BENCH_ENV, { NODE_ENV: 'test' });
    const { setup } = await import('../scripts/lib/setup');
    await setup({ test: true, quiet: true });
    const { admit } = await import('../src/server/domain/usage/admission');
    const { meterUsage } = await import('../src/server/domain/usage/meter');
    const { createDb } = await import('../src/server/infra/db/client');
    const { and, eq, sql } = await import('drizzle-orm');
    const { usageCounters, usageEvents, tenants } = await import('../src/server/infra/db/schema');
    const { db, sql: pg } = createDb(BENCH_ENV.DATABASE_URL, { max: 10 });
    const redis = new Redis(BENCH_ENV.REDIS_URL!, { maxRetriesPerRequest: null });
    const deps = { db, redis };
    try {
      const ids = Array.from({ length: TENANTS }, () => crypto.randomUUID());
      const baseKey = `${BENCH_ENV.REDIS_PREFIX}:bench:incr:${crypto.randomUUID()}`;
      const huge = 1_000_000_000;
      // Calls per round sized from a short probe so a round lasts about --duration seconds.
      const probe = await throughput(2000, IN_FLIGHT, (i) => redis.incr(`${baseKey}:${i % TENANTS}`));
      const n = Math.max(5000, Math.round(probe * Math.max(1, durationSec) * 0.5));
      await throughput(2000, IN_FLIGHT, (i) => admit(deps, ids[i % TENANTS]!, [{ meter: 'api_call', quantity: 1, limit: huge }]));

      const rows: { round: number; incr: number; admit: number }[] = [];
      for (let r = 0; r < Math.max(2, rounds); r++) {
        const incr = await throughput(n, IN_FLIGHT, (i) => redis.incr(`${baseKey}:${i % TENANTS}`));
        const adm = await throughput(n, IN_FLIGHT, (i) => admit(deps, ids[i % TENANTS]!, [{ meter: 'api_call', quantity: 1, limit: huge }]));
        rows.push({ round: r + 1, incr, admit: adm });
        log(`round ${r + 1}: INCR ${incr.toFixed(0)}/s, admit ${adm.toFixed(0)}/s`);
      }
      const bestIncr = Math.max(...rows.map((r) => r.incr));
      const bestAdmit = Math.max(...rows.map((r) => r.admit));

      // Exactness at the limit: 100 already used of 200, then 200 at once.
      const edge = crypto.randomUUID();
      await admit(deps, edge, [{ meter: 'workflow_run', quantity: 100, limit: 200 }]);
      const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => admit(deps, edge, [{ meter: 'workflow_run', quantity: 1, limit: 200 }])));
      const admitted = outcomes.filter((o) => o.status === 'fulfilled').length;

      // The whole path on a real workspace: 200 simultaneous metered calls, then ledger vs events.
      const [tenant] = await db.insert(tenants).values({ name: 'Metering bench', plan: 'business', status: 'active' }).returning({ id: tenants.id });
      const full = await throughput(2000, IN_FLIGHT, () => meterUsage(deps, { tenantId: tenant!.id, meter: 'api_call' }));
      const [events] = await db.select({ n: sql<number>`coalesce(sum(${usageEvents.quantity}), 0)::int` }).from(usageEvents).where(eq(usageEvents.tenantId, tenant!.id));
      const [counter] = await db.select({ used: usageCounters.used }).from(usageCounters).where(and(eq(usageCounters.tenantId, tenant!.id), eq(usageCounters.meter, 'api_call')));
      const ledgerOff = Math.abs(Number(events!.n) - Number(counter?.used ?? 0)) + Math.abs(Number(events!.n) - 2000);

      const ratio = bestAdmit / bestIncr;
      return {
        table: [
          table(['round', 'Redis INCR/s (baseline)', 'admissions/s', 'ratio'], rows.map((r) => [r.round, fmt.int(r.incr), fmt.int(r.admit), (r.admit / r.incr).toFixed(2)])),
          table(
            ['exactness', 'value'],
            [
              ['200 simultaneous against 100 remaining: admitted', `${admitted} (expected 100)`],
              ['2,000 metered calls: events / counter', `${events!.n} / ${counter?.used ?? 0}`],
              ['whole metered path (admission + ledger), calls/s', fmt.int(full)],
            ],
          ),
        ].join('\n\n'),
        checks: [
          check('admissions/s vs bare Redis INCR', ratio, '>=', 0.5),
          check('admitted over or under the remaining 100', Math.abs(admitted - 100), '<=', 0),
          check('ledger counter vs events (2,000 calls)', ledgerOff, '<=', 0),
        ],
        data: { rows, ratio, admitted, full, events: Number(events!.n), counter: Number(counter?.used ?? 0), inFlight: IN_FLIGHT, callsPerRound: n },
      };
    } finally {
      redis.disconnect();
      await pg.end({ timeout: 5 });
    }
  },
};
