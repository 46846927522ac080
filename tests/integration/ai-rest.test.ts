import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '~/app/api/ai/[capability]/route';
import { loadCurrentUser, type CurrentUser } from '~/server/domain/accounts/users';
import { AI_MONTHLY_CREDITS } from '~/server/domain/ai/config';
import { getSql } from '~/server/infra/db/client';
import { reserveCredits } from '~/server/domain/ai/credits';
import { workflowStepsSchema } from '~/server/domain/workflows/steps';
import { makeUser, sessionCookie, setupTestDeps } from '../helpers/deps';

/**
 * REST mapping of the AI capabilities (SPEC A1): the route handler of `POST /api/ai/[capability]`,
 * called with real Request objects and a real session cookie (no OPENAI_API_KEY: local engine).
 */
const deps = setupTestDeps();
// The route handler uses the process-wide pool (getDb(), on the test database here).
afterAll(async () => {
  await getSql().end({ timeout: 5 });
});

async function send(capability: string, req: Request) {
  return POST(req, { params: Promise.resolve({ capability }) });
}

async function owner(): Promise<CurrentUser> {
  return (await loadCurrentUser(deps, (await makeUser(deps.db)).id))!;
}

const post = (capability: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request(`http://localhost:3000/api/ai/${capability}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

async function call(capability: string, body: BodyInit | null, user: CurrentUser | null, headers: Record<string, string> = {}) {
  const cookie: Record<string, string> = user ? { cookie: await sessionCookie(user) } : {};
  const res = await send(capability, post(capability, body, { ...headers, ...cookie }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

const metaShape = { provider: 'local', model: null, latency_ms: expect.any(Number), request_id: expect.any(String) };

describe('POST /api/ai/[capability] (SPEC A1)', () => {
  it('answers each capability with its success shape', async () => {
    const user = await owner();
    const chat = await call('chat', JSON.stringify({ query: 'how do I invite a teammate', context: { page: '/dashboard', locale: 'en', plan: 'starter' } }), user);
    expect(chat.status).toBe(200);
    expect(chat.headers.get('cache-control')).toBe('no-store');
    expect(chat.body).toMatchObject({ success: true, answer: expect.any(String), steps: expect.any(Array), meta: metaShape });
    expect((chat.body.sources as { id: string }[])[0]!.id).toBe('invite-teammate');

    const workflow = await call('workflow', JSON.stringify({ query: 'every monday at 8 email me the report' }), user);
    expect(workflow.status).toBe(200);
    expect(workflow.body).toMatchObject({ success: true, answer: expect.any(String), steps: expect.any(Array), meta: metaShape });
    expect(workflowStepsSchema.safeParse(workflow.body.steps).success).toBe(true);

    const debug = await call('debug', JSON.stringify({ error: '429 Too Many Requests', context: { page: '/dashboard/workflows' } }), user);
    expect(debug.status).toBe(200);
    expect(debug.body).toMatchObject({
      success: true,
      category: 'rate_limited',
      explanation: expect.any(String),
      steps: expect.any(Array),
      prevention: expect.any(Array),
      meta: metaShape,
    });

    const onboarding = await call('onboarding', JSON.stringify({}), user);
    expect(onboarding.status).toBe(200);
    expect(onboarding.body).toMatchObject({ success: true, answer: expect.any(String), steps: expect.any(Array), checklist: expect.any(Array), meta: metaShape });
  });

  it('401 for anonymous callers, before reading anything', async () => {
    const res = await call('chat', JSON.stringify({ query: 'hello' }), null);
    expect(res).toMatchObject({ status: 401, body: { success: false, error: expect.stringMatching(/Sign in/) } });
  });

  it('404 for an unknown capability', async () => {
    const res = await call('poetry', JSON.stringify({ query: 'hello' }), await owner());
    expect(res).toMatchObject({ status: 404, body: { success: false, error: expect.stringMatching(/chat, workflow, debug, onboarding/) } });
  });

  it('403 for a cross-site browser request', async () => {
    const res = await call('chat', JSON.stringify({ query: 'hello' }), await owner(), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res).toMatchObject({ status: 403, body: { success: false } });
  });

  it('400 for malformed JSON or an empty body', async () => {
    const user = await owner();
    for (const body of ['{"query": "unterminated', 'not json at all', '{query: 1}']) {
      const res = await call('chat', body, user);
      expect(res).toMatchObject({ status: 400, body: { success: false, error: 'The request body is not valid JSON.' } });
    }
    expect(await call('workflow', '', user)).toMatchObject({ status: 400, body: { success: false, error: expect.stringMatching(/JSON object/) } });
    expect(await call('debug', new Uint8Array([0xff, 0xfe, 0x00]), user)).toMatchObject({ status: 400, body: { success: false } });
  });

  it('422 for valid JSON with invalid fields, with the field named', async () => {
    const user = await owner();
    const cases: [string, unknown, RegExp][] = [
      ['chat', {}, /^query: /],
      ['chat', { query: '' }, /query.*empty/],
      ['chat', { query: 'x'.repeat(2001) }, /query is too long: at most 2000 characters/],
      ['workflow', { query: 12 }, /query must be text/],
      ['debug', { query: 'not the error field' }, /error/],
      ['debug', { error: 'x'.repeat(4001) }, /at most 4000 characters/],
      ['onboarding', { query: 'hi', extra: 1 }, /extra/],
      ['chat', 'just a string', /.+/],
      ['chat', [1, 2, 3], /.+/],
      ['chat', null, /.+/],
    ];
    for (const [capability, body, message] of cases) {
      const res = await call(capability, JSON.stringify(body), user);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(422);
      expect(res.body).toMatchObject({ success: false, error: expect.stringMatching(message) });
    }
  });

  it('413 for a body over 16 KiB, declared or streamed', async () => {
    const user = await owner();
    const big = JSON.stringify({ query: 'x', context: { page: '/', pad: 'y'.repeat(17 * 1024) } });
    const declared = await call('chat', big, user, { 'content-length': String(Buffer.byteLength(big)) });
    expect(declared).toMatchObject({ status: 413, body: { success: false, error: expect.stringMatching(/16 KiB/) } });

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('a'.repeat(1024)));
        controller.close();
      },
    });
    const req = new Request('http://localhost:3000/api/ai/chat', {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { cookie: await sessionCookie(user) },
    } as RequestInit);
    const res = await send('chat', req);
    expect(res.status).toBe(413);
  });

  it('429 with success:false when the workspace’s credits are used up', async () => {
    const user = await owner();
    await reserveCredits(deps, { tenantId: user.tenantId, userId: null, capability: 'chat', provider: 'local', model: null, credits: AI_MONTHLY_CREDITS.starter, queryLength: 1, allowance: AI_MONTHLY_CREDITS.starter });
    const res = await call('chat', JSON.stringify({ query: 'hello' }), user);
    expect(res).toMatchObject({ status: 429, body: { success: false, code: 'TOO_MANY_REQUESTS', error: expect.stringMatching(/AI credits/) } });
    // Credits renew on the 1st (UTC): Retry-After says when.
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(31 * 86_400);
  });
});
