import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { locales } from '~/i18n/locales';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { USAGE_LIMITS, usageLimit } from '~/server/domain/billing/limits';
import type { EngineDeps } from '~/server/domain/runs/deps';
import { runWorkflowNow, startRun } from '~/server/domain/runs/start';
import { admit } from '~/server/domain/usage/admission';
import { recordUsage } from '~/server/domain/usage/ledger';
import { meterUsage } from '~/server/domain/usage/meter';
import { crossedThresholds, raiseNotices, renderUsageWarningMail, sendUsageWarnings } from '~/server/domain/usage/notices';
import { usagePeriod } from '~/server/domain/usage/period';
import { usageDaily, usageSummary } from '~/server/domain/usage/queries';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { AppError } from '~/server/errors';
import { tenants, usageCounters, usageEvents, usageNotices, users, workflowRuns, workflows } from '~/server/infra/db/schema';
import { logger } from '~/server/infra/logger';
import { createMailTransport } from '~/server/infra/mail/transport';
import { createQueue } from '~/server/infra/queue/queues';
import { redisKey } from '~/server/infra/redis';
import { route } from '~/server/transport/rest/route';
import { engineDeps } from '~/server/transport/engine-deps';
import { callerFor, makeUser, sessionCookie, setupTestDeps, uniqueEmail } from '../helpers/deps';
import { startSmtp } from '../helpers/smtp';

/** Usage metering and plan limits (SPEC P3) on the real PostgreSQL and Redis. */
const deps = setupTestDeps();
const prefix = `levqor-test:usage-${crypto.randomUUID().slice(0, 8)}`;
const queue = createQueue('workflow-runs', deps.redis, prefix);
const noMail = createMailTransport({ resendApiKey: undefined, smtpUrl: undefined });
const engine = (now?: () => Date): EngineDeps => ({ ...engineDeps({ db: deps.db, redis: deps.redis, log: logger, mail: noMail, queue }), ...(now ? { now } : {}) });

/** Workspaces of this file: their runs are never worked on, so they are cancelled at the end (the engine tests' sweeper must not find them). */
const tenantsHere = new Set<string>();
afterAll(async () => {
  if (tenantsHere.size) {
    await deps.db.update(workflowRuns).set({ status: 'cancelled' }).where(and(inArray(workflowRuns.tenantId, [...tenantsHere]), inArray(workflowRuns.status, ['queued', 'running', 'waiting'])));
  }
  await queue.obliterate({ force: true }).catch(() => null);
  await queue.close();
});

const LOG_STEPS = [
  { id: 'go', name: 'Go', type: 'webhook_trigger', config: { method: 'POST' } },
  { id: 'note', name: 'Note', type: 'log', config: { message: 'hi', level: 'info' } },
] as const;

async function activeWorkflow(owner: { id: string; tenantId: string }) {
  tenantsHere.add(owner.tenantId);
  const user = await loadCurrentUser({ db: deps.db }, owner.id);
  const wf = await createWorkflow({ db: deps.db }, user!, { name: 'Metered', description: '', steps: LOG_STEPS as never });
  await deps.db.update(workflows).set({ status: 'active' }).where(eq(workflows.id, wf.id));
  const [row] = await deps.db.select().from(workflows).where(eq(workflows.id, wf.id));
  return { user: user!, workflow: row! };
}

async function ledger(tenantId: string, meter: 'workflow_run' | 'api_call' | 'ai_credit', at = new Date()) {
  const { period } = usagePeriod(at);
  const [events] = await deps.db
    .select({ sum: sql<number>`coalesce(sum(${usageEvents.quantity}), 0)::int` })
    .from(usageEvents)
    .where(and(eq(usageEvents.tenantId, tenantId), eq(usageEvents.meter, meter), eq(usageEvents.period, period)));
  const [counter] = await deps.db
    .select({ used: usageCounters.used })
    .from(usageCounters)
    .where(and(eq(usageCounters.tenantId, tenantId), eq(usageCounters.meter, meter), eq(usageCounters.period, period)));
  return { events: Number(events!.sum), counter: Number(counter?.used ?? 0) };
}

describe('limits per plan', () => {
  it('a trialing workspace has the trial limits whatever its plan; others their plan', () => {
    expect(usageLimit({ plan: 'business', status: 'trialing' }, 'workflow_run')).toBe(USAGE_LIMITS.trial.workflow_run);
    expect(usageLimit({ plan: 'growth', status: 'active' }, 'api_call')).toBe(USAGE_LIMITS.growth.api_call);
    for (const plan of ['starter', 'growth', 'pro', 'business'] as const) {
      expect(USAGE_LIMITS[plan].workflow_run).toBeGreaterThan(USAGE_LIMITS.trial.workflow_run);
    }
  });
});

describe('admission (exact under concurrency)', () => {
  it('200 simultaneous runs against 100 remaining admit exactly 100, and the counter equals the events', async () => {
    const owner = await makeUser(deps.db);
    const { user, workflow } = await activeWorkflow(owner);
    const limit = USAGE_LIMITS.trial.workflow_run;
    for (let i = 0; i < limit - 100; i++) await startRun(engine(), { workflow, trigger: 'manual', payload: {}, startedBy: user.id });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, () => startRun(engine(), { workflow, trigger: 'manual', payload: {}, startedBy: user.id })),
    );
    const admitted = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof AppError && o.reason.code === 'TOO_MANY_REQUESTS').length;
    expect(admitted).toBe(100);
    expect(refused).toBe(100);
    const [runs] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(workflowRuns).where(eq(workflowRuns.tenantId, owner.tenantId));
    expect(runs!.n).toBe(limit);
    expect(await ledger(owner.tenantId, 'workflow_run')).toEqual({ events: limit, counter: limit });
  });

  it('a missing Redis counter is seeded from the ledger', async () => {
    const owner = await makeUser(deps.db);
    for (let i = 0; i < 3; i++) await meterUsage(deps, { tenantId: owner.tenantId, meter: 'api_call' });
    await deps.redis.del(redisKey('usage', owner.tenantId, 'api_call', usagePeriod(new Date()).month));
    const next = await meterUsage(deps, { tenantId: owner.tenantId, meter: 'api_call' });
    expect(next.used).toBe(4);
    expect(await ledger(owner.tenantId, 'api_call')).toEqual({ events: 4, counter: 4 });
  });

  it('admits several meters together or not at all', async () => {
    const owner = await makeUser(deps.db);
    const at = new Date('2026-05-10T10:00:00Z');
    await expect(admit({ ...deps, now: () => at }, owner.tenantId, [{ meter: 'workflow_run', quantity: 1, limit: 5 }, { meter: 'api_call', quantity: 1, limit: 0 }])).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      details: { meter: 'api_call', limit: 0 },
    });
    // The run meter was not touched by the refused pair.
    const ok = await admit({ ...deps, now: () => at }, owner.tenantId, [{ meter: 'workflow_run', quantity: 5, limit: 5 }]);
    expect(ok.items[0]!.usedAfter).toBe(5);
  });
});

describe('the ledger', () => {
  it('counts the same idempotency key once', async () => {
    const owner = await makeUser(deps.db);
    const at = new Date();
    expect(await recordUsage(deps.db, { tenantId: owner.tenantId, meter: 'api_call', quantity: 1, key: 'api:same', at })).toEqual({ recorded: true });
    expect(await recordUsage(deps.db, { tenantId: owner.tenantId, meter: 'api_call', quantity: 1, key: 'api:same', at })).toEqual({ recorded: false });
    expect(await ledger(owner.tenantId, 'api_call')).toEqual({ events: 1, counter: 1 });
    // Through admission (its counter seeded with the 1 above): the duplicate gives its reservation back.
    await meterUsage(deps, { tenantId: owner.tenantId, meter: 'api_call', key: 'api:twice' });
    await meterUsage(deps, { tenantId: owner.tenantId, meter: 'api_call', key: 'api:twice' });
    const next = await meterUsage(deps, { tenantId: owner.tenantId, meter: 'api_call' });
    expect(next.used).toBe(3);
    expect(await ledger(owner.tenantId, 'api_call')).toEqual({ events: 3, counter: 3 });
  });

  it('keeps months apart in UTC, for the ledger and for admission', async () => {
    const owner = await makeUser(deps.db);
    const { user, workflow } = await activeWorkflow(owner);
    const lastMoment = new Date('2026-01-31T23:59:59.999Z');
    const firstMoment = new Date('2026-02-01T00:00:00.000Z');
    await recordUsage(deps.db, { tenantId: owner.tenantId, meter: 'api_call', quantity: 1, key: 'api:jan', at: lastMoment });
    await recordUsage(deps.db, { tenantId: owner.tenantId, meter: 'api_call', quantity: 1, key: 'api:feb', at: firstMoment });
    expect(await ledger(owner.tenantId, 'api_call', lastMoment)).toEqual({ events: 1, counter: 1 });
    expect(await ledger(owner.tenantId, 'api_call', firstMoment)).toEqual({ events: 1, counter: 1 });
    // A workspace at its January run limit runs again on 1 February.
    const limit = USAGE_LIMITS.trial.workflow_run;
    await admit({ ...deps, now: () => lastMoment }, owner.tenantId, [{ meter: 'workflow_run', quantity: limit, limit }]);
    await expect(startRun(engine(() => lastMoment), { workflow, trigger: 'manual', payload: {}, startedBy: user.id })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 1,
      details: { reason: 'usage_limit', meter: 'workflow_run', limit, resetsAt: '2026-02-01T00:00:00.000Z', upgradePath: '/dashboard/billing' },
    });
    await expect(startRun(engine(() => firstMoment), { workflow, trigger: 'manual', payload: {}, startedBy: user.id })).resolves.toMatchObject({ status: 'queued' });
  });
});

describe('at the limit', () => {
  async function exhausted(meter: 'workflow_run' | 'api_call') {
    const owner = await makeUser(deps.db);
    const limit = USAGE_LIMITS.trial[meter];
    await admit(deps, owner.tenantId, [{ meter, quantity: limit, limit }]);
    return owner;
  }

  it('tRPC answers TOO_MANY_REQUESTS with the limit, the reset and the upgrade path', async () => {
    const owner = await exhausted('workflow_run');
    const { workflow } = await activeWorkflow(owner);
    const error = await callerFor(deps, owner).runs.runNow({ workflowId: workflow.id }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string; cause?: AppError },
    );
    expect(error?.code).toBe('TOO_MANY_REQUESTS');
    expect(error?.message).toMatch(/used all 200 workflow runs of this month.*resets on \d{4}-\d{2}-01.*upgrade/i);
    expect(error?.cause?.details).toMatchObject({ meter: 'workflow_run', limit: 200, upgradePath: '/dashboard/billing' });
  });

  it('a REST route answers 429 with a JSON error, its details and Retry-After', async () => {
    const owner = await exhausted('api_call');
    const handler = route({ name: 'test.metered', auth: 'user', rateClass: null, csrf: 'none', meter: true }, () => ({ ok: true }));
    const res = await handler(new Request('http://localhost/api/x', { headers: { cookie: await sessionCookie(owner) } }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({
      error: { code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/1000 API calls/), details: { meter: 'api_call', limit: 1000, upgradePath: '/dashboard/billing' } },
    });
    // Another workspace is not affected.
    const other = await makeUser(deps.db);
    expect((await handler(new Request('http://localhost/api/x', { headers: { cookie: await sessionCookie(other) } }))).status).toBe(200);
    expect(await ledger(other.tenantId, 'api_call')).toEqual({ events: 1, counter: 1 });
  });

  it('a scheduled run over the limit is recorded as skipped, once per fire', async () => {
    const owner = await exhausted('workflow_run');
    const { workflow } = await activeWorkflow(owner);
    const fire = { workflow, trigger: 'schedule' as const, payload: {}, startedBy: null, dedupeKey: 'schedule:2026-03-01T08:00:00.000Z' };
    const first = await startRun(engine(), fire);
    const again = await startRun(engine(), fire);
    expect(first).toMatchObject({ status: 'skipped', duplicate: false });
    expect(again).toMatchObject({ status: 'skipped', duplicate: true, runId: first.runId });
    const [run] = await deps.db.select().from(workflowRuns).where(eq(workflowRuns.id, first.runId));
    expect(run).toMatchObject({ status: 'skipped', error: expect.stringMatching(/workflow runs of this month/) });
    const runs = await callerFor(deps, owner).runs.list({ status: 'skipped', limit: 10, offset: 0 });
    expect(runs.items.map((r) => r.id)).toEqual([first.runId]);
    // Nothing was metered for it.
    expect(await ledger(owner.tenantId, 'workflow_run')).toEqual({ events: 0, counter: 0 });
  });

  it('a webhook run counts a run and an API call', async () => {
    const owner = await makeUser(deps.db);
    const { workflow } = await activeWorkflow(owner);
    const started = await startRun(engine(), { workflow, trigger: 'webhook', payload: {}, startedBy: null });
    expect(await ledger(owner.tenantId, 'workflow_run')).toEqual({ events: 1, counter: 1 });
    expect(await ledger(owner.tenantId, 'api_call')).toEqual({ events: 1, counter: 1 });
    expect(await callerFor(deps, owner).usage.run({ id: started.runId })).toEqual(
      expect.arrayContaining([
        { meter: 'workflow_run', quantity: 1 },
        { meter: 'api_call', quantity: 1 },
      ]),
    );
  });
});

describe('warnings at 80% and 100%', () => {
  it('knows which thresholds a step crosses', () => {
    expect(crossedThresholds(79, 80, 100)).toEqual([80]);
    expect(crossedThresholds(80, 81, 100)).toEqual([]);
    expect(crossedThresholds(70, 100, 100)).toEqual([80, 100]);
  });

  it('raises each notice once and e-mails the owners once (never a deleted one)', async () => {
    const smtp = await startSmtp();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    try {
      const owner = await makeUser(deps.db);
      // A co-owner who deleted their account gets nothing.
      const gone = uniqueEmail('gone-owner');
      await deps.db.insert(users).values({ tenantId: owner.tenantId, name: 'Gone', email: gone, role: 'owner', deletedAt: new Date() });
      const { workflow, user } = await activeWorkflow(owner);
      const limit = USAGE_LIMITS.trial.workflow_run;
      await admit(deps, owner.tenantId, [{ meter: 'workflow_run', quantity: 0.8 * limit - 1, limit }]);
      await startRun(engine(), { workflow, trigger: 'manual', payload: {}, startedBy: user.id });
      await startRun(engine(), { workflow, trigger: 'manual', payload: {}, startedBy: user.id });
      expect(await raiseNotices(deps, { tenantId: owner.tenantId, meter: 'workflow_run', before: 159, after: 160, limit })).toBe(0);
      const summary = await usageSummary(deps, owner);
      expect(summary.notices).toEqual([expect.objectContaining({ meter: 'workflow_run', threshold: 80 })]);

      const first = await sendUsageWarnings({ db: deps.db, mail, log: logger, appUrl: 'http://localhost:3000' });
      const second = await sendUsageWarnings({ db: deps.db, mail, log: logger, appUrl: 'http://localhost:3000' });
      const mine = smtp.to(owner.email);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.raw).toMatch(/80% of its workflow runs/);
      expect(mine[0]!.to).not.toContain(gone);
      expect(smtp.to(gone)).toHaveLength(0);
      expect(first.sent).toBeGreaterThanOrEqual(1);
      expect(second.sent).toBe(0);
      const [notice] = await deps.db.select().from(usageNotices).where(eq(usageNotices.tenantId, owner.tenantId));
      expect(notice).toMatchObject({ mailState: 'sent', threshold: 80 });
    } finally {
      await smtp.close();
    }
  });
});

describe('usage warning e-mails in the workspace\'s language', () => {
  it('a German workspace at its limit gets the German e-mail with its German billing link', async () => {
    const smtp = await startSmtp();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    try {
      const owner = await makeUser(deps.db);
      await deps.db.update(tenants).set({ locale: 'de' }).where(eq(tenants.id, owner.tenantId));
      expect(await raiseNotices(deps, { tenantId: owner.tenantId, meter: 'api_call', before: 99, after: 100, limit: 100 })).toBe(1);
      await sendUsageWarnings({ db: deps.db, mail, log: logger, appUrl: 'http://localhost:3000' });
      const [sent] = smtp.to(owner.email);
      const raw = sent!.raw.replace(/=\r?\n/g, '');
      expect(raw).toContain('http://localhost:3000/de/dashboard/billing');
      expect(raw).toMatch(/100 von 100 API-Aufrufe/);
    } finally {
      await smtp.close();
    }
  });

  it('renders every locale with no placeholder left unfilled', () => {
    for (const locale of locales) {
      for (const threshold of [80, 100]) {
        const m = renderUsageWarningMail(locale, { meter: 'ai_credit', period: '2026-12-01', threshold, used: 8, limit: 10 }, 'https://levqor.example');
        expect(`${m.subject}\n${m.text}`).not.toMatch(/[{}]/);
        expect(m.text).toContain('https://levqor.example');
      }
    }
  });
});

describe('usage panel figures', () => {
  it('equal what the events say', async () => {
    const owner = await makeUser(deps.db);
    await deps.db.update(tenants).set({ plan: 'growth', status: 'active' }).where(eq(tenants.id, owner.tenantId));
    const { user, workflow } = await activeWorkflow(owner);
    for (let i = 0; i < 3; i++) await runWorkflowNow(engine(), user, { workflowId: workflow.id });
    for (let i = 0; i < 2; i++) await meterUsage(deps, { tenantId: owner.tenantId, meter: 'api_call' });
    const summary = await callerFor(deps, owner).usage.summary();
    expect(summary.plan).toBe('growth');
    const runs = summary.meters.find((m) => m.meter === 'workflow_run')!;
    expect(runs).toEqual({ meter: 'workflow_run', used: 3, limit: USAGE_LIMITS.growth.workflow_run, percent: 0 });
    expect(summary.meters.find((m) => m.meter === 'api_call')!.used).toBe((await ledger(owner.tenantId, 'api_call')).events);
    const daily = await usageDaily(deps, owner);
    expect(daily).toHaveLength(30);
    expect(daily.at(-1)).toMatchObject({ workflow_run: 3, api_call: 2 });
    expect(daily.reduce((s, d) => s + d.workflow_run, 0)).toBe(3);
  });
});
