import { performance } from 'node:perf_hooks';
import { metrics } from '~/server/infra/metrics/registry';

/**
 * Load sampler for the scaling policy: combines real signals of this instance into one figure
 * in [0, 1] — event-loop utilisation, request rate against a nominal capacity, and job-queue
 * depth — and smooths it (EWMA) so that a single spike does not flip the tier.
 */
export type LoadSignals = { eventLoopUtilization: number; requestsPerSecond: number; queueDepth: number };
export type LoadReading = LoadSignals & { load: number; sampledAt: string };

export type LoadSamplerOptions = {
  /** Requests per second this instance serves comfortably (2 cores: ~1500 for cached JSON). */
  capacityRps?: number;
  /** Waiting jobs that count as a full queue. */
  queueCapacity?: number;
  /** Smoothing factor for the EWMA (0..1; higher reacts faster). */
  alpha?: number;
  /** Reads the waiting job count; sampled at most every `queueSampleMs`. */
  readQueueDepth?: () => Promise<number>;
  queueSampleMs?: number;
  /** Monotonic milliseconds and event-loop utilisation (tests inject both; default: perf_hooks). */
  clock?: { now: () => number; eventLoopUtilization: typeof performance.eventLoopUtilization };
};

export function combineLoad(s: LoadSignals, opts: { capacityRps: number; queueCapacity: number }): number {
  const parts = [s.eventLoopUtilization, s.requestsPerSecond / opts.capacityRps, s.queueDepth / opts.queueCapacity];
  return Math.min(1, Math.max(0, ...parts.map((p) => (Number.isFinite(p) ? p : 0))));
}

export function createLoadSampler(opts: LoadSamplerOptions = {}) {
  const capacityRps = opts.capacityRps ?? 1500;
  const queueCapacity = opts.queueCapacity ?? 5000;
  const alpha = opts.alpha ?? 0.5;
  const queueSampleMs = opts.queueSampleMs ?? 15_000;

  const clock = opts.clock ?? { now: () => performance.now(), eventLoopUtilization: performance.eventLoopUtilization.bind(performance) };
  let lastElu = clock.eventLoopUtilization();
  let lastAt = clock.now();
  let requests = 0;
  let queueDepth = 0;
  let queueSampledAt = 0;
  let smoothed = 0;
  let reading: LoadReading = { eventLoopUtilization: 0, requestsPerSecond: 0, queueDepth: 0, load: 0, sampledAt: new Date().toISOString() };

  function sample(): LoadReading {
    const now = clock.now();
    const elapsedS = Math.max(0.001, (now - lastAt) / 1000);
    const elu = clock.eventLoopUtilization(lastElu);
    lastElu = clock.eventLoopUtilization();
    lastAt = now;
    const rps = requests / elapsedS;
    requests = 0;
    if (opts.readQueueDepth && now - queueSampledAt > queueSampleMs) {
      queueSampledAt = now;
      opts.readQueueDepth().then(
        (d) => (queueDepth = d),
        () => null,
      );
    }
    const signals = { eventLoopUtilization: elu.utilization, requestsPerSecond: rps, queueDepth };
    smoothed = alpha * combineLoad(signals, { capacityRps, queueCapacity }) + (1 - alpha) * smoothed;
    reading = { ...signals, load: Math.round(smoothed * 1000) / 1000, sampledAt: new Date().toISOString() };
    // The figure the policy acts on is the one Prometheus sees (SPEC H6).
    metrics().load.set(reading.load);
    return reading;
  }

  return {
    /** Count one served request (called by the rate limiter for every limited request). */
    countRequest: () => {
      requests += 1;
    },
    sample,
    current: () => reading,
  };
}
export type LoadSampler = ReturnType<typeof createLoadSampler>;
