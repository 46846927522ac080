import type { Redis } from 'ioredis';
import type Stripe from 'stripe';
import type { Db } from '~/server/infra/db/client';
import type { Logger } from '~/server/infra/logger';
import { recordWorkerHeartbeat } from '~/server/domain/health/worker-heartbeat';
import { recordCheckResults } from './incidents';
import { overallStatus, takeHealthSnapshot } from './summary';

/**
 * The heartbeat job (SPEC H3, every 60 s): proves the workers are alive, runs every health
 * check, and opens or closes incidents. Idempotent: a retry or a second worker changes nothing.
 */
export async function runHeartbeat(deps: { db: Db; redis: Redis; stripe: Stripe | null; log?: Logger; now?: () => Date }) {
  await recordWorkerHeartbeat(deps, { pid: process.pid }).catch(() => null);
  const snapshot = await takeHealthSnapshot(deps);
  const changes = await recordCheckResults(deps, snapshot.checks);
  return { status: overallStatus(snapshot.checks), ...changes };
}
