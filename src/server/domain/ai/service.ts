import { assertTenantAllows } from '~/server/domain/accounts/lifecycle';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { localeNames, type Locale } from '~/i18n/locales';
import type { CurrentUser } from '~/server/domain/accounts/users';
import type { Db } from '~/server/infra/db/client';
import { aiUsage, referralCodes, workflows } from '~/server/infra/db/schema';
import { AppError, firstIssueMessage, isAppError } from '~/server/errors';
import { logger, type Logger } from '~/server/infra/logger';
import { recordAiRequest } from '~/server/infra/metrics/app';
import { recordActivity } from '~/server/domain/growth/activity';
import { workflowStepsSchema, type WorkflowStepInput } from '~/server/domain/workflows/steps';
import { creditCost, type AiCapability, type AiProviderName } from './config';
import { allowanceFor, loadTenantPlan, reserveCredits, settleCredits, type Reservation, type TenantPlan } from './credits';
import { answerHelpLocally, retrieveArticles } from './engine/chat';
import { diagnoseLocally } from './engine/debug';
import { onboardingLocally, type OnboardingFacts } from './engine/onboarding';
import { buildWorkflowLocally } from './engine/workflow';
import { helpArticle, HELP_ARTICLE_IDS, resolveLocale } from './help/catalog';
import { defaultAiProvider, ProviderFailure, type AiProvider } from './provider';
import {
  aiChatInputSchema,
  aiDebugInputSchema,
  aiOnboardingInputSchema,
  aiWorkflowInputSchema,
  providerAnswerSchema,
  providerDebugSchema,
  providerWorkflowSchema,
  type AiChatInput,
  type AiChatOutput,
  type AiContext,
  type AiDebugInput,
  type AiDebugOutput,
  type AiMeta,
  type AiOnboardingInput,
  type AiOnboardingOutput,
  type AiWorkflowInput,
  type AiWorkflowOutput,
} from './schemas';

/**
 * The four AI capabilities (SPEC A1-A4), called by the tRPC procedures and the REST routes.
 *
 * Each request: resolve the locale (context.locale, else the user's), reserve credits before
 * any provider call, ask OpenAI when configured, and answer with the local engine when it is
 * not, or on any provider error, malformed reply or timeout. The usage row is settled with what
 * was really used, the AI request counter is fed, and one log line records lengths, page, plan
 * and outcome — never the text of the query.
 */
export type AiDeps = {
  db: Db;
  redis: Redis;
  log?: Logger;
  now?: () => Date;
  requestId?: string;
  /** undefined: from env (OPENAI_API_KEY); null: local engine only; or a provider (tests). */
  provider?: AiProvider | null;
};

type Answered<T> = { result: T; provider: AiProviderName; model: string | null; fallback: string | null };

type RunSpec<T> = {
  capability: AiCapability;
  queryLength: number;
  context: AiContext;
  local: (env: RunEnv) => T | Promise<T>;
  /** Asks the provider; throws on any failure (then `local` answers). */
  remote?: (provider: AiProvider, env: RunEnv) => Promise<T>;
};
type RunEnv = { locale: Locale; tenant: TenantPlan; user: CurrentUser; now: Date; deps: AiDeps };

const clipText = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
const clipList = (xs: string[], items = 8, max = 400) => xs.map((x) => clipText(x.trim(), max)).filter(Boolean).slice(0, items);

async function run<T>(deps: AiDeps, user: CurrentUser, spec: RunSpec<T>): Promise<{ answered: Answered<T>; meta: AiMeta }> {
  const started = performance.now();
  const now = deps.now?.() ?? new Date();
  const log = deps.log ?? logger;
  const requestId = deps.requestId ?? crypto.randomUUID();
  const locale = resolveLocale(spec.context?.locale, user.locale);
  const tenant = await loadTenantPlan(deps, user.tenantId);
  // SPEC P4: a suspended or cancelled workspace gets no AI (the lifecycle decides, one table).
  assertTenantAllows(tenant.status, 'ai');
  const allowance = allowanceFor(tenant);
  let provider = deps.provider === undefined ? defaultAiProvider() : deps.provider;
  const logFields = {
    capability: spec.capability,
    query_length: spec.queryLength,
    page: spec.context?.page ?? null,
    plan: tenant.status === 'trialing' ? 'trial' : tenant.plan,
    locale,
    requestId,
  };

  const reserve = (p: AiProviderName) =>
    reserveCredits(deps, {
      tenantId: user.tenantId,
      userId: user.id,
      capability: spec.capability,
      provider: p,
      model: p === 'openai' && provider ? provider.modelFor(spec.capability) : null,
      credits: creditCost(spec.capability, p),
      queryLength: spec.queryLength,
      allowance,
    });

  let reservation: Reservation;
  try {
    reservation = await reserve(provider ? 'openai' : 'local');
  } catch (error) {
    // Not enough left for a provider answer, but maybe for a local one.
    const localFits = provider && isAppError(error) && error.code === 'TOO_MANY_REQUESTS';
    if (!localFits) {
      if (isAppError(error) && error.code === 'TOO_MANY_REQUESTS') log.info({ ...logFields, outcome: 'credits_exhausted', allowance }, 'ai request refused');
      throw error;
    }
    provider = null;
    try {
      reservation = await reserve('local');
    } catch (again) {
      if (isAppError(again) && again.code === 'TOO_MANY_REQUESTS') log.info({ ...logFields, outcome: 'credits_exhausted', allowance }, 'ai request refused');
      throw again;
    }
  }

  const env: RunEnv = { locale, tenant, user, now, deps };
  let answered: Answered<T> | null = null;
  let fallback: string | null = null;
  if (provider && spec.remote) {
    try {
      answered = { result: await spec.remote(provider, env), provider: 'openai', model: provider.modelFor(spec.capability), fallback: null };
    } catch (error) {
      fallback = error instanceof ProviderFailure ? error.kind : 'error';
      log.warn(
        { ...logFields, fallback, status: error instanceof ProviderFailure ? (error.status ?? null) : null },
        'ai provider failed; answering locally',
      );
    }
  }
  answered ??= { result: await spec.local(env), provider: 'local', model: null, fallback };

  const latencyMs = Math.round(performance.now() - started);
  const credits = await settleCredits(deps, reservation, {
    provider: answered.provider,
    model: answered.model,
    credits: creditCost(spec.capability, answered.provider),
    latencyMs,
  });
  await recordAiRequest(deps, { capability: spec.capability, provider: answered.provider });
  // An AI request is activity (SPEC G4).
  await recordActivity(deps, { tenantId: user.tenantId, userId: user.id });
  log.info({ ...logFields, provider: answered.provider, model: answered.model, fallback, latency_ms: latencyMs, credits }, 'ai request');

  return {
    answered,
    meta: { provider: answered.provider, model: answered.model, latency_ms: latencyMs, request_id: requestId, credits, locale },
  };
}

const language = (locale: Locale) => `${localeNames[locale]} (${locale})`;

// ---------------------------------------------------------------------------------------------

export async function aiChat(deps: AiDeps, user: CurrentUser, input: AiChatInput): Promise<AiChatOutput> {
  const { answered, meta } = await run(deps, user, {
    capability: 'chat',
    queryLength: input.query.length,
    context: input.context,
    local: ({ locale }) => answerHelpLocally(locale, input.query),
    remote: async (provider, { locale }) => {
      const found = retrieveArticles(locale, input.query);
      const articles = found.length ? found.map((f) => f.article) : HELP_ARTICLE_IDS.map((id) => helpArticle(locale, id));
      const sources = (found.length ? articles : []).map((a) => ({ id: a.id, title: a.title, href: a.href }));
      const { data } = await provider.complete({
        capability: 'chat',
        schema: providerAnswerSchema,
        schemaName: 'help_answer',
        system: [
          'You are the help assistant of Levqor, a workflow-automation SaaS for small teams.',
          `Answer in ${language(locale)}. Use only the help articles below. If they do not answer the question, say so in one sentence and name the closest article.`,
          'Reply as JSON: "answer" (plain text, at most 120 words) and "steps" (0 to 5 short imperative steps).',
          '',
          'Help articles:',
          ...articles.map((a) => `## ${a.title}\n${a.summary}\nSteps: ${a.steps.join(' | ')}`),
        ].join('\n'),
        user: input.query,
      });
      return { answer: clipText(data.answer.trim(), 2000), steps: clipList(data.steps, 5), sources, matched: true };
    },
  });
  return { success: true, answer: answered.result.answer, steps: answered.result.steps, sources: answered.result.sources, meta };
}

// ---------------------------------------------------------------------------------------------

const STEP_ID_BASE: Record<WorkflowStepInput['type'], string> = {
  webhook_trigger: 'trigger',
  schedule_trigger: 'schedule',
  http_request: 'request',
  delay: 'wait',
  condition: 'check',
  transform: 'transform',
  email: 'email',
  log: 'log',
  stop: 'end',
};

const WORKFLOW_SPEC = [
  'Step types and their config objects:',
  '- webhook_trigger {"method":"POST"} — starts when its webhook URL is called; incoming data is {{ body.* }}',
  '- schedule_trigger {"cron":"<five-field cron>","timezone":"UTC"}',
  '- http_request {"method":"GET|POST|PUT|PATCH|DELETE","url":"https://…","body":"optional text","timeoutMs":10000} — its answer is {{ response.body }}',
  '- delay {"amount":<positive integer>,"unit":"seconds|minutes|hours|days"} — at most 30 days',
  '- condition {"field":"body.amount","operator":"equals|not_equals|contains|greater_than|less_than|exists","value":100} — when false the run stops',
  '- transform {"mapping":{"<field_name>":"{{ body.x }}"}}',
  '- email {"to":"<address or {{ body.email }}>","subject":"…","body":"…"}',
  '- log {"message":"…","level":"info"}',
  'Exactly one trigger, and it is the first step. At most 20 steps. Use example.com addresses for URLs and e-mail addresses the request does not give.',
].join('\n');

function stepsFromProvider(raw: { type: WorkflowStepInput['type']; name: string; config_json: string }[]) {
  const counts = new Map<string, number>();
  const steps = raw.map((s) => {
    const base = STEP_ID_BASE[s.type];
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    let config: unknown;
    try {
      config = JSON.parse(s.config_json);
    } catch (error) {
      throw new ProviderFailure('malformed', { cause: error });
    }
    return { id: n === 1 ? base : `${base}_${n}`, type: s.type, name: clipText(s.name.trim() || base, 80), config };
  });
  const parsed = workflowStepsSchema.safeParse(steps);
  if (!parsed.success) throw new ProviderFailure('malformed', { cause: parsed.error });
  return parsed.data;
}

export async function aiWorkflow(deps: AiDeps, user: CurrentUser, input: AiWorkflowInput): Promise<AiWorkflowOutput> {
  const { answered, meta } = await run(deps, user, {
    capability: 'workflow',
    queryLength: input.query.length,
    context: input.context,
    local: ({ locale }) => buildWorkflowLocally({ query: input.query, locale, userEmail: user.email }),
    remote: async (provider, { locale }) => {
      const { data } = await provider.complete({
        capability: 'workflow',
        schema: providerWorkflowSchema,
        schemaName: 'workflow_draft',
        system: [
          'You turn a plain-language description into a Levqor workflow.',
          `Write "name" (at most 60 characters), "answer" (one sentence), "assumptions" (what you had to guess) and every step "name" in ${language(locale)}.`,
          'Reply as JSON: {"name","answer","assumptions":[…],"steps":[{"type","name","config_json"}]} where config_json is the step config as a JSON object in a string.',
          WORKFLOW_SPEC,
        ].join('\n'),
        user: input.query,
      });
      return {
        name: clipText(data.name.trim(), 120) || buildWorkflowLocally({ query: input.query, locale }).name,
        answer: clipText(data.answer.trim(), 600),
        steps: stepsFromProvider(data.steps),
        assumptions: clipList(data.assumptions, 10),
      };
    },
  });
  const r = answered.result;
  return { success: true, answer: r.answer, name: r.name, steps: r.steps, assumptions: r.assumptions, meta };
}

// ---------------------------------------------------------------------------------------------

export async function aiDebug(deps: AiDeps, user: CurrentUser, input: AiDebugInput): Promise<AiDebugOutput> {
  const { answered, meta } = await run(deps, user, {
    capability: 'debug',
    queryLength: input.error.length,
    context: input.context,
    local: ({ locale }) => diagnoseLocally(locale, input.error),
    remote: async (provider, { locale }) => {
      const local = diagnoseLocally(locale, input.error);
      const { data } = await provider.complete({
        capability: 'debug',
        schema: providerDebugSchema,
        schemaName: 'error_diagnosis',
        system: [
          'You explain errors that Levqor users meet in their workflows and integrations (HTTP calls, webhooks, payments, e-mail).',
          `Answer in ${language(locale)}. A pattern library classified this error as: ${diagnoseLocally('en', input.error).title}.`,
          'Reply as JSON: "title" (a few words), "explanation" (at most 80 words), "steps" (3 to 5 fix steps), "prevention" (1 to 3 tips).',
          'Never repeat secrets, tokens or passwords that appear in the error.',
        ].join('\n'),
        user: input.error,
      });
      return {
        category: local.category,
        title: clipText(data.title.trim(), 120) || local.title,
        explanation: clipText(data.explanation.trim(), 1500),
        steps: clipList(data.steps, 6),
        prevention: clipList(data.prevention, 4),
      };
    },
  });
  return { success: true, ...answered.result, meta };
}

// ---------------------------------------------------------------------------------------------

export async function loadOnboardingFacts(deps: { db: Db; now?: () => Date }, user: CurrentUser, tenant: TenantPlan): Promise<OnboardingFacts> {
  const now = deps.now?.() ?? new Date();
  const [[wf], [code], [builder]] = await Promise.all([
    deps.db
      .select({ total: count(), active: sql<number>`count(*) filter (where ${workflows.status} = 'active')::int` })
      .from(workflows)
      .where(eq(workflows.tenantId, user.tenantId)),
    deps.db.select({ code: referralCodes.code }).from(referralCodes).where(eq(referralCodes.userId, user.id)).limit(1),
    deps.db
      .select({ id: aiUsage.id })
      .from(aiUsage)
      .where(and(eq(aiUsage.tenantId, user.tenantId), eq(aiUsage.capability, 'workflow')))
      .limit(1),
  ]);
  const trialDaysLeft =
    tenant.status === 'trialing' && tenant.trialEndsAt
      ? Math.max(0, Math.ceil((tenant.trialEndsAt.getTime() - now.getTime()) / 86_400_000))
      : null;
  return {
    workflows: wf?.total ?? 0,
    activeWorkflows: wf?.active ?? 0,
    usedBuilder: Boolean(builder),
    hasReferralCode: Boolean(code),
    plan: tenant.plan,
    status: tenant.status,
    trialDaysLeft,
  };
}

export async function aiOnboarding(deps: AiDeps, user: CurrentUser, input: AiOnboardingInput): Promise<AiOnboardingOutput> {
  const { answered, meta } = await run(deps, user, {
    capability: 'onboarding',
    queryLength: input.query.length,
    context: input.context,
    local: async ({ locale, tenant }) => onboardingLocally(locale, await loadOnboardingFacts(deps, user, tenant)),
    remote: async (provider, { locale, tenant }) => {
      const facts = await loadOnboardingFacts(deps, user, tenant);
      const local = onboardingLocally(locale, facts);
      const open = local.checklist.filter((c) => !c.done).map((c) => c.title);
      const { data } = await provider.complete({
        capability: 'onboarding',
        schema: providerAnswerSchema,
        schemaName: 'onboarding_next_steps',
        system: [
          'You are the onboarding guide of Levqor, a workflow-automation SaaS. Suggest what this workspace should do next.',
          `Answer in ${language(locale)}. Be specific and encouraging; at most 60 words.`,
          `Workspace: plan ${facts.plan}, status ${facts.status}, trial days left ${facts.trialDaysLeft ?? 'n/a'}, workflows ${facts.workflows} (${facts.activeWorkflows} active), used the AI workflow builder: ${facts.usedBuilder ? 'yes' : 'no'}, referral link created: ${facts.hasReferralCode ? 'yes' : 'no'}.`,
          `Open checklist items: ${open.length ? open.join('; ') : 'none'}.`,
          'Reply as JSON: "answer" and "steps" (the next 1 to 3 actions).',
        ].join('\n'),
        user: input.query || 'What should I do next?',
      });
      return { ...local, answer: clipText(data.answer.trim(), 800) || local.answer, steps: clipList(data.steps, 3) };
    },
  });
  const r = answered.result;
  return { success: true, answer: r.answer, steps: r.steps, checklist: r.checklist, progress: r.progress, trial_days_left: r.trialDaysLeft, meta };
}

const AI_INPUT_SCHEMAS = {
  chat: aiChatInputSchema,
  workflow: aiWorkflowInputSchema,
  debug: aiDebugInputSchema,
  onboarding: aiOnboardingInputSchema,
} as const;

/**
 * One capability by name, from an unvalidated JSON value (the REST mapping of SPEC A1): the
 * input is checked with the capability's schema (422 naming the field), then answered.
 */
export async function runAiCapability(deps: AiDeps, user: CurrentUser, capability: AiCapability, input: unknown) {
  const parsed = AI_INPUT_SCHEMAS[capability].safeParse(input);
  if (!parsed.success) {
    throw new AppError('UNPROCESSABLE', firstIssueMessage(parsed.error), { cause: parsed.error });
  }
  switch (capability) {
    case 'chat':
      return aiChat(deps, user, parsed.data as AiChatInput);
    case 'workflow':
      return aiWorkflow(deps, user, parsed.data as AiWorkflowInput);
    case 'debug':
      return aiDebug(deps, user, parsed.data as AiDebugInput);
    case 'onboarding':
      return aiOnboarding(deps, user, parsed.data as AiOnboardingInput);
  }
}
