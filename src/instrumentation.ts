/** Runs once when a server process boots: validates the environment before any request (F4). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('./env');
    const { logger } = await import('./server/logger');
    logger.info({ node_env: env.NODE_ENV, pid: process.pid }, 'levqor web process ready');
  }
}
