import { describe, expect, it } from 'vitest';
import { combineLoad, createLoadSampler } from '~/server/domain/scaling/load';
import { metrics } from '~/server/infra/metrics/registry';
import { chooseRateLimits, TIERS } from '~/server/domain/scaling/policy';

describe('chooseRateLimits (SPEC H5, logical auto-scaling of rate limits)', () => {
  it('has at least three tiers, tighter as load grows', () => {
    expect(TIERS.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < TIERS.length; i++) {
      for (const cls of ['api', 'ai', 'auth'] as const) {
        expect(TIERS[i]!.limits[cls].points).toBeLessThan(TIERS[i - 1]!.limits[cls].points);
      }
    }
  });

  it.each([
    [0, 'generous'],
    [0.5, 'generous'],
    [0.6, 'normal'],
    [0.8, 'tight'],
    [0.95, 'critical'],
    [1, 'critical'],
  ] as const)('load %s -> %s', (load, tier) => {
    expect(chooseRateLimits(load).tier).toBe(tier);
  });

  it('is pure and clamps nonsense', () => {
    expect(chooseRateLimits(0.3)).toEqual(chooseRateLimits(0.3));
    expect(chooseRateLimits(-5).tier).toBe('generous');
    expect(chooseRateLimits(Number.NaN).tier).toBe('critical');
    expect(chooseRateLimits(7).load).toBe(1);
  });

  it('keeps AI stricter than the general API in every tier', () => {
    for (const t of TIERS) expect(t.limits.ai.points).toBeLessThan(t.limits.api.points);
  });
});

describe('load sampler', () => {
  it('takes the strongest of its signals', () => {
    const opts = { capacityRps: 1000, queueCapacity: 100 };
    expect(combineLoad({ eventLoopUtilization: 0.2, requestsPerSecond: 900, queueDepth: 0 }, opts)).toBeCloseTo(0.9);
    expect(combineLoad({ eventLoopUtilization: 0.2, requestsPerSecond: 0, queueDepth: 500 }, opts)).toBe(1);
    expect(combineLoad({ eventLoopUtilization: 0.3, requestsPerSecond: 10, queueDepth: 1 }, opts)).toBeCloseTo(0.3);
  });

  /** A clock the test moves: `busy` ms of each step are spent running (event-loop utilisation). */
  function fakeClock() {
    let t = 0;
    let active = 0;
    const elu = (prev?: { idle: number; active: number; utilization: number }) => {
      const now = { idle: t - active, active, utilization: t ? active / t : 0 };
      if (!prev) return now;
      const dt = t - (prev.idle + prev.active);
      const da = active - prev.active;
      return { idle: dt - da, active: da, utilization: dt > 0 ? da / dt : 0 };
    };
    return {
      clock: { now: () => t, eventLoopUtilization: elu as never },
      advance: (ms: number, busy = 0) => {
        t += ms;
        active += busy;
      },
    };
  }

  it('sees a busy event loop and moves the tier', () => {
    const c = fakeClock();
    const sampler = createLoadSampler({ alpha: 1, clock: c.clock });
    sampler.sample();
    c.advance(150, 145); // a CPU-bound request kept the loop busy
    const reading = sampler.sample();
    expect(reading.eventLoopUtilization).toBeGreaterThan(0.9);
    expect(chooseRateLimits(reading.load).tier).toBe('critical');
    c.advance(1000, 100);
    expect(sampler.sample().eventLoopUtilization).toBeCloseTo(0.1);
  });

  it('counts requests into a rate', () => {
    const c = fakeClock();
    const sampler = createLoadSampler({ alpha: 1, capacityRps: 100, clock: c.clock });
    sampler.sample();
    for (let i = 0; i < 50; i++) sampler.countRequest();
    c.advance(100);
    const reading = sampler.sample();
    expect(reading.requestsPerSecond).toBe(500);
    expect(reading.load).toBe(1);
  });

  it('shows Prometheus the load figure the policy acts on (levqor_load)', async () => {
    const c = fakeClock();
    const sampler = createLoadSampler({ alpha: 1, capacityRps: 100, clock: c.clock });
    sampler.sample();
    for (let i = 0; i < 25; i++) sampler.countRequest();
    c.advance(1000);
    expect(sampler.sample().load).toBe(0.25);
    expect(await metrics().registry.metrics()).toContain('levqor_load{service="levqor"} 0.25');
  });
});
