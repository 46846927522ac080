import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { MAX_RESPONSE_BYTES } from '~/server/domain/runs/deps';
import { stepIdempotencyKey } from '~/server/domain/runs/engine';
import { startRun } from '~/server/domain/runs/start';
import { addressPolicy } from '~/server/domain/runs/ssrf';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { workflowRuns, workflowRunSteps, workflows } from '~/server/infra/db/schema';
import { logger } from '~/server/infra/logger';
import { createMailTransport } from '~/server/infra/mail/transport';
import { createQueue } from '~/server/infra/queue/queues';
import { makeUser, setupTestDeps } from '../helpers/deps';

/**
 * SPEC P2 crash drill with real worker processes: the worker is SIGKILLed while a step is in
 * flight (the target holds the request open). A new worker finishes the run: the finished step
 * is not executed again, the crashed step is retried with the same Idempotency-Key.
 */
const root = path.resolve(import.meta.dirname, '../..');
const deps = setupTestDeps();
const children: ChildProcess[] = [];
const hits: { path: string; key: string | undefined }[] = [];
let hang = true;
let sawHang: () => void = () => {};
const hangSeen = new Promise<void>((r) => (sawHang = r));
let target: http.Server;
let base = '';

beforeAll(async () => {
  target = http.createServer((req, res) => {
    hits.push({ path: req.url ?? '/', key: req.headers['idempotency-key'] as string | undefined });
    if (req.url?.startsWith('/slow') && hang) {
      sawHang();
      return; // never answers: the worker dies waiting
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of children) killGroup(c, 'SIGKILL');
  target.closeAllConnections();
  await new Promise((r) => target.close(r));
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

function startWorker(prefix: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts'], {
    cwd: root,
    env: { ...process.env, REDIS_PREFIX: prefix, WORKER_LOCK_DURATION_MS: '2000', WORKFLOW_HTTP_ALLOWLIST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FILE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const ready = new Promise<void>((resolve) => {
    const check = () => (output.includes('workers ready') ? resolve() : setTimeout(check, 50));
    check();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

describe('engine crash drill (SPEC P2)', () => {
  it('a worker killed mid-step: the run finishes on another worker, no finished step runs twice', async () => {
    const prefix = `levqor-test-engine-crash-${crypto.randomUUID().slice(0, 8)}`;
    const queue = createQueue('workflow-runs', deps.redis, prefix);
    const user = (await loadCurrentUser(deps, (await makeUser(deps.db)).id))!;
    const created = await createWorkflow({ db: deps.db }, user, {
      name: 'Crash drill',
      steps: [
        { id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } },
        { id: 'first', name: 'First', type: 'http_request', config: { method: 'POST', url: `${base}/first` } },
        { id: 'slow', name: 'Slow', type: 'http_request', config: { method: 'POST', url: `${base}/slow`, timeoutMs: 30_000 } },
        { id: 'last', name: 'Last', type: 'http_request', config: { method: 'POST', url: `${base}/last` } },
      ],
    });
    const [workflow] = await deps.db.select().from(workflows).where(eq(workflows.id, created.id));
    try {
      const first = startWorker(prefix);
      await first.ready;
      const engine = {
        db: deps.db,
        redis: deps.redis,
        queue,
        log: logger,
        mail: createMailTransport({ resendApiKey: undefined, smtpUrl: undefined }),
        http: { policy: addressPolicy('127.0.0.1'), maxResponseBytes: MAX_RESPONSE_BYTES },
        concurrencyPerTenant: 5,
      };
      const { runId } = await startRun(engine, { workflow: workflow!, trigger: 'manual', payload: {}, startedBy: user.id });
      await hangSeen;
      killGroup(first.child, 'SIGKILL');
      await first.exited;
      hang = false;

      const second = startWorker(prefix);
      await expect
        .poll(async () => (await deps.db.select({ s: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.id, runId)))[0]!.s, {
          timeout: 45_000,
          interval: 100,
        })
        .toBe('succeeded');
      expect(hits.filter((h) => h.path === '/first')).toHaveLength(1);
      expect(hits.filter((h) => h.path === '/last')).toHaveLength(1);
      const slow = hits.filter((h) => h.path === '/slow');
      expect(slow).toHaveLength(2);
      expect(new Set(slow.map((h) => h.key))).toEqual(new Set([stepIdempotencyKey(runId, 'slow')]));
      const attempts = await deps.db
        .select({ stepId: workflowRunSteps.stepId, attempt: workflowRunSteps.attempt, status: workflowRunSteps.status })
        .from(workflowRunSteps)
        .where(eq(workflowRunSteps.runId, runId))
        .orderBy(asc(workflowRunSteps.startedAt), asc(workflowRunSteps.stepIndex), asc(workflowRunSteps.attempt));
      expect(attempts).toEqual([
        { stepId: 'start', attempt: 1, status: 'succeeded' },
        { stepId: 'first', attempt: 1, status: 'succeeded' },
        { stepId: 'slow', attempt: 1, status: 'failed' },
        { stepId: 'slow', attempt: 2, status: 'succeeded' },
        { stepId: 'last', attempt: 1, status: 'succeeded' },
      ]);
      killGroup(second.child, 'SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      await queue.obliterate({ force: true }).catch(() => null);
      await queue.close();
    }
  }, 90_000);
});
