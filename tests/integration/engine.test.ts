import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue, QueueEvents } from 'bullmq';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCurrentUser, type CurrentUser } from '~/server/domain/accounts/users';
import { cancelRun, decideRun, rerun } from '~/server/domain/runs/control';
import { MAX_RESPONSE_BYTES, outboxChannelFor, type EngineDeps } from '~/server/domain/runs/deps';
import { drainOutbox } from '~/server/domain/runs/dispatch';
import { processRun, stepIdempotencyKey } from '~/server/domain/runs/engine';
import { enterRun, leaveRun } from '~/server/domain/runs/fairness';
import { sweepStuckRuns } from '~/server/domain/runs/maintenance';
import { getRun, runAnalytics } from '~/server/domain/runs/queries';
import { runWorkflowNow, startRun } from '~/server/domain/runs/start';
import { retryDelayMs } from '~/server/domain/runs/step-failure';
import { addressPolicy, guardedLookup } from '~/server/domain/runs/ssrf';
import { newWebhookSecret } from '~/server/domain/runs/webhooks';
import { workflowStepListSchema, type WorkflowStepInput } from '~/server/domain/workflows/steps';
import { createWorkflow, updateWorkflow } from '~/server/domain/workflows/workflows';
import { runOutbox, users, workflowRuns, workflowRunSteps, workflows, workflowVersions } from '~/server/infra/db/schema';
import { logger } from '~/server/infra/logger';
import { createMailTransport } from '~/server/infra/mail/transport';
import { createQueue } from '~/server/infra/queue/queues';
import { createRedis } from '~/server/infra/redis';
import { startWorkers } from '../../workers/runtime';
import { makeUser, setupTestDeps } from '../helpers/deps';

/**
 * The workflow engine (SPEC P2) on the real PostgreSQL and Redis, with a local HTTP target that
 * counts what it receives. Time comes from a clock the tests move; the run job is called
 * directly (processRun) except in the last block, which goes through BullMQ workers.
 */
const deps = setupTestDeps();
const prefix = `levqor-test:engine-${crypto.randomUUID().slice(0, 8)}`;
const queue = createQueue('workflow-runs', deps.redis, prefix);
const noMail = createMailTransport({ resendApiKey: undefined, smtpUrl: undefined });

type Hit = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };
const hits: Hit[] = [];
const flaky = new Map<string, number>();
let target: http.Server;
let base = '';

beforeAll(async () => {
  target = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      hits.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (path.startsWith('/ok')) return json(200, { count: 3, echo: body ? JSON.parse(body) : null });
      if (path.startsWith('/bad')) return json(400, { error: 'bad request' });
      if (path.startsWith('/down')) return json(503, { error: 'down' });
      if (path.startsWith('/flaky/')) {
        const key = path.split('/')[2]!;
        const left = flaky.get(key) ?? 0;
        flaky.set(key, left - 1);
        return left > 0 ? json(503, { error: 'try later' }) : json(200, { ok: true });
      }
      if (path.startsWith('/big')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(MAX_RESPONSE_BYTES + 10));
        return;
      }
      if (path.startsWith('/to-metadata')) {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        return res.end();
      }
      if (path.startsWith('/to-loopback')) {
        res.writeHead(307, { location: 'http://[::1]:9/' });
        return res.end();
      }
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await queue.obliterate({ force: true }).catch(() => null);
  await queue.close();
  await new Promise((r) => target.close(r));
});

/** A clock the tests move by hand. */
function clock(start = '2031-03-03T09:00:00.000Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

function engine(over: Partial<EngineDeps> = {}): EngineDeps {
  return {
    db: deps.db,
    redis: deps.redis,
    queue,
    log: logger,
    mail: noMail,
    // The target server is on 127.0.0.1: the operator allow-list names it (and nothing else).
    http: { policy: addressPolicy('127.0.0.1'), maxResponseBytes: MAX_RESPONSE_BYTES },
    concurrencyPerTenant: 5,
    ...over,
  };
}

async function owner(): Promise<CurrentUser> {
  return (await loadCurrentUser(deps, (await makeUser(deps.db)).id))!;
}

/**
 * A workflow as stored. Saves now demand a trigger first (issue 13), but versions saved before
 * that rule have none and the engine still runs them as they are: trigger-less lists are
 * written the way those older saves stored them.
 */
async function workflowOf(user: CurrentUser, steps: WorkflowStepInput[], extra: { approvalClass?: 'A' | 'B' | 'C' } = {}) {
  const legacy = steps[0]?.type !== 'webhook_trigger' && steps[0]?.type !== 'schedule_trigger';
  const created = await createWorkflow({ db: deps.db, newWebhookSecret }, user, {
    name: 'Engine test',
    steps: legacy ? [{ id: 'legacy-start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } }, ...steps] : steps,
    ...extra,
  });
  if (legacy) {
    const stored = workflowStepListSchema.parse(steps);
    await deps.db.update(workflows).set({ steps: stored }).where(eq(workflows.id, created.id));
    await deps.db.update(workflowVersions).set({ steps: stored }).where(eq(workflowVersions.workflowId, created.id));
  }
  const [row] = await deps.db.select().from(workflows).where(eq(workflows.id, created.id));
  return { ...row!, webhookSecret: created.webhookSecret };
}

const attemptsOf = (runId: string) =>
  deps.db.select().from(workflowRunSteps).where(eq(workflowRunSteps.runId, runId)).orderBy(asc(workflowRunSteps.startedAt), asc(workflowRunSteps.stepIndex), asc(workflowRunSteps.attempt));
const runOf = async (runId: string) => (await deps.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId)))[0]!;
const hitsFor = (prefixPath: string) => hits.filter((h) => h.path.startsWith(prefixPath));

describe('a run of each step type', () => {
  it('executes trigger, transform, condition, http_request, log, email and delay, pinned to its version', async () => {
    const user = await owner();
    const c = clock();
    const tag = crypto.randomUUID().slice(0, 8);
    const wf = await workflowOf(user, [
      { id: 'hook', name: 'Webhook', type: 'webhook_trigger', config: { method: 'POST' } },
      { id: 'shape', name: 'Shape', type: 'transform', config: { mapping: { amount: '{{ body.amount }}', who: 'Customer {{ body.name }}' } } },
      { id: 'big', name: 'Big enough?', type: 'condition', config: { field: 'amount', operator: 'greater_than', value: 10 } },
      { id: 'call', name: 'Call', type: 'http_request', config: { method: 'POST', url: `${base}/ok/${tag}`, body: '{"who":"{{ who }}","amount":{{ amount }}}' } },
      { id: 'note', name: 'Note', type: 'log', config: { message: 'Got {{ response.body.count }} for {{ steps.shape.who }}' } },
      { id: 'mail', name: 'Mail', type: 'email', config: { to: 'ops@example.test', subject: 'Hi {{ who }}', body: 'Amount {{ amount }}' } },
      { id: 'pause', name: 'Pause', type: 'delay', config: { amount: 2, unit: 'minutes' } },
      { id: 'after', name: 'After', type: 'log', config: { message: 'resumed' } },
    ]);
    const e = engine({ now: c.now });
    const { runId } = await startRun(e, { workflow: wf, trigger: 'webhook', payload: { body: { amount: 42, name: 'Ada' } }, startedBy: null });
    // A later edit makes version 2; the run keeps executing version 1.
    await updateWorkflow({ db: deps.db }, user, { id: wf.id, steps: [{ id: 'hook', name: 'Webhook', type: 'webhook_trigger', config: { method: 'POST' } }, { id: 'only', name: 'Only', type: 'log', config: { message: 'v2' } }] });

    expect(await processRun(e, { runId })).toBe('waiting');
    expect(await runOf(runId)).toMatchObject({ status: 'waiting', version: 1, waitUntil: new Date(c.now().getTime() + 120_000) });
    expect(await processRun(e, { runId })).toBe('not-due');
    c.advance(120_000);
    expect(await processRun(e, { runId })).toBe('succeeded');

    const steps = await attemptsOf(runId);
    expect(steps.map((s) => [s.stepId, s.status, s.attempt])).toEqual([
      ['hook', 'succeeded', 1],
      ['shape', 'succeeded', 1],
      ['big', 'succeeded', 1],
      ['call', 'succeeded', 1],
      ['note', 'succeeded', 1],
      ['mail', 'succeeded', 1],
      ['pause', 'succeeded', 1],
      ['after', 'succeeded', 1],
    ]);
    const out = Object.fromEntries(steps.map((s) => [s.stepId, s.output]));
    expect(out.shape).toEqual({ amount: 42, who: 'Customer Ada' });
    expect(out.big).toMatchObject({ result: true });
    expect(out.note).toMatchObject({ message: 'Got 3 for Customer Ada' });
    expect(out.mail).toEqual({ sent: false, reason: 'not sent: no transport' });
    const [hit] = hitsFor(`/ok/${tag}`);
    expect(JSON.parse(hit!.body)).toEqual({ who: 'Customer Ada', amount: 42 });
    expect(hit!.headers['idempotency-key']).toBe(stepIdempotencyKey(runId, 'call'));

    const detail = await getRun(deps, user, { id: runId });
    expect(detail.steps.map((s) => s.id)).toEqual(['hook', 'shape', 'big', 'call', 'note', 'mail', 'pause', 'after']);
    expect(detail).toMatchObject({ status: 'succeeded', version: 1 });
  });

  it('a false condition jumps to its else step, or ends the run successfully', async () => {
    const user = await owner();
    const wf = await workflowOf(user, [
      { id: 'check', name: 'Check', type: 'condition', config: { field: 'body.plan', operator: 'equals', value: 'pro', elseStepId: 'other' } },
      { id: 'pro', name: 'Pro', type: 'log', config: { message: 'pro' } },
      { id: 'other', name: 'Other', type: 'log', config: { message: 'other' } },
    ]);
    const e = engine();
    const { runId } = await startRun(e, { workflow: wf, trigger: 'manual', payload: { body: { plan: 'free' } }, startedBy: user.id });
    expect(await processRun(e, { runId })).toBe('succeeded');
    expect((await attemptsOf(runId)).map((s) => s.stepId)).toEqual(['check', 'other']);
  });

  it('"end the run" closes the true side: if/otherwise runs exactly one branch', async () => {
    const user = await owner();
    const wf = await workflowOf(user, [
      { id: 'check', name: 'Check', type: 'condition', config: { field: 'body.plan', operator: 'equals', value: 'pro', elseStepId: 'other' } },
      { id: 'pro', name: 'Pro', type: 'log', config: { message: 'pro' } },
      { id: 'end', name: 'End', type: 'stop', config: {} },
      { id: 'other', name: 'Other', type: 'log', config: { message: 'other' } },
    ]);
    const e = engine();
    const pro = await startRun(e, { workflow: wf, trigger: 'manual', payload: { body: { plan: 'pro' } }, startedBy: user.id });
    expect(await processRun(e, { runId: pro.runId })).toBe('succeeded');
    expect((await attemptsOf(pro.runId)).map((s) => s.stepId)).toEqual(['check', 'pro', 'end']);
    const free = await startRun(e, { workflow: wf, trigger: 'manual', payload: { body: { plan: 'free' } }, startedBy: user.id });
    expect(await processRun(e, { runId: free.runId })).toBe('succeeded');
    expect((await attemptsOf(free.runId)).map((s) => s.stepId)).toEqual(['check', 'other']);
  });
});

describe('retries (SPEC P2, seed 001)', () => {
  it('backs off from 1 s to 5 min over five attempts', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1000, 6694, 44814, 300000]);
  });

  it('retries a failing HTTP step with backoff and the same idempotency key, then succeeds', async () => {
    const user = await owner();
    const c = clock();
    const tag = crypto.randomUUID().slice(0, 8);
    flaky.set(tag, 2);
    const wf = await workflowOf(user, [{ id: 'call', name: 'Call', type: 'http_request', config: { method: 'GET', url: `${base}/flaky/${tag}` } }]);
    const e = engine({ now: c.now });
    const { runId } = await startRun(e, { workflow: wf, trigger: 'manual', payload: {}, startedBy: user.id });

    expect(await processRun(e, { runId })).toBe('retrying');
    const first = await runOf(runId);
    expect(first).toMatchObject({ status: 'queued', waitUntil: new Date(c.now().getTime() + 1000) });
    const pending = await deps.db.select().from(runOutbox).where(eq(runOutbox.runId, runId)).orderBy(asc(runOutbox.id));
    expect(pending.at(-1)).toMatchObject({ runAt: new Date(c.now().getTime() + 1000) });
    expect(pending.at(-1)!.priority).toBeLessThan(pending[0]!.priority);
    expect(await processRun(e, { runId })).toBe('not-due');

    c.advance(1000);
    expect(await processRun(e, { runId })).toBe('retrying');
    expect((await runOf(runId)).waitUntil).toEqual(new Date(c.now().getTime() + 6694));
    c.advance(6694);
    expect(await processRun(e, { runId })).toBe('succeeded');

    const tries = hitsFor(`/flaky/${tag}`);
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((h) => h.headers['idempotency-key']))).toEqual(new Set([stepIdempotencyKey(runId, 'call')]));
    expect((await attemptsOf(runId)).map((s) => s.status)).toEqual(['failed', 'failed', 'succeeded']);
  });

  it('fails after five attempts with the error; a 4xx fails at once', async () => {
    const user = await owner();
    const c = clock();
    const tag = crypto.randomUUID().slice(0, 8);
    const wf = await workflowOf(user, [{ id: 'call', name: 'Call', type: 'http_request', config: { method: 'GET', url: `${base}/down/${tag}` } }]);
    const e = engine({ now: c.now });
    const { runId } = await startRun(e, { workflow: wf, trigger: 'manual', payload: {}, startedBy: user.id });
    for (const delay of [1000, 6694, 44814, 300000]) {
      expect(await processRun(e, { runId })).toBe('retrying');
      c.advance(delay);
    }
    expect(await processRun(e, { runId })).toBe('failed');
    expect(await runOf(runId)).toMatchObject({ status: 'failed', errorStepId: 'call', error: expect.stringMatching(/answered 503/) });
    expect(hitsFor(`/down/${tag}`)).toHaveLength(5);

    const bad = await workflowOf(user, [{ id: 'call', name: 'Call', type: 'http_request', config: { method: 'GET', url: `${base}/bad/${tag}` } }]);
    const second = await startRun(e, { workflow: bad, trigger: 'manual', payload: {}, startedBy: user.id });
    expect(await processRun(e, { runId: second.runId })).toBe('failed');
    expect(hitsFor(`/bad/${tag}`)).toHaveLength(1);
    expect((await attemptsOf(second.runId))[0]).toMatchObject({ status: 'failed', retryable: false });

    // Re-run from the failed step: finished steps are kept, the failed one gets fresh attempts.
    const rerunOf = await rerun(e, user, { runId: second.runId, from: 'failed_step' });
    expect(rerunOf).toMatchObject({ runId: second.runId, status: 'queued' });
    expect(await processRun(e, { runId: second.runId })).toBe('failed');
    expect((await attemptsOf(second.runId)).map((s) => s.status)).toEqual(['superseded', 'failed']);
    // From the start, on the latest version: a new run.
    await updateWorkflow({ db: deps.db }, user, { id: bad.id, steps: [{ id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } }, { id: 'fine', name: 'Fine', type: 'log', config: { message: 'fixed' } }] });
    const fresh = await rerun(e, user, { runId: second.runId, from: 'start' });
    expect(fresh.runId).not.toBe(second.runId);
    expect(await processRun(e, { runId: fresh.runId })).toBe('succeeded');
    expect(await runOf(fresh.runId)).toMatchObject({ version: 2, trigger: 'rerun', rerunOf: second.runId });
  });
});

describe('crash recovery', () => {
  it('retries the step a dead worker left running, with the same key, and never repeats a finished step', async () => {
    const user = await owner();
    const tag = crypto.randomUUID().slice(0, 8);
    const wf = await workflowOf(user, [
      { id: 'first', name: 'First', type: 'http_request', config: { method: 'POST', url: `${base}/ok/first-${tag}` } },
      { id: 'second', name: 'Second', type: 'http_request', config: { method: 'POST', url: `${base}/ok/second-${tag}` } },
    ]);
    const e = engine();
    const { runId } = await startRun(e, { workflow: wf, trigger: 'manual', payload: {}, startedBy: user.id });
    // What a worker killed during step two leaves: step one finished, step two 'running'.
    const run = await runOf(runId);
    await deps.db.update(workflowRuns).set({ status: 'running', startedAt: new Date(Date.now() - 3000) }).where(eq(workflowRuns.id, runId));
    await deps.db.insert(workflowRunSteps).values([
      { tenantId: run.tenantId, runId, stepId: 'first', stepIndex: 0, stepType: 'http_request', attempt: 1, status: 'succeeded', output: { status: 200 }, idempotencyKey: stepIdempotencyKey(runId, 'first'), startedAt: new Date(Date.now() - 2000), finishedAt: new Date(Date.now() - 1500) },
      { tenantId: run.tenantId, runId, stepId: 'second', stepIndex: 1, stepType: 'http_request', attempt: 1, status: 'running', idempotencyKey: stepIdempotencyKey(runId, 'second'), startedAt: new Date(Date.now() - 1000) },
    ]);
    expect(await processRun(e, { runId })).toBe('succeeded');
    expect(hitsFor(`/ok/first-${tag}`)).toHaveLength(0);
    const second = hitsFor(`/ok/second-${tag}`);
    expect(second).toHaveLength(1);
    expect(second[0]!.headers['idempotency-key']).toBe(stepIdempotencyKey(runId, 'second'));
    expect((await attemptsOf(runId)).map((s) => [s.stepId, s.attempt, s.status])).toEqual([
      ['first', 1, 'succeeded'],
      ['second', 1, 'failed'],
      ['second', 2, 'succeeded'],
    ]);
  });

  it('a commit whose enqueue never happened is dispatched by the drainer; a run whose job vanished by the sweeper', async () => {
    const user = await owner();
    const c = clock();
    const wf = await workflowOf(user, [{ id: 'log', name: 'Log', type: 'log', config: { message: 'hi' } }]);
    // Redis unreachable at commit time: the run and its outbox row are stored, nothing is queued.
    const broken = createQueue('workflow-runs', createRedis('web', 'redis://127.0.0.1:1'), prefix);
    const { runId } = await startRun(engine({ queue: broken, now: c.now }), { workflow: wf, trigger: 'manual', payload: {}, startedBy: user.id });
    await broken.close().catch(() => null);
    const [pending] = await deps.db.select().from(runOutbox).where(and(eq(runOutbox.runId, runId), isNull(runOutbox.dispatchedAt)));
    expect(pending).toBeTruthy();
    expect(await drainOutbox({ db: deps.db, queue, now: c.now }, { onlyRunId: runId })).toBe(1);
    expect(await queue.getJob(pending!.jobId)).toBeTruthy();
    expect(await drainOutbox({ db: deps.db, queue, now: c.now }, { onlyRunId: runId })).toBe(0);

    // The job is lost (say, Redis came back empty): after five minutes the sweeper dispatches again.
    await (await queue.getJob(pending!.jobId))!.remove();
    await deps.db.update(workflowRuns).set({ updatedAt: c.now() }).where(eq(workflowRuns.id, runId));
    const pendingFor = async () =>
      (await deps.db.select().from(runOutbox).where(and(eq(runOutbox.runId, runId), isNull(runOutbox.dispatchedAt)))).length;
    await sweepStuckRuns(engine({ now: c.now }));
    expect(await pendingFor()).toBe(0); // not stuck yet
    c.advance(6 * 60_000);
    // Other files' never-worked runs are stuck too by now: sweep (100 a round) until none is left.
    for (let round = 0; round < 100 && (await sweepStuckRuns(engine({ now: c.now }))) > 0; round++);
    expect(await pendingFor()).toBe(1);
    expect(await drainOutbox({ db: deps.db, queue, now: c.now }, { onlyRunId: runId })).toBe(1);
    expect(await processRun(engine({ now: c.now }), { runId })).toBe('succeeded');
  });
});

describe('SSRF guard (SPEC P2)', () => {
  const refused = async (url: string, policy = addressPolicy('')) => {
    const user = await owner();
    const wf = await workflowOf(user, [{ id: 'call', name: 'Call', type: 'http_request', config: { method: 'GET', url } }]);
    const e = engine({ http: { policy, maxResponseBytes: MAX_RESPONSE_BYTES } });
    const { runId } = await startRun(e, { workflow: wf, trigger: 'manual', payload: {}, startedBy: user.id });
    expect(await processRun(e, { runId }), url).toBe('failed');
    return (await runOf(runId)).error ?? '';
  };

  it('refuses loopback, private, link-local and metadata addresses in every form', async () => {
    for (const url of [
      'http://127.0.0.1:9/',
      'http://2130706433/',
      'http://0177.0.0.1/',
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://10.1.2.3/',
      'http://192.168.0.10/',
      'http://172.16.5.5/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://0.0.0.0/',
      'http://localhost:9/',
    ]) {
      expect(await refused(url)).toMatch(/private or internal/);
    }
  });

  it('checks what a name resolves to, and every redirect', async () => {
    expect(await refused('http://localhost.:9/')).toMatch(/private or internal/);
    // A name (not a literal) whose DNS answer is loopback: refused at lookup time, whatever it is called.
    const answer = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup(addressPolicy(''))('localhost', { all: true }, (err) => resolve(err)),
    );
    expect(answer).toMatchObject({ code: 'EBLOCKED', message: expect.stringMatching(/private or internal/) });
    const allowed = await new Promise<unknown>((resolve) => guardedLookup(addressPolicy('127.0.0.1,::1'))('localhost', { all: true }, (_e, a) => resolve(a)));
    expect(allowed).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/127\.0\.0\.1|::1/) })]));
    // The target is allowed by the operator list, but where it redirects to is not.
    expect(await refused(`${base}/to-metadata`, addressPolicy('127.0.0.1'))).toMatch(/private or internal/);
    expect(await refused(`${base}/to-loopback`, addressPolicy('127.0.0.1'))).toMatch(/private or internal/);
  });

  it('fails a response over the size cap without retrying', async () => {
    expect(await refused(`${base}/big`, addressPolicy('127.0.0.1'))).toMatch(/larger than/);
  });
});

describe('approvals (SPEC P2)', () => {
  async function teamOf(n: number) {
    const first = await owner();
    const others: CurrentUser[] = [];
    for (let i = 0; i < n; i++) {
      const u = await makeUser(deps.db);
      await deps.db.update(users).set({ tenantId: first.tenantId, role: 'owner' }).where(eq(users.id, u.id));
      others.push((await loadCurrentUser(deps, u.id))!);
    }
    return [first, ...others];
  }

  it('class C waits for two distinct approvers, never the one who started it', async () => {
    const [starter, second, third] = await teamOf(2);
    const wf = await workflowOf(starter!, [{ id: 'log', name: 'Log', type: 'log', config: { message: 'approved work' } }], { approvalClass: 'C' });
    const e = engine();
    const { runId, status } = await runWorkflowNow(e, starter!, { workflowId: wf.id });
    expect(status).toBe('waiting');
    expect(await processRun(e, { runId })).toBe('awaiting-approval');
    await expect(decideRun(e, starter!, { runId, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await decideRun(e, second!, { runId, decision: 'approve' })).toMatchObject({ approvalState: 'pending' });
    await expect(decideRun(e, second!, { runId, decision: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await decideRun(e, third!, { runId, decision: 'approve' })).toMatchObject({ approvalState: 'approved' });
    expect(await processRun(e, { runId })).toBe('succeeded');
    const detail = await getRun(deps, starter!, { id: runId });
    expect(detail.approvals.map((a) => a.decision)).toEqual(['approve', 'approve']);
  });

  it('class B needs one approval; a rejection cancels; members cannot decide', async () => {
    const [first, second] = await teamOf(1);
    const wf = await workflowOf(first!, [{ id: 'log', name: 'Log', type: 'log', config: { message: 'b' } }], { approvalClass: 'B' });
    const e = engine();
    const member = await makeUser(deps.db, { role: 'member' });
    await deps.db.update(users).set({ tenantId: first!.tenantId }).where(eq(users.id, member.id));
    const a = await runWorkflowNow(e, first!, { workflowId: wf.id });
    await expect(decideRun(e, (await loadCurrentUser(deps, member.id))!, { runId: a.runId, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await decideRun(e, second!, { runId: a.runId, decision: 'approve' })).toMatchObject({ approvalState: 'approved' });
    expect(await processRun(e, { runId: a.runId })).toBe('succeeded');
    const b = await runWorkflowNow(e, first!, { workflowId: wf.id });
    expect(await decideRun(e, second!, { runId: b.runId, decision: 'reject' })).toMatchObject({ approvalState: 'rejected' });
    expect(await runOf(b.runId)).toMatchObject({ status: 'cancelled', approvalState: 'rejected' });
  });
});

describe('control and fairness', () => {
  it('cancels a queued run; a cancelled run never starts', async () => {
    const user = await owner();
    const wf = await workflowOf(user, [{ id: 'log', name: 'Log', type: 'log', config: { message: 'x' } }]);
    const e = engine();
    const { runId } = await startRun(e, { workflow: wf, trigger: 'manual', payload: {}, startedBy: user.id });
    expect(await cancelRun(e, user, { runId })).toMatchObject({ status: 'cancelled' });
    expect(await processRun(e, { runId })).toBe('finished');
    await expect(cancelRun(e, user, { runId })).rejects.toMatchObject({ code: 'CONFLICT' });
    const other = await owner();
    await expect(cancelRun(e, other, { runId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('Redis down: Run now answers 503 and writes nothing', async () => {
    const user = await owner();
    const wf = await workflowOf(user, [{ id: 'log', name: 'Log', type: 'log', config: { message: 'x' } }]);
    const down = createRedis('web', 'redis://127.0.0.1:1');
    await expect(runWorkflowNow(engine({ redis: down }), user, { workflowId: wf.id })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    down.disconnect();
    expect(await deps.db.select().from(workflowRuns).where(eq(workflowRuns.workflowId, wf.id))).toHaveLength(0);
  });

  it('holds a tenant at its concurrency cap (a burst waits its turn)', async () => {
    const user = await owner();
    const wf = await workflowOf(user, [{ id: 'log', name: 'Log', type: 'log', config: { message: 'x' } }]);
    const e = engine({ concurrencyPerTenant: 1 });
    expect(await enterRun(deps, { tenantId: user.tenantId, runId: 'someone-else', token: 'other-worker', lockMs: 60_000, limit: 1 })).toBe('entered');
    const { runId } = await startRun(e, { workflow: wf, trigger: 'manual', payload: {}, startedBy: user.id });
    expect(await processRun(e, { runId })).toBe('throttled');
    await leaveRun(deps, { tenantId: user.tenantId, runId: 'someone-else', token: 'other-worker' });
    expect(await processRun(e, { runId })).toBe('succeeded');
  });

  it('computes per-workflow analytics from the runs', async () => {
    const user = await owner();
    const tag = crypto.randomUUID().slice(0, 8);
    const wf = await workflowOf(user, [{ id: 'call', name: 'Call', type: 'http_request', config: { method: 'GET', url: `${base}/bad/${tag}` } }]);
    const good = await workflowOf(user, [{ id: 'log', name: 'Log', type: 'log', config: { message: 'x' } }]);
    const e = engine();
    for (let i = 0; i < 2; i++) {
      const { runId } = await startRun(e, { workflow: wf, trigger: 'manual', payload: {}, startedBy: user.id });
      await processRun(e, { runId });
    }
    const ok = await startRun(e, { workflow: good, trigger: 'manual', payload: {}, startedBy: user.id });
    await processRun(e, { runId: ok.runId });
    const stats = await runAnalytics(deps, user, { workflowId: wf.id });
    expect(stats).toMatchObject({ total: 2, failed: 2, succeeded: 0, successRate: 0, topFailingSteps: [{ stepId: 'call', failures: 2 }] });
    expect(stats.perDay.reduce((n, d) => n + d.runs, 0)).toBe(2);
    const goodStats = await runAnalytics(deps, user, { workflowId: good.id });
    expect(goodStats).toMatchObject({ total: 1, successRate: 1 });
    expect(goodStats.p50Ms).toEqual(expect.any(Number));
  });
});

describe('through BullMQ workers', () => {
  const workerRedis = createRedis('worker');
  afterAll(() => workerRedis.disconnect());

  it('runs a workflow end to end and keeps exactly one scheduler per scheduled workflow across two boots', async () => {
    const user = await owner();
    const tag = crypto.randomUUID().slice(0, 8);
    const wprefix = `levqor-test:engine-w-${tag}`;
    const wqueue = new Queue('workflow-runs', { connection: workerRedis, prefix: wprefix });
    const events = new QueueEvents('workflow-runs', { connection: createRedis('worker'), prefix: wprefix });
    await events.waitUntilReady();
    const overrides = { http: { policy: addressPolicy('127.0.0.1'), maxResponseBytes: MAX_RESPONSE_BYTES } };
    const first = await startWorkers({ db: deps.db, redis: workerRedis, stripe: null, mail: noMail, log: logger, prefix: wprefix, engine: overrides });
    try {
      const wf = await workflowOf(user, [
        { id: 'call', name: 'Call', type: 'http_request', config: { method: 'GET', url: `${base}/ok/${tag}` } },
        { id: 'log', name: 'Log', type: 'log', config: { message: 'count {{ response.body.count }}' } },
      ]);
      const { runId } = await runWorkflowNow(engine({ queue: wqueue }), user, { workflowId: wf.id });
      await expect.poll(async () => (await runOf(runId)).status, { timeout: 15_000, interval: 50 }).toBe('succeeded');
      expect(hitsFor(`/ok/${tag}`)).toHaveLength(1);

      // A webhook run is not enqueued by the web process: its commit notifies the workers'
      // outbox relay (LISTEN), which enqueues it at once — no 10 s wait for the periodic drainer.
      expect(await first.relayReady).toBe(true);
      const [row] = await deps.db.select().from(workflows).where(eq(workflows.id, wf.id));
      const relayed = await startRun(
        { ...engine({ queue: wqueue }), outboxChannel: outboxChannelFor(wprefix) },
        { workflow: row!, trigger: 'webhook', payload: { body: {} }, startedBy: null, dispatch: 'relay' },
      );
      await expect.poll(async () => (await runOf(relayed.runId)).status, { timeout: 15_000, interval: 50 }).toBe('succeeded');
      const [outboxRow] = await deps.db.select().from(runOutbox).where(eq(runOutbox.runId, relayed.runId));
      expect(outboxRow!.dispatchedAt).toBeInstanceOf(Date);
      expect(outboxRow!.dispatchedAt!.getTime() - outboxRow!.createdAt.getTime()).toBeLessThan(10_000);

      // A scheduled workflow, activated: one scheduler, and still one after a second worker boots.
      const scheduled = await createWorkflow({ db: deps.db }, user, {
        name: 'Every morning',
        steps: [
          { id: 'cron', name: 'Cron', type: 'schedule_trigger', config: { cron: '0 8 * * 1', timezone: 'Europe/London' } },
          { id: 'log', name: 'Log', type: 'log', config: { message: 'morning' } },
        ],
      });
      const { syncWorkflowSchedule, schedulerId } = await import('~/server/domain/runs/schedules');
      await updateWorkflow({ db: deps.db, schedules: { queue: wqueue, sync: syncWorkflowSchedule } }, user, { id: scheduled.id, status: 'active' });
      const second = await startWorkers({ db: deps.db, redis: workerRedis, stripe: null, mail: noMail, log: logger, prefix: wprefix, engine: overrides });
      await second.close();
      const mine = (await wqueue.getJobSchedulers(0, -1)).filter((s) => s.key === schedulerId(scheduled.id));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ pattern: '0 8 * * 1', tz: 'Europe/London' });
      await updateWorkflow({ db: deps.db, schedules: { queue: wqueue, sync: syncWorkflowSchedule } }, user, { id: scheduled.id, status: 'paused' });
      expect((await wqueue.getJobSchedulers(0, -1)).filter((s) => s.key === schedulerId(scheduled.id))).toHaveLength(0);
    } finally {
      await first.close();
      await events.close();
      await wqueue.obliterate({ force: true }).catch(() => null);
      await wqueue.close();
    }
  });
});
