import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCurrentUser, type CurrentUser } from '~/server/domain/accounts/users';
import { createOpenAiProvider } from '~/server/domain/ai/provider';
import { aiChat, aiDebug, aiOnboarding, aiWorkflow } from '~/server/domain/ai/service';
import { aiUsage } from '~/server/infra/db/schema';
import { reserveCredits } from '~/server/domain/ai/credits';
import { createLogger } from '~/server/infra/logger';
import { workflowStepsSchema } from '~/server/domain/workflows/steps';
import { startFakeOpenAi } from '../helpers/fake-openai';
import { makeUser, setupTestDeps } from '../helpers/deps';

/**
 * The OpenAI provider (SPEC A2) through the REAL `openai` SDK against a local server speaking
 * POST /v1/chat/completions: structured answers are used, anything else falls back to the
 * local engine within the timeout.
 */
const deps = setupTestDeps();
const fake = await startFakeOpenAi();
afterAll(() => fake.close());

const TIMEOUT_MS = 800;
const provider = createOpenAiProvider({ apiKey: 'sk-test-levqor', baseURL: fake.url, timeoutMs: TIMEOUT_MS });
const withProvider = { ...deps, provider };

async function owner(): Promise<CurrentUser> {
  return (await loadCurrentUser(deps, (await makeUser(deps.db)).id))!;
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

beforeEach(() => {
  fake.requests.length = 0;
});

describe('OpenAI provider', () => {
  it('uses a structured JSON answer validated by zod (chat: gpt-4.1-mini, 2 credits)', async () => {
    const user = await owner();
    fake.reply = { kind: 'content', content: JSON.stringify({ answer: 'Send them your referral link.', steps: ['Copy the link', 'Send it'] }) };
    const res = await aiChat(withProvider, user, { query: 'How do I invite a teammate?' });
    expect(res).toMatchObject({
      success: true,
      answer: 'Send them your referral link.',
      steps: ['Copy the link', 'Send it'],
      meta: { provider: 'openai', model: 'gpt-4.1-mini', credits: 2 },
    });
    // Sources come from the local retrieval that fed the prompt.
    expect(res.sources[0]?.id).toBe('invite-teammate');

    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.authorization).toBe('Bearer sk-test-levqor');
    expect(sent.body).toMatchObject({ model: 'gpt-4.1-mini', max_completion_tokens: expect.any(Number), response_format: { type: 'json_schema' } });
    const messages = sent.body.messages as { role: string; content: string }[];
    expect(messages[0]!.content).toContain('Inviting a teammate');
    expect(messages[1]).toEqual({ role: 'user', content: 'How do I invite a teammate?' });

    const [row] = await deps.db.select().from(aiUsage).where(eq(aiUsage.tenantId, user.tenantId));
    expect(row).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini', credits: 2 });
  });

  it('builds workflows with the heavy model, validated against the step schema', async () => {
    const user = await owner();
    fake.reply = {
      kind: 'content',
      content: JSON.stringify({
        name: 'Lead follow-up',
        answer: 'A webhook, a one-day wait and an e-mail.',
        assumptions: ['The lead’s e-mail is in body.email.'],
        steps: [
          { type: 'webhook_trigger', name: 'Form submitted', config_json: '{"method":"POST"}' },
          { type: 'delay', name: 'Wait a day', config_json: '{"amount":1,"unit":"days"}' },
          { type: 'email', name: 'E-mail the lead', config_json: '{"to":"{{ body.email }}","subject":"Hi","body":"Thanks!"}' },
        ],
      }),
    };
    const res = await aiWorkflow(withProvider, user, { query: 'when a form is submitted, wait a day, then e-mail the lead' });
    expect(res).toMatchObject({ name: 'Lead follow-up', meta: { provider: 'openai', model: 'gpt-4.1' } });
    expect(res.steps.map((s) => [s.id, s.type])).toEqual([
      ['trigger', 'webhook_trigger'],
      ['wait', 'delay'],
      ['email', 'email'],
    ]);
    expect(workflowStepsSchema.safeParse(res.steps).success).toBe(true);
    expect(fake.requests[0]!.body.model).toBe('gpt-4.1');
  });

  it('falls back to the local engine on a malformed reply', async () => {
    const user = await owner();
    const { log, text } = memoryLogger();
    for (const content of ['this is not JSON', JSON.stringify({ answer: 42 }), JSON.stringify({ title: 'x' })]) {
      fake.reply = { kind: 'content', content };
      const res = await aiChat({ ...withProvider, log }, user, { query: 'How much does the Pro plan cost?' });
      expect(res.meta).toMatchObject({ provider: 'local', model: null, credits: 1 });
      expect(res.sources[0]?.id).toBe('billing-trial');
    }
    // A workflow whose steps break the schema (a trigger in the middle) is refused too.
    fake.reply = {
      kind: 'content',
      content: JSON.stringify({
        name: 'Broken',
        answer: '',
        assumptions: [],
        steps: [
          { type: 'log', name: 'Log', config_json: '{"message":"x"}' },
          { type: 'webhook_trigger', name: 'Late trigger', config_json: '{"method":"POST"}' },
        ],
      }),
    };
    const wf = await aiWorkflow({ ...withProvider, log }, user, { query: 'every monday at 8 email me' });
    expect(wf.meta.provider).toBe('local');
    expect(wf.steps[0]).toMatchObject({ type: 'schedule_trigger', config: { cron: '0 8 * * 1' } });
    expect(text()).toContain('"fallback":"malformed"');
    expect(text()).not.toContain('Pro plan');
  });

  it('falls back on a provider error, without retrying', async () => {
    const user = await owner();
    fake.reply = { kind: 'error', status: 500 };
    const res = await aiDebug(withProvider, user, { error: 'Error: connect ECONNREFUSED' });
    expect(res).toMatchObject({ category: 'connection_refused', meta: { provider: 'local', credits: 1 } });
    expect(fake.requests).toHaveLength(1);
  });

  it('falls back when the provider does not answer within the timeout', async () => {
    const user = await owner();
    fake.reply = { kind: 'content', content: JSON.stringify({ answer: 'late', steps: [] }), delayMs: 3000 };
    const started = Date.now();
    const res = await aiOnboarding(withProvider, user, { query: 'What next?' });
    const took = Date.now() - started;
    expect(res.meta).toMatchObject({ provider: 'local', model: null, credits: 0 });
    expect(res.checklist).toHaveLength(5);
    expect(took).toBeLessThan(2500);
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
  });

  it('answers locally for free when credits do not cover a provider call of the onboarding', async () => {
    const user = await owner();
    await reserveCredits(deps, { tenantId: user.tenantId, userId: null, capability: 'chat', provider: 'local', model: null, credits: 99, queryLength: 1, allowance: 99 });
    fake.reply = { kind: 'content', content: JSON.stringify({ answer: 'x', steps: [] }) };
    // 1 credit left: not enough for OpenAI (2), enough for the local engine (1).
    const chat = await aiChat(withProvider, user, { query: 'templates' });
    expect(chat.meta).toMatchObject({ provider: 'local', credits: 1 });
    const onboarding = await aiOnboarding(withProvider, user, { query: '' });
    expect(onboarding.meta).toMatchObject({ provider: 'local', credits: 0 });
    expect(fake.requests).toHaveLength(0);
  });
});
