import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type { z } from 'zod';
import type { Redis } from 'ioredis';
import type Stripe from 'stripe';
import type { Db } from '~/server/infra/db/client';
import type { Logger } from '~/server/infra/logger';
import { runGrowthRollup } from '~/server/domain/growth/intelligence/rollup';
import { runHeartbeat } from '~/server/domain/health/heartbeat-job';
import { sendMailVia, type MailTransport } from '~/server/infra/mail/transport';
import { runMarketingCycle } from '~/server/domain/marketing/cycle';
import { runWeeklyReport } from '~/server/domain/reports/weekly';
import { recordWorkerHeartbeat } from '~/server/domain/health/worker-heartbeat';
import { isJobName, JOBS, type JobName } from '~/server/transport/jobs/definitions';
import { logError, logPerformance } from '~/server/domain/telemetry/log';
import { createQueue, defaultJobOptions, QUEUE_NAMES, workerSettings, type QueueName } from '~/server/infra/queue/queues';
import { SCHEDULERS } from '~/server/transport/jobs/schedulers';

export type WorkerDeps = {
  db: Db;
  redis: Redis;
  stripe: Stripe | null;
  mail: MailTransport;
  log: Logger;
  prefix: string;
  /** Lock and stalled-check timing (defaults: BullMQ's 30 s); a crashed worker's job is retried after it. */
  lockDurationMs?: number;
};

/** Each job is a one-liner into a domain function. */
const HANDLERS: { [K in JobName]: (deps: WorkerDeps, job: Job, payload: z.output<(typeof JOBS)[K]['payload']>) => Promise<unknown> } = {
  heartbeat: (deps) => runHeartbeat(deps),
  // The job's own timestamp picks the week, so a late or retried job reports the right one.
  'weekly-report': (deps, job, payload) =>
    runWeeklyReport(
      { db: deps.db, log: deps.log, sendMail: sendMailVia(deps.mail), now: () => new Date(job.timestamp) },
      { ...payload, onProgress: (pct) => job.updateProgress(pct) },
    ),
  // One draft per tenant, action and day (Europe/London): a retry or re-run creates nothing new.
  'marketing-cycle': (deps, job, payload) =>
    runMarketingCycle(
      { db: deps.db, log: deps.log, now: () => new Date(job.timestamp) },
      { ...payload, onProgress: (pct) => job.updateProgress(pct) },
    ),
  // The previous UTC day of the job's own timestamp (or payload.day); a re-run changes nothing.
  'growth-rollup': (deps, job, payload) =>
    runGrowthRollup(
      { db: deps.db, log: deps.log, now: () => new Date(job.timestamp) },
      { ...payload, onProgress: (pct) => job.updateProgress(pct) },
    ),
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
    const handler = HANDLERS[job.name] as (deps: WorkerDeps, job: Job, payload: unknown) => Promise<unknown>;
    const result = await handler(deps, job, parsed.data);
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
      { name: s.jobName, data: s.data, opts: defaultJobOptions },
    );
  }
  const workers = QUEUE_NAMES.map((name) => {
    const worker = new Worker(name, (job) => runJob(deps, job), {
      connection: deps.redis,
      prefix: deps.prefix,
      concurrency: opts.concurrency ?? 2,
      settings: workerSettings,
      ...(deps.lockDurationMs ? { lockDuration: deps.lockDurationMs, stalledInterval: deps.lockDurationMs } : {}),
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
