import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '~/server/infra/db/client';
import { z } from 'zod';
import { AppError } from '~/server/errors';
import { tenants, workflows, workflowVersions } from '~/server/infra/db/schema';
import type { EngineDeps } from './deps';
import { startRun } from './start';

/**
 * Webhook triggers (SPEC P2): `POST /api/hooks/<workflowId>` with `Authorization: Bearer <secret>`
 * (decision 008: a bearer secret, stored as a SHA-256 hash and compared in constant time; the
 * secret itself is shown once, when it is issued or rotated). An optional `Idempotency-Key`
 * header makes a retried delivery start one run.
 */
export const WEBHOOK_SECRET_PREFIX = 'lvq_whsec_';

export function newWebhookSecret(): { secret: string; hash: string; hint: string } {
  const secret = `${WEBHOOK_SECRET_PREFIX}${randomBytes(24).toString('base64url')}`;
  return { secret, hash: hashWebhookSecret(secret), hint: secret.slice(-4) };
}

export const hashWebhookSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

function secretMatches(given: string | null, storedHash: string | null): boolean {
  if (!given || !storedHash) return false;
  const a = Buffer.from(hashWebhookSecret(given), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const workflowIdSchema = z.uuid();

const lookups = new WeakMap<Db, ReturnType<typeof buildLookup>>();
function buildLookup(db: Db) {
  return db
    .select({ workflow: workflows, versionId: workflowVersions.id, plan: tenants.plan, tenantStatus: tenants.status })
    .from(workflows)
    .innerJoin(tenants, eq(tenants.id, workflows.tenantId))
    .leftJoin(workflowVersions, and(eq(workflowVersions.workflowId, workflows.id), eq(workflowVersions.version, workflows.currentVersion)))
    .where(eq(workflows.id, sql.placeholder('id')))
    .limit(1)
    .prepare('levqor_webhook_lookup');
}
function lookupOf(db: Db) {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = buildLookup(db)));
  return lookup;
}

const UNAUTHORIZED = 'Missing or wrong webhook secret. Send it as "Authorization: Bearer <secret>".';

export async function acceptWebhook(
  deps: EngineDeps,
  input: { workflowId: string; authorization: string | null; contentType: string | null; idempotencyKey: string | null; body: string },
): Promise<{ run_id: string; status: 'queued' | 'waiting'; duplicate: boolean }> {
  const token = input.authorization?.startsWith('Bearer ') ? input.authorization.slice(7).trim() : null;
  const id = workflowIdSchema.safeParse(input.workflowId);
  // The workflow, its current version and its workspace's plan in one query, built once per
  // process (this path is the hot one under load).
  const [found] = id.success ? await lookupOf(deps.db).execute({ id: id.data }) : [];
  const workflow = found?.workflow;
  // Unknown workflow and wrong secret answer alike: the endpoint tells nothing to a guesser.
  if (!workflow || !secretMatches(token, workflow.webhookSecretHash)) throw new AppError('UNAUTHORIZED', UNAUTHORIZED);
  if (workflow.status !== 'active') {
    throw new AppError('CONFLICT', `This workflow is ${workflow.status === 'paused' ? 'paused' : 'not active yet'}: activate it to accept webhook calls.`);
  }
  let body: unknown = input.body;
  if (/json/i.test(input.contentType ?? '') || /^\s*[[{]/.test(input.body)) {
    try {
      body = input.body.trim() ? JSON.parse(input.body) : {};
    } catch {
      throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
    }
  }
  const key = input.idempotencyKey?.trim().slice(0, 200) || null;
  const at = (deps.now?.() ?? new Date()).toISOString();
  const result = await startRun(deps, {
    workflow,
    trigger: 'webhook',
    payload: { body, receivedAt: at, contentType: input.contentType?.slice(0, 100) ?? null },
    startedBy: null,
    dedupeKey: key ? `webhook:${key}` : null,
    version: found?.versionId ? { id: found.versionId, version: workflow.currentVersion } : null,
    tenantPlan: { plan: found.plan, status: found.tenantStatus },
    // Webhooks can arrive by the thousand: the workers' outbox relay enqueues them.
    dispatch: 'relay',
  });
  return { run_id: result.runId, status: result.status, duplicate: result.duplicate };
}
