import type { Queue } from 'bullmq';
import { z } from 'zod';
import { AppError } from '~/server/errors';
import type { QueueName } from '~/server/infra/queue/queues';
import { JOBS } from './definitions';

/**
 * "Run it now" for admins (issue 16): the scheduled jobs whose result an admin page shows can be
 * queued at once from that page's empty state instead of a CLI hint. The job runs in the
 * workers like its scheduled run (same handler, default payload); one per job and minute, so
 * a double click queues it once.
 */
export const RUN_NOW_JOBS = ['weekly-report', 'tenant-reports', 'marketing-cycle', 'growth-rollup', 'upgrade-planner'] as const;
export type RunNowJob = (typeof RUN_NOW_JOBS)[number];

export const runJobNowInputSchema = z.strictObject({
  job: z.enum(RUN_NOW_JOBS, { error: `Choose one of: ${RUN_NOW_JOBS.join(', ')}` }),
});
export const runJobNowOutputSchema = z.object({ jobId: z.string(), alreadyQueued: z.boolean() });

export async function runJobNow(
  deps: { queueFor: (name: QueueName) => Queue; now?: () => Date },
  input: z.infer<typeof runJobNowInputSchema>,
): Promise<z.infer<typeof runJobNowOutputSchema>> {
  const queue = deps.queueFor(JOBS[input.job].queue);
  const minute = Math.floor((deps.now?.() ?? new Date()).getTime() / 60_000);
  const jobId = `manual-${input.job}-${minute}`;
  try {
    const alreadyQueued = Boolean(await queue.getJob(jobId));
    // The same job id is not added twice (BullMQ keeps the first).
    if (!alreadyQueued) await queue.add(input.job, {}, { jobId });
    return { jobId, alreadyQueued };
  } catch (error) {
    throw new AppError('SERVICE_UNAVAILABLE', 'The job queue cannot be reached right now; try again in a moment.', { cause: error });
  }
}
