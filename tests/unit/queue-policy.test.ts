import { describe, expect, it } from 'vitest';
import { defaultJobOptions, retryDelayMs } from '~/server/queue/queues';
import { SCHEDULERS } from '~/server/queue/schedulers';
import { JOBS } from '~/server/queue/jobs';

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
