import { Writable } from 'node:stream';
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadCurrentUser, type CurrentUser } from '~/server/domain/accounts/users';
import { AI_MONTHLY_CREDITS } from '~/server/domain/ai/config';
import { getAiUsage, monthWindow, reserveCredits } from '~/server/domain/ai/credits';
import { aiChat, aiDebug, aiOnboarding, aiWorkflow } from '~/server/domain/ai/service';
import { createCaller } from '~/server/transport/trpc/root';
import { createInnerTRPCContext } from '~/server/transport/trpc/trpc';
import { aiUsage, referralCodes, tenants } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { createLogger } from '~/server/infra/logger';
import { aiRequestsLast5m } from '~/server/infra/metrics/app';
import { chooseRateLimits } from '~/server/domain/scaling/policy';
import { createRateLimiter } from '~/server/domain/scaling/rate-limit';
import { workflowStepsSchema } from '~/server/domain/workflows/steps';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';

/** SPEC A1-A4 through the tRPC procedures and the domain, on the real database and Redis. */
const deps = setupTestDeps();
/** The local engine only, whatever the environment says. */
const local = { ...deps, provider: null } as const;

async function owner(opts: { locale?: string } = {}): Promise<CurrentUser> {
  const u = await makeUser(deps.db);
  const user = (await loadCurrentUser(deps, u.id))!;
  return { ...user, locale: opts.locale ?? user.locale };
}

async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: createLogger(stream), text: () => lines.join('') };
}

/** Puts `credits` into this month's AI use of the workspace, as earlier requests would have (the domain's own path). */
async function spend(tenantId: string, credits: number) {
  await reserveCredits(deps, { tenantId, userId: null, capability: 'chat', provider: 'local', model: null, credits, queryLength: 1, allowance: credits });
}

const meta = {
  provider: 'local',
  model: null,
  latency_ms: expect.any(Number),
  request_id: expect.any(String),
  credits: expect.any(Number),
  locale: expect.any(String),
};

describe('ai.* procedures (SPEC A1)', () => {
  it('ai.chat answers from the help articles and cites the teammate article', async () => {
    const user = await makeUser(deps.db);
    const res = await callerFor(deps, user).ai.chat({ query: 'How do I invite a teammate?', context: { page: '/dashboard' } });
    expect(res).toMatchObject({ success: true, answer: expect.any(String), steps: expect.any(Array), meta: { ...meta, credits: 1, locale: 'en' } });
    expect(res.sources[0]).toEqual({ id: 'invite-teammate', title: 'Inviting a teammate', href: '/dashboard/help/invite-teammate' });
    expect(res.steps.length).toBeGreaterThan(0);
  });

  it('answers in the locale of the context, or else the user’s', async () => {
    const user = await makeUser(deps.db);
    const es = await callerFor(deps, user).ai.chat({ query: '¿Cuánto cuesta el plan Pro?', context: { locale: 'es' } });
    expect(es.meta.locale).toBe('es');
    expect(es.sources[0]).toMatchObject({ id: 'billing-trial', title: 'Planes, precios y tu prueba gratuita' });
    await callerFor(deps, user).account.setLocale({ locale: 'ja' });
    const ja = await callerFor(deps, user).ai.debug({ error: 'getaddrinfo ENOTFOUND api.example.test' });
    expect(ja).toMatchObject({ meta: { locale: 'ja' }, category: 'dns', title: 'ホスト名が見つかりません（DNS）' });
  });

  it('ai.workflow builds steps that validate and save as a workflow', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    const res = await api.ai.workflow({ query: 'when a form is submitted, wait a day, then e-mail the lead and log it' });
    expect(res).toMatchObject({ success: true, answer: expect.any(String), name: expect.any(String), meta: { ...meta, credits: 1 } });
    expect(res.steps.map((s) => s.type)).toEqual(['webhook_trigger', 'delay', 'email', 'log']);
    expect(workflowStepsSchema.safeParse(res.steps).success).toBe(true);
    expect(res.assumptions.length).toBeGreaterThan(0);
    const saved = await api.workflows.create({ name: res.name, description: 'From the AI builder', steps: res.steps });
    expect(saved.steps).toEqual(res.steps);
  });

  it('ai.debug explains, lists steps and prevention', async () => {
    const user = await makeUser(deps.db);
    const res = await callerFor(deps, user).ai.debug({ error: 'StripeCardError: Your card was declined.', context: { page: '/pricing' } });
    expect(res).toMatchObject({
      success: true,
      category: 'card_declined',
      title: 'Card declined',
      explanation: expect.any(String),
      meta: { ...meta, credits: 1 },
    });
    expect(res.steps.length).toBeGreaterThan(1);
    expect(res.prevention.length).toBeGreaterThan(0);
  });

  it('ai.onboarding follows the workspace’s real progress, for free', async () => {
    const u = await makeUser(deps.db);
    const api = callerFor(deps, u);
    await deps.db.update(tenants).set({ status: 'trialing', trialEndsAt: new Date(Date.now() + 3 * 86_400_000 - 60_000) }).where(eq(tenants.id, u.tenantId));
    const first = await api.ai.onboarding();
    expect(first).toMatchObject({ success: true, progress: { done: 0, total: 5 }, trial_days_left: 3, meta: { ...meta, credits: 0 } });
    expect(first.checklist.find((c) => c.id === 'create_workflow')).toMatchObject({ done: false, href: '/dashboard/workflows' });
    expect(first.answer).toContain('3 days');

    const wf = await api.workflows.create({ name: 'Active one', steps: [{ id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } }, { id: 'log', name: 'Log', type: 'log', config: { message: 'hi' } }] });
    await api.workflows.update({ id: wf.id, status: 'active' });
    await deps.db.insert(referralCodes).values({ code: `ai${crypto.randomUUID().slice(0, 10)}`, userId: u.id, tenantId: u.tenantId });
    await api.ai.workflow({ query: 'every monday at 8 email me' });
    const later = await api.ai.onboarding({ query: 'What next?' });
    expect(later.checklist.filter((c) => c.done).map((c) => c.id)).toEqual(['create_workflow', 'try_builder', 'activate_workflow', 'share_referral']);
    expect(later.progress).toEqual({ done: 4, total: 5 });
    expect(later.steps[0]).toMatch(/plan/i);
  });

  it('refuses bad input with 400-class errors and a clear message, never 500', async () => {
    const api = callerFor(deps, await makeUser(deps.db));
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => api.ai.chat({} as never), /query/],
      [() => api.ai.chat({ query: '   ' }), /empty/],
      [() => api.ai.chat({ query: 'x'.repeat(2001) }), /at most 2000 characters/],
      [() => api.ai.workflow({ query: 'x'.repeat(2001) }), /at most 2000 characters/],
      [() => api.ai.debug({ error: 'x'.repeat(4001) }), /at most 4000 characters/],
      [() => api.ai.debug({ query: 'wrong field' } as never), /error/],
      [() => api.ai.onboarding({ query: 42 } as never), /query/],
      [() => api.ai.chat({ query: 'hi', bogus: true } as never), /bogus/i],
      [() => api.ai.chat({ query: 'hi', context: { page: 'p'.repeat(300) } }), /context\.page/],
    ];
    for (const [call, message] of cases) {
      const e = await trpcError(call());
      expect(e.code).toBe('BAD_REQUEST');
      expect(e.message).toMatch(message);
    }
    // Exactly at the limit is fine.
    await expect(api.ai.chat({ query: 'q'.repeat(2000) })).resolves.toMatchObject({ success: true });
  });

  it('anonymous callers are refused', async () => {
    const e = await trpcError(callerFor(deps, null).ai.chat({ query: 'hello' }));
    expect(e.code).toBe('UNAUTHORIZED');
  });
});

describe('AI credits (SPEC A4)', () => {
  it('ai.usage reports this month’s use against the plan’s allowance', async () => {
    const u = await makeUser(deps.db);
    const api = callerFor(deps, u);
    const before = await api.ai.usage();
    expect(before).toEqual({ used: 0, allowance: AI_MONTHLY_CREDITS.starter, month: monthWindow(new Date()).month });
    await api.ai.chat({ query: 'What is a workflow?' });
    await api.ai.debug({ error: '429 Too Many Requests' });
    await api.ai.onboarding();
    expect((await api.ai.usage()).used).toBe(2);
    // A paying Growth workspace gets Growth's allowance; trialing ones get Starter's.
    await deps.db.update(tenants).set({ plan: 'growth', status: 'active' }).where(eq(tenants.id, u.tenantId));
    expect((await api.ai.usage()).allowance).toBe(AI_MONTHLY_CREDITS.growth);
    await deps.db.update(tenants).set({ plan: 'growth', status: 'trialing' }).where(eq(tenants.id, u.tenantId));
    expect((await api.ai.usage()).allowance).toBe(AI_MONTHLY_CREDITS.starter);
  });

  it('decreases with each request and blocks at the limit with a clear message', async () => {
    const user = await owner();
    const allowance = AI_MONTHLY_CREDITS.starter;
    await spend(user.tenantId, allowance - 2);
    await aiChat(local, user, { query: 'How do I change my language?' });
    await aiWorkflow(local, user, { query: 'every day at 9 log it' });
    expect(await getAiUsage(deps, user)).toMatchObject({ used: allowance, allowance });
    const refused = await aiDebug(local, user, { error: 'ECONNRESET' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/used all 100 AI credits/) });
    // Through tRPC the same refusal is TOO_MANY_REQUESTS with the message.
    const e = await trpcError(callerFor(deps, user).ai.chat({ query: 'hello' }));
    expect(e).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/AI credits/) });
    // The onboarding checklist costs nothing and keeps working.
    await expect(aiOnboarding(local, user, { query: '' })).resolves.toMatchObject({ success: true, meta: { credits: 0 } });
    expect((await getAiUsage(deps, user)).used).toBe(allowance);
  });

  it('last month’s use does not count against this month', async () => {
    const user = await owner();
    const lastMonth = new Date(monthWindow(new Date()).start.getTime() - 86_400_000);
    await reserveCredits({ ...deps, now: () => lastMonth }, { tenantId: user.tenantId, userId: null, capability: 'chat', provider: 'local', model: null, credits: 100, queryLength: 1, allowance: 100 });
    await expect(aiChat(local, user, { query: 'templates' })).resolves.toMatchObject({ success: true });
  });

  it('20 concurrent requests at the edge never pass the allowance', async () => {
    const user = await owner();
    const allowance = AI_MONTHLY_CREDITS.starter;
    await spend(user.tenantId, allowance - 5);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 ? aiChat(local, user, { query: `question ${i} about billing` }) : aiWorkflow(local, user, { query: `every day at ${i % 12} log it` }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const [row] = await deps.db
      .select({ used: sql<number>`sum(${aiUsage.credits})::int` })
      .from(aiUsage)
      .where(and(eq(aiUsage.tenantId, user.tenantId)));
    expect(row!.used).toBe(allowance);
  });

  it('meters each request without storing its text', async () => {
    const user = await owner();
    await aiChat(local, user, { query: 'How do I invite a teammate?' });
    const rows = await deps.db.select().from(aiUsage).where(eq(aiUsage.tenantId, user.tenantId));
    expect(rows).toEqual([
      expect.objectContaining({ userId: user.id, capability: 'chat', provider: 'local', model: null, credits: 1, queryLength: 27 }),
    ]);
  });
});

describe('logs, metrics and rate limits', () => {
  it('logs lengths, page and plan, never the text of a query or error', async () => {
    const user = await owner();
    const { log, text } = memoryLogger();
    const secret = 'zebra-secret-phrase-4711';
    await aiChat({ ...local, log }, user, { query: `Where is my ${secret}?`, context: { page: '/dashboard' } });
    await aiWorkflow({ ...local, log }, user, { query: `when a form is submitted email ${secret}` });
    await aiDebug({ ...local, log }, user, { error: `Error: ${secret} ECONNREFUSED` });
    await aiOnboarding({ ...local, log }, user, { query: secret });
    const logged = text();
    expect(logged).toContain('"query_length"');
    expect(logged).toContain('"page":"/dashboard"');
    expect(logged).toContain('"plan":"trial"');
    expect(logged).toContain('"capability":"debug"');
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain('zebra');
  });

  it('counts every answered request in the AI metrics', async () => {
    const user = await owner();
    const before = await aiRequestsLast5m(deps);
    await aiChat(local, user, { query: 'reports' });
    await aiOnboarding(local, user, { query: '' });
    expect(await aiRequestsLast5m(deps)).toBeGreaterThanOrEqual(before + 2);
  });

  it('ai.* procedures use the strict ai rate class', async () => {
    const u = await makeUser(deps.db);
    const limiter = createRateLimiter({
      redis: deps.redis,
      prefix: `levqor-test:rl-ai-${crypto.randomUUID().slice(0, 8)}`,
      limits: () => chooseRateLimits(1),
    });
    const api = createCaller(createInnerTRPCContext({ ...deps, userId: u.id, rateLimiter: limiter }));
    const limit = chooseRateLimits(1).limits.ai.points;
    for (let i = 0; i < limit; i++) await api.ai.chat({ query: 'What is a workflow?' });
    const e = await trpcError(api.ai.chat({ query: 'One more?' }));
    expect(e.code).toBe('TOO_MANY_REQUESTS');
    expect(e.message).toMatch(/Too many requests/);
    // Other procedures have their own, larger budget.
    await expect(api.account.me()).resolves.toBeTruthy();
    limiter.stop();
  });
});
