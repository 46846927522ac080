import { purgeOldResetLinks } from '~/server/domain/accounts/password-reset';
import { purgeDeletedAccounts } from '~/server/domain/accounts/privacy';
import { runLifecycle } from '~/server/domain/accounts/lifecycle';
import { purgeOldContactTickets } from '~/server/domain/support/tickets';
import { runUpgradePlanner } from '~/server/domain/planner/plans';
import { env } from '~/env';
import { DelayedError, UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type { z } from 'zod';
import type { Redis } from 'ioredis';
import type Stripe from 'stripe';
import type { Db } from '~/server/infra/db/client';
import type { Logger } from '~/server/infra/logger';
import { runGrowthRollup } from '~/server/domain/growth/intelligence/rollup';
import { runHeartbeat } from '~/server/domain/health/heartbeat-job';
import { sendMailVia, type MailTransport } from '~/server/infra/mail/transport';
import { runMarketingCycle } from '~/server/domain/marketing/cycle';
import { runTenantReports } from '~/server/domain/reports/tenant';
import { runWeeklyReport } from '~/server/domain/reports/weekly';
import { recordWorkerHeartbeat } from '~/server/domain/health/worker-heartbeat';
import { isJobName, JOBS, type JobName } from '~/server/transport/jobs/definitions';
import { logError, logPerformance } from '~/server/domain/telemetry/log';
import { createQueue, defaultJobOptions, QUEUE_NAMES, workerSettings, type QueueName } from '~/server/infra/queue/queues';
import { SCHEDULERS } from '~/server/transport/jobs/schedulers';
import { eq } from 'drizzle-orm';
import type { EngineDeps } from '~/server/domain/runs/deps';
import { processRun } from '~/server/domain/runs/engine';
import { runEngineMaintenance } from '~/server/domain/runs/maintenance';
import { withTimeout } from '~/server/domain/health/checks';
import { startOutboxRelay, type Listen } from '~/server/domain/runs/dispatch';
import { outboxChannelFor } from '~/server/domain/runs/deps';
import { reconcileSchedules, runScheduled } from '~/server/domain/runs/schedules';
import { workflowRuns } from '~/server/infra/db/schema';
import { engineDeps } from '~/server/transport/engine-deps';
import { sendUsageWarnings } from '~/server/domain/usage/notices';

export type WorkerDeps = {
  db: Db;
  redis: Redis;
  stripe: Stripe | null;
  mail: MailTransport;
  log: Logger;
  prefix: string;
  /** Lock and stalled-check timing (defaults: BullMQ's 30 s); a crashed worker's job is retried after it. */
  lockDurationMs?: number;
  /** Run jobs executed at once by this process (RUN_WORKER_CONCURRENCY). */
  runConcurrency?: number;
  /** The engine's dependencies (tests override the SSRF policy, clock or tenant cap). */
  engine?: Partial<EngineDeps>;
};

/** The engine's deps in this process, over the worker's own run queue. */
function engineOf(deps: WorkerDeps, queue: Queue): EngineDeps {
  return {
    ...engineDeps({ db: deps.db, redis: deps.redis, log: deps.log, mail: deps.mail, queue }),
    ...(deps.lockDurationMs ? { runLockMs: deps.lockDurationMs } : {}),
    ...deps.engine,
  };
}

/**
 * A run job (SPEC P2): the engine does the work; the job only decides what happens to itself.
 * Throttled (tenant at its cap) or busy (another worker holds the run): back in the queue shortly,
 * as the same job. Early (a wait not over): back until the run's resume time.
 */
async function runRunJob(deps: WorkerDeps, job: Job, token: string | undefined, runId: string) {
  const engine = engineOf(deps, runQueues.get(deps)!);
  const outcome = await processRun(engine, { runId });
  if (outcome === 'throttled' || outcome === 'busy' || outcome === 'not-due') {
    let at = Date.now() + 500 + Math.floor(Math.random() * 1000);
    if (outcome === 'not-due') {
      const [run] = await deps.db.select({ waitUntil: workflowRuns.waitUntil }).from(workflowRuns).where(eq(workflowRuns.id, runId));
      at = Math.max(at, run?.waitUntil?.getTime() ?? at);
    }
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  }
  return { outcome };
}
const runQueues = new WeakMap<WorkerDeps, Queue>();

/** A scheduler's job id ends with its fire time (`repeat:<id>:<millis>`): the same on a retry. */
function fireTime(job: Job): Date {
  const millis = /:(\d+)$/.exec(job.id ?? '')?.[1];
  return new Date(millis ? Number(millis) : job.timestamp + (job.delay ?? 0));
}

/** Each job is a one-liner into a domain function. */
const HANDLERS: {
  [K in JobName]: (deps: WorkerDeps, job: Job, payload: z.output<(typeof JOBS)[K]['payload']>, token?: string) => Promise<unknown>;
} = {
  heartbeat: (deps) => runHeartbeat(deps),
  // The job's own timestamp picks the week, so a late or retried job reports the right one.
  'weekly-report': (deps, job, payload) =>
    runWeeklyReport(
      { db: deps.db, log: deps.log, sendMail: sendMailVia(deps.mail), now: () => new Date(job.timestamp) },
      { ...payload, onProgress: (pct) => job.updateProgress(pct) },
    ),
  // Stored once per workspace and week, e-mailed once: a retry or re-run adds nothing.
  'tenant-reports': (deps, job, payload) =>
    runTenantReports({ db: deps.db, log: deps.log, mail: deps.mail, appUrl: env.APP_URL, now: () => new Date(job.timestamp) }, payload),
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
  run: (deps, job, payload, token) => runRunJob(deps, job, token, payload.runId),
  // One run per workflow and fire time: the scheduler's own timestamp is the dedupe key.
  'scheduled-run': (deps, job, payload) =>
    runScheduled(engineOf(deps, runQueues.get(deps)!), { workflowId: payload.workflowId, firedAt: fireTime(job) }),
  'engine-maintenance': (deps) => runEngineMaintenance(engineOf(deps, runQueues.get(deps)!)),
  'usage-warnings': (deps) => sendUsageWarnings({ db: deps.db, mail: deps.mail, log: deps.log, appUrl: env.APP_URL }),
  // Purges what was deleted before the grace period of the job's own time; a re-run finds nothing.
  'account-purge': async (deps, job) => {
    const now = () => new Date(job.timestamp);
    const purged = await purgeDeletedAccounts({ db: deps.db, now });
    return { ...purged, resetLinks: await purgeOldResetLinks({ db: deps.db, now }), contactTickets: await purgeOldContactTickets({ db: deps.db, now }) };
  },
  // Idempotent: a workspace already suspended is left as it is.
  // Design only: plans are written for admins, nothing is applied; a re-run refreshes the same plans.
  'upgrade-planner': (deps, job) => runUpgradePlanner({ db: deps.db, now: () => new Date(job.timestamp) }),
  'tenant-lifecycle': (deps, job) => runLifecycle({ db: deps.db, log: deps.log, mail: deps.mail, appUrl: env.APP_URL, now: () => new Date(job.timestamp) }),
};

async function runJob(deps: WorkerDeps, job: Job, token?: string) {
  if (!isJobName(job.name)) throw new UnrecoverableError(`Unknown job "${job.name}"`);
  const parsed = JOBS[job.name].payload.safeParse(job.data ?? {});
  if (!parsed.success) {
    // A malformed payload will never succeed: fail once, with the reason, no retries.
    throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  const started = performance.now();
  try {
    const handler = HANDLERS[job.name] as (deps: WorkerDeps, job: Job, payload: unknown, token?: string) => Promise<unknown>;
    const result = await handler(deps, job, parsed.data, token);
    logPerformance(`job:${job.queueName}:${job.name}`, performance.now() - started, { ok: true, source: 'worker' });
    return result;
  } catch (error) {
    if (error instanceof DelayedError) throw error;
    logPerformance(`job:${job.queueName}:${job.name}`, performance.now() - started, { ok: false, source: 'worker' });
    logError(error, { endpoint: `job:${job.queueName}:${job.name}`, source: 'worker' });
    throw error;
  }
}

export type RunningWorkers = {
  workers: Worker[];
  queues: Queue[];
  /** Resolves true once the outbox relay listens (false: it could not start). */
  relayReady: Promise<boolean>;
  close: () => Promise<void>;
};

/** How often the schedulers are upserted again even without a reconnect (cheap: idempotent). */
export const SCHEDULER_REASSERT_MS = 5 * 60_000;

/**
 * How long `close()` lets a worker finish its active jobs before forcing it shut. BullMQ's
 * graceful close can wait for ever when a blocking connection is still reconnecting (a Redis
 * restart just before shutdown: taskforcesh/bullmq#4656); under the process's 30 s hard exit.
 */
export const WORKER_CLOSE_GRACE_MS = 20_000;

/** Starts a Worker per queue and upserts every scheduler (idempotent: same id, same scheduler). */
export async function startWorkers(
  deps: WorkerDeps,
  opts: { concurrency?: number; reassertEveryMs?: number; closeGraceMs?: number } = {},
): Promise<RunningWorkers> {
  const queues = new Map<QueueName, Queue>(QUEUE_NAMES.map((name) => [name, createQueue(name, deps.redis, deps.prefix)]));
  runQueues.set(deps, queues.get('workflow-runs')!);
  /**
   * Every scheduler, upserted (idempotent: same id, same scheduler) — at boot, whenever the
   * Redis connection is re-established (a Redis restarted without persistence, or a failover to
   * an empty replica, comes back with no schedulers at all: issue 11 #1) and every few minutes
   * (a FLUSHALL keeps the connection). Per-workflow schedules (SPEC P2) are reconciled too.
   */
  const assertSchedulers = async () => {
    for (const s of SCHEDULERS) {
      await queues.get(s.queue)!.upsertJobScheduler(
        s.id,
        s.pattern ? { pattern: s.pattern, tz: s.tz } : { every: s.every },
        { name: s.jobName, data: s.data, opts: defaultJobOptions },
      );
    }
    await reconcileSchedules({ db: deps.db, queue: queues.get('workflow-runs')!, log: deps.log });
    await recordWorkerHeartbeat({ redis: deps.redis }, { pid: process.pid });
  };
  await assertSchedulers();
  // A failed re-assertion (the connection dropped again, a script not loaded yet) is retried
  // with backoff from 1 s to 30 s until it succeeds: waiting for the next periodic pass would
  // leave the schedules missing for minutes.
  let closed = false;
  let closing: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  const reassert = (why: string, attempt = 0): void =>
    void assertSchedulers().then(
      () => deps.log.info({ why }, 'job schedulers re-asserted'),
      (err: unknown) => {
        deps.log.warn({ why, attempt, err: { message: (err as Error).message } }, 'job schedulers not re-asserted yet');
        if (closed) return;
        if (retry) clearTimeout(retry);
        retry = setTimeout(() => reassert(why, attempt + 1), Math.min(1000 * 2 ** attempt, 30_000));
        retry.unref();
      },
    );
  const onReady = () => reassert('redis reconnected');
  deps.redis.on('ready', onReady);
  const periodic = setInterval(() => reassert('periodic'), opts.reassertEveryMs ?? SCHEDULER_REASSERT_MS);
  periodic.unref();
  const workers = QUEUE_NAMES.map((name) => {
    const worker = new Worker(name, (job, token) => runJob(deps, job, token), {
      connection: deps.redis,
      prefix: deps.prefix,
      concurrency: name === 'workflow-runs' ? (deps.runConcurrency ?? 10) : (opts.concurrency ?? 2),
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
  // SPEC P2: runs committed with a notification (webhooks) are enqueued here at once. Started
  // in the background: boot never waits on the LISTEN connection (the periodic drainer covers
  // anything the relay has not picked up).
  const client = (deps.db as unknown as { $client?: { listen?: Listen } }).$client;
  const relay = client?.listen
    ? startOutboxRelay({
        db: deps.db,
        queue: queues.get('workflow-runs')!,
        log: deps.log,
        channel: outboxChannelFor(deps.prefix),
        listen: client.listen.bind(client),
      }).catch((err: unknown) => {
        deps.log.warn({ err: { message: (err as Error).message } }, 'outbox relay not started; the periodic drainer dispatches webhook runs');
        return null;
      })
    : Promise.resolve(null);

  return {
    workers,
    queues: [...queues.values()],
    relayReady: relay.then((r) => r !== null),
    // Workers first (the active job finishes), then the queues; connections are the caller's.
    close: () => (closing ??= closeAll()),
  };

  // Once: a second call (a signal during shutdown, a test's cleanup) waits for the same close.
  async function closeAll() {
    closed = true;
    clearInterval(periodic);
    if (retry) clearTimeout(retry);
    deps.redis.off('ready', onReady);
    await withTimeout(relay.then((r) => r?.stop()), 2000).catch(() => undefined);
    const grace = opts.closeGraceMs ?? WORKER_CLOSE_GRACE_MS;
    await Promise.all(
      workers.map((w) =>
        withTimeout(w.close(), grace).catch(async () => {
          deps.log.warn({ queue: w.name, graceMs: grace }, 'worker did not close in time; forcing it');
          await withTimeout(w.close(true), 2000).catch(() => undefined);
        }),
      ),
    );
    await Promise.all([...queues.values()].map((q) => withTimeout(q.close(), 2000).catch(() => undefined)));
  }
}
