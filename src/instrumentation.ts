/** Runs once when a server process boots: validates the environment before any request (F4). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { appUrlWarning, env } = await import('./env');
    const { logger } = await import('./server/infra/logger');
    const { flushTelemetry } = await import('./server/domain/telemetry/log');
    logger.info({ node_env: env.NODE_ENV, pid: process.pid, app_url: env.APP_URL }, 'levqor web process ready');
    const warning = appUrlWarning();
    if (warning) logger.warn(warning);
    // Buffered telemetry is written before the process stops.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void flushTelemetry().catch(() => null));
  }
}
