import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type Stripe from 'stripe';
import type { Db } from '~/server/db';
import type { Logger } from '~/server/logger';
import { runHeartbeat } from '~/server/health/heartbeat-job';
import { recordWorkerHeartbeat } from '~/server/ops/heartbeat';
import { isJobName, JOBS, type JobName } from '~/server/queue/jobs';
import { logError, logPerformance } from '~/server/telemetry';
import { createQueue, QUEUE_NAMES, workerSettings, type QueueName } from '~/server/queue/queues';
import { SCHEDULERS } from '~/server/queue/schedulers';

export type WorkerDeps = { db: Db; redis: Redis; stripe: Stripe | null; log: Logger; prefix: string };

/** Each job is a one-liner into a domain function. */
const HANDLERS: { [K in JobName]: (deps: WorkerDeps, job: Job) => Promise<unknown> } = {
  heartbeat: (deps) => runHeartbeat(deps),
};

async function runJob(deps: WorkerDeps, job: Job) {
  if (!isJobName(job.name)) throw new UnrecoverableError(`Unknown job "${job.name}"`);
  const parsed = JOBS[job.name].payload.safeParse(job.data ?? {});
  if (!parsed.success) {
    // A malformed payload will never succeed: fail once, with the reason, no retries.
    throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  const started = performance.now();
  try {
    const result = await HANDLERS[job.name](deps, job);
    logPerformance(`job:${job.queueName}:${job.name}`, performance.now() - started, { ok: true, source: 'worker' });
    return result;
  } catch (error) {
    logPerformance(`job:${job.queueName}:${job.name}`, performance.now() - started, { ok: false, source: 'worker' });
    logError(error, { endpoint: `job:${job.queueName}:${job.name}`, source: 'worker' });
    throw error;
  }
}

export type RunningWorkers = { workers: Worker[]; queues: Queue[]; close: () => Promise<void> };

/** Starts a Worker per queue and upserts every scheduler (idempotent: same id, same scheduler). */
export async function startWorkers(deps: WorkerDeps, opts: { concurrency?: number } = {}): Promise<RunningWorkers> {
  const queues = new Map<QueueName, Queue>(QUEUE_NAMES.map((name) => [name, createQueue(name, deps.redis, deps.prefix)]));
  for (const s of SCHEDULERS) {
    await queues.get(s.queue)!.upsertJobScheduler(
      s.id,
      s.pattern ? { pattern: s.pattern, tz: s.tz } : { every: s.every },
      { name: s.jobName, data: s.data },
    );
  }
  const workers = QUEUE_NAMES.map((name) => {
    const worker = new Worker(name, (job) => runJob(deps, job), {
      connection: deps.redis,
      prefix: deps.prefix,
      concurrency: opts.concurrency ?? 2,
      settings: workerSettings,
    });
    worker.on('error', (err) => deps.log.error({ queue: name, err: { message: err.message } }, 'worker error'));
    worker.on('failed', (job, err) =>
      deps.log.warn({ queue: name, job: job?.name, id: job?.id, attempts: job?.attemptsMade, reason: err.message }, 'job failed'),
    );
    worker.on('completed', (job) => deps.log.debug({ queue: name, job: job.name, id: job.id }, 'job completed'));
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  await recordWorkerHeartbeat({ redis: deps.redis }, { pid: process.pid });

  return {
    workers,
    queues: [...queues.values()],
    // Workers first (the active job finishes), then the queues; connections are the caller's.
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
