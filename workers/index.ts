import '~/server/infra/env-files';
import { appUrlWarning, env } from '~/env';
import { createStripe } from '~/server/domain/billing/stripe';
import { createDb } from '~/server/infra/db/client';
import { createMailTransport } from '~/server/infra/mail/transport';
import { logger } from '~/server/infra/logger';
import { createRedis } from '~/server/infra/redis';
import { configureTelemetry, flushTelemetry } from '~/server/domain/telemetry/log';
import { startWorkers } from './runtime';

/**
 * The worker process (SPEC J1): connects to Redis and PostgreSQL, starts a Worker per queue,
 * upserts the job schedulers, and on SIGTERM/SIGINT lets active jobs finish, then closes the
 * workers, Redis and PostgreSQL, in that order.
 */
async function main() {
  const log = logger.child({ process: 'workers' });
  const redis = createRedis('worker');
  const { db, sql } = createDb(env.DATABASE_URL, { max: 5 });
  await sql`select 1`;
  await redis.ping();
  await configureTelemetry({ db, source: 'worker' });
  const mail = createMailTransport();
  // Signals are handled from here on: a SIGTERM during start-up waits for it, then shuts down.
  let closing = false;
  const starting = startWorkers({
    db,
    redis,
    stripe: createStripe(),
    mail,
    log,
    prefix: env.REDIS_PREFIX,
    lockDurationMs: env.WORKER_LOCK_DURATION_MS,
    runConcurrency: env.RUN_WORKER_CONCURRENCY,
  });
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down workers');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      const running = await starting;
      await running.close();
      await flushTelemetry().catch(() => null);
      await redis.quit();
      await sql.end({ timeout: 5 });
      log.info('workers stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err: { message: (err as Error).message } }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  const running = await starting;
  log.info({ queues: running.queues.map((q) => q.name), mail: mail.kind, app_url: env.APP_URL }, 'workers ready');
  const warning = appUrlWarning();
  if (warning) log.warn(warning);
}

main().catch((err: unknown) => {
  logger.fatal({ err: { message: (err as Error).message } }, 'workers failed to start');
  process.exit(1);
});
