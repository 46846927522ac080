import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCurrentUser, type CurrentUser } from '~/server/domain/accounts/users';
import { MAX_RESPONSE_BYTES, type EngineDeps } from '~/server/domain/runs/deps';
import { processRun } from '~/server/domain/runs/engine';
import { startRun } from '~/server/domain/runs/start';
import { addressPolicy } from '~/server/domain/runs/ssrf';
import { openSecret, sealSecret, secretsKeyFrom } from '~/server/domain/secrets/crypto';
import { listSecrets, setSecret } from '~/server/domain/secrets/store';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { tenantSecrets, workflowRuns, workflowRunSteps, workflows } from '~/server/infra/db/schema';
import { logger } from '~/server/infra/logger';
import { createMailTransport } from '~/server/infra/mail/transport';
import { createQueue } from '~/server/infra/queue/queues';
import { secretsDeps } from '~/server/transport/engine-deps';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';

/** The workspace secrets store (SPEC P1, issue 13 #5) on the real PostgreSQL, with a local target. */
const deps = setupTestDeps();
const queue = createQueue('workflow-runs', deps.redis, `levqor-test:secrets-${crypto.randomUUID().slice(0, 8)}`);
const key = secretsDeps(deps).secretsKey;
const VALUE = 'sk_live_unit-test-Very$ecret"value';

const received: { path: string; authorization: string | undefined }[] = [];
let target: http.Server;
let base = '';
beforeAll(async () => {
  target = http.createServer((req, res) => {
    received.push({ path: req.url ?? '/', authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    // An API that echoes what it got: the echo must not bring the secret into the run's record.
    res.end(JSON.stringify({ ok: true, echo: req.headers.authorization, url: req.url }));
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => target.close(() => r()));
  await queue.obliterate({ force: true }).catch(() => null);
  await queue.close();
});

const engine = (): EngineDeps => ({
  db: deps.db,
  redis: deps.redis,
  queue,
  log: logger,
  mail: createMailTransport({ resendApiKey: undefined, smtpUrl: undefined }),
  http: { policy: addressPolicy('127.0.0.1'), maxResponseBytes: MAX_RESPONSE_BYTES },
  concurrencyPerTenant: 5,
  secretsKey: key,
});

async function owner(): Promise<CurrentUser> {
  return (await loadCurrentUser(deps, (await makeUser(deps.db)).id))!;
}

async function runCalling(user: CurrentUser, tag: string) {
  const created = await createWorkflow({ db: deps.db }, user, {
    name: 'Calls an API',
    steps: [
      { id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } },
      {
        id: 'call',
        name: 'Call',
        type: 'http_request',
        config: { method: 'GET', url: `${base}/api/${tag}?key={{ secrets.API_KEY }}`, headers: { Authorization: 'Bearer {{ secrets.API_KEY }}' } },
      },
    ],
  });
  const [wf] = await deps.db.select().from(workflows).where(eq(workflows.id, created.id));
  const { runId } = await startRun(engine(), { workflow: wf!, trigger: 'manual', payload: {}, startedBy: user.id });
  const outcome = await processRun(engine(), { runId });
  const [run] = await deps.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
  const attempts = await deps.db.select().from(workflowRunSteps).where(eq(workflowRunSteps.runId, runId));
  return { outcome, run: run!, attempts };
}

describe('secrets store (SPEC P1)', () => {
  it('keeps values encrypted at rest and never lists them', async () => {
    const user = await owner();
    await setSecret(secretsDeps(deps), user, { name: 'API_KEY', value: VALUE });
    const rows = await deps.db.select().from(tenantSecrets).where(eq(tenantSecrets.tenantId, user.tenantId));
    expect(rows).toHaveLength(1);
    // The whole table as text (what a dump holds): no plaintext anywhere.
    const [dump] = await deps.db.execute<{ text: string }>(sql`select coalesce(string_agg(t::text, ' '), '') as text from tenant_secrets t`);
    expect(dump!.text).not.toContain(VALUE);
    expect(dump!.text).not.toContain(Buffer.from(VALUE).toString('base64'));
    expect(rows[0]!.keyVersion).toBe(key.version);
    const listed = await callerFor(deps, user).secrets.list();
    expect(listed).toEqual([{ name: 'API_KEY', updatedAt: expect.any(Date) }]);
    expect(JSON.stringify(await listSecrets(deps, user))).not.toContain(VALUE);
  });

  it('refuses bad names and members', async () => {
    const user = await owner();
    await expect(callerFor(deps, user).secrets.set({ name: 'lower-case', value: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const member = await makeUser(deps.db, { role: 'member' });
    await expect(callerFor(deps, member).secrets.set({ name: 'API_KEY', value: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an http_request step sends the value and the run records only a mask', async () => {
    const user = await owner();
    await setSecret(secretsDeps(deps), user, { name: 'API_KEY', value: VALUE });
    const tag = crypto.randomUUID().slice(0, 8);
    const { outcome, attempts } = await runCalling(user, tag);
    expect(outcome).toBe('succeeded');
    const hit = received.find((r) => r.path.startsWith(`/api/${tag}`))!;
    expect(hit.authorization).toBe(`Bearer ${VALUE}`);
    expect(decodeURIComponent(hit.path)).toContain(VALUE);
    const recorded = JSON.stringify(attempts);
    expect(recorded).not.toContain(VALUE);
    expect(recorded).not.toContain(encodeURIComponent(VALUE));
    expect(recorded).toContain('[secret API_KEY]');
  });

  it("another workspace cannot use it: its step fails with the secret's name", async () => {
    const owner1 = await owner();
    await setSecret(secretsDeps(deps), owner1, { name: 'API_KEY', value: VALUE });
    const other = await owner();
    const { outcome, run } = await runCalling(other, crypto.randomUUID().slice(0, 8));
    expect(outcome).toBe('failed');
    expect(run.error).toMatch(/Unknown secret API_KEY/);
  });
});

describe('sealing', () => {
  const k = secretsKeyFrom({ SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'), SECRETS_KEY_VERSION: 3, AUTH_SECRET: 'x'.repeat(40) });
  it('round-trips, and refuses a tampered value, another workspace or name, and another key version', () => {
    const sealed = sealSecret(k, { tenantId: 't1', name: 'A', value: 'hello' });
    expect(sealed.keyVersion).toBe(3);
    expect(openSecret(k, { tenantId: 't1', name: 'A', ...sealed })).toBe('hello');
    const tampered = { ...sealed, ciphertext: Buffer.from('jello').toString('base64') };
    expect(() => openSecret(k, { tenantId: 't1', name: 'A', ...tampered })).toThrow();
    expect(() => openSecret(k, { tenantId: 't2', name: 'A', ...sealed })).toThrow();
    expect(() => openSecret(k, { tenantId: 't1', name: 'B', ...sealed })).toThrow();
    expect(() => openSecret({ ...k, version: 4 }, { tenantId: 't1', name: 'A', ...sealed })).toThrow(/key version/);
  });
});
