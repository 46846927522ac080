import { describe, expect, it } from 'vitest';
import { defaultJobOptions, retryDelayMs } from '~/server/infra/queue/queues';
import { SCHEDULERS } from '~/server/transport/jobs/schedulers';
import { JOBS } from '~/server/transport/jobs/definitions';

describe('job retry policy (SPEC J1)', () => {
  it('retries 5 times with exponential backoff from 1 s capped at 5 min', () => {
    expect(defaultJobOptions.attempts).toBe(5);
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(retryDelayMs(20)).toBe(300_000);
  });
  it('bounds the completed and failed lists', () => {
    expect(defaultJobOptions.removeOnComplete).toBeTruthy();
    expect(defaultJobOptions.removeOnFail).toBeTruthy();
  });
  it('schedules only known jobs, each id once', () => {
    const ids = SCHEDULERS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SCHEDULERS) {
      expect(Object.keys(JOBS)).toContain(s.jobName);
      expect(Boolean(s.pattern) !== Boolean(s.every)).toBe(true);
    }
  });
});

describe('worker heap budget', () => {
  it('is passed by every launcher', async () => {
    const { readFileSync } = await import('node:fs');
    const { WORKER_HEAP_MB, workerNodeOptions } = await import('~/server/infra/queue/worker-heap');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.workers).toContain(`--max-old-space-size=${WORKER_HEAP_MB}`);
    expect(readFileSync('scripts/dev.sh', 'utf8')).toContain(`--max-old-space-size=${WORKER_HEAP_MB}`);
    expect(workerNodeOptions(undefined)).toBe(`--max-old-space-size=${WORKER_HEAP_MB}`);
    expect(workerNodeOptions('--max-old-space-size=512')).toBe('--max-old-space-size=512');
    expect(workerNodeOptions('--enable-source-maps')).toBe(`--enable-source-maps --max-old-space-size=${WORKER_HEAP_MB}`);
  });
});
