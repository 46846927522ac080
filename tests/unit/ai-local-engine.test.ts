import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, type Locale } from '~/i18n/locales';
import { answerHelpLocally, passagesOf } from '~/server/domain/ai/engine/chat';
import { classifyError, diagnoseLocally } from '~/server/domain/ai/engine/debug';
import { onboardingLocally, type OnboardingFacts } from '~/server/domain/ai/engine/onboarding';
import { buildWorkflowLocally } from '~/server/domain/ai/engine/workflow';
import { DEBUG_PATTERN_IDS, HELP_ARTICLE_IDS, helpArticle, textsFor } from '~/server/domain/ai/help/catalog';
import { createBm25Index, tokenize } from '~/server/domain/ai/text';
import { MONTHLY_PRICE_GBP, TRIAL_TEXT, YEARLY_PRICE_GBP } from '~/server/domain/billing/pricing';
import { workflowStepsSchema } from '~/server/domain/workflows/steps';

/**
 * The local AI engine (SPEC A2) on real-looking requests: tests/fixtures/ai/*.json hold the
 * questions, workflow descriptions and error strings with the expected outcome.
 */
const fixtures = path.resolve(import.meta.dirname, '../fixtures/ai');
const load = <T>(name: string): T => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as T;

type ChatCase = { locale: Locale; query: string; article: string | null };
type WorkflowCase = { locale?: Locale; query: string; types: string[]; cron?: string };
type DebugCase = { error: string; category: string };

const chatCases = load<ChatCase[]>('chat.json');
const workflowCases = load<WorkflowCase[]>('workflow.json');
const debugCases = load<DebugCase[]>('debug.json');

describe('fixtures', () => {
  it('hold at least 30 requests, 10 workflow descriptions and 15 error strings', () => {
    expect(chatCases.length + workflowCases.length + debugCases.length).toBeGreaterThanOrEqual(30);
    expect(workflowCases.length).toBeGreaterThanOrEqual(10);
    expect(debugCases.length).toBeGreaterThanOrEqual(15);
  });
});

describe('help chat: BM25 over the help articles', () => {
  it('tokenizes with light stemming, folding and bigrams for spaceless scripts', () => {
    expect(tokenize('Inviting teammates')).toEqual(tokenize('invite a teammate'));
    expect(tokenize('Café')).toEqual(tokenize('cafe'));
    expect(tokenize('招待')).toEqual(['招待']);
    expect(tokenize('チーム')).toEqual(['チー', 'ーム', 'チーム']);
    // Hiragana particles and endings do not count next to kanji and katakana (issue 16).
    expect(tokenize('ワークフローを作成するには')).toEqual(['ワー', 'ーク', 'クフ', 'フロ', 'ロー', 'ワークフロー', '作成']);
    expect(tokenize('ありがとう')).toEqual(['あり', 'りが', 'がと', 'とう']);
  });

  it('answers with the passage that fits: two questions on one topic get different answers (issue 16)', () => {
    const cancel = answerHelpLocally('en', 'How do I cancel before I am charged?');
    const price = answerHelpLocally('en', 'What does the Growth plan cost per month?');
    expect(cancel.sources[0]?.id).toBe('billing-trial');
    expect(price.sources[0]?.id).toBe('billing-trial');
    expect(cancel.answer).not.toBe(price.answer);
    expect(cancel.answer).toMatch(/cancel/i);
    expect(price.answer).toMatch(/Monthly plans/);
    // Japanese: creating a workflow is about workflows, not about inviting a teammate.
    expect(answerHelpLocally('ja', 'ワークフローを作成するにはどうすればいいですか？').sources[0]?.id).toMatch(/^(workflows|getting-started)$/);
  });

  it('knows how to change and how to reset a password, each answered by its own passage', () => {
    const forgot = answerHelpLocally('en', 'I forgot my password');
    const change = answerHelpLocally('en', 'How do I change my password?');
    expect([forgot.sources[0]?.id, change.sources[0]?.id]).toEqual(['password', 'password']);
    expect(forgot.answer).toMatch(/Forgot your password\?/);
    expect(change.answer).toMatch(/current password and the new one twice/);
    expect(answerHelpLocally('de', 'Ich habe mein Passwort vergessen').answer).toMatch(/Passwort vergessen\?/);
    // Other forms of the verb than the article's: matched by their shared beginning.
    expect(answerHelpLocally('es', 'Olvidé mi contraseña').answer).toMatch(/Olvidaste tu contraseña\?/);
    expect(answerHelpLocally('fr', 'J’ai oublié mon mot de passe').answer).toMatch(/oubli/i);
  });

  it('knows where to get help from support, and that the reply time depends on the plan', () => {
    expect(answerHelpLocally('en', 'How do I contact support?').sources[0]?.id).toBe('support');
    expect(answerHelpLocally('en', 'How long does support take to reply?').answer).toMatch(/Starter 48/);
    expect(answerHelpLocally('de', 'Wie erreiche ich den Support?').sources[0]?.id).toBe('support');
    expect(answerHelpLocally('en', 'I cannot sign in and have no account yet, who do I write to?').sources.map((s) => s.id)).toContain('support');
  });

  it('matches a word the passages do not know by a shared beginning of five letters or more, and only then', () => {
    const index = createBm25Index(
      [
        { id: 'change', text: 'cambia tu contraseña en Ajustes' },
        { id: 'forgot', text: 'si olvidaste tu contraseña pide un enlace' },
      ],
      { prefixMatch: 5 },
    );
    expect(index.search('olvidé contraseña')[0]?.id).toBe('forgot');
    expect(index.search('olvi contraseña').map((h) => h.id)).toEqual(['change', 'forgot']);
    expect(createBm25Index([{ id: 'forgot', text: 'olvidaste' }]).search('olvidé')).toEqual([]);
  });

  it('ranks by BM25: rarer terms weigh more, documents without any term are left out', () => {
    const index = createBm25Index([
      { id: 'a', text: 'workflow workflow step email' },
      { id: 'b', text: 'workflow invoice' },
      { id: 'c', text: 'weather' },
    ]);
    const hits = index.search('invoice workflow');
    expect(hits.map((h) => h.id)).toEqual(['b', 'a']);
    expect(index.search('nothing here')).toEqual([]);
  });

  it.each(chatCases.map((c) => [c.locale, c.query, c.article] as const))('[%s] “%s” -> %s', (locale, query, article) => {
    const answer = answerHelpLocally(locale, query);
    if (article === null) {
      expect(answer.matched).toBe(false);
      expect(answer.answer).toBe(textsFor(locale).chat.noMatch);
      expect(answer.sources.length).toBeGreaterThan(0);
      return;
    }
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]).toMatchObject({ id: article, href: `/dashboard/help/${article}` });
    // The answer is a passage of the article's own text in the user's locale, with its steps.
    const source = helpArticle(locale, article as (typeof HELP_ARTICLE_IDS)[number]);
    expect(passagesOf(source)).toContain(answer.answer);
    expect(answer.steps).toEqual(source.steps);
  });

  it('quotes the locked prices and trial text from pricing.ts, formatted per locale', () => {
    const en = helpArticle('en', 'billing-trial').summary;
    expect(en).toContain(TRIAL_TEXT);
    expect(en).toContain(`£${MONTHLY_PRICE_GBP.starter}`);
    expect(en).toContain(`£${YEARLY_PRICE_GBP.business.toLocaleString('en')}`);
    expect(en).toContain('48 hr');
    const de = helpArticle('de', 'billing-trial').summary;
    expect(de).toMatch(/9\s?£/);
    expect(de).not.toContain('{');
    for (const locale of locales) expect(helpArticle(locale, 'ai-credits').summary).not.toMatch(/\{\w+\}/);
  });
});

describe('workflow builder', () => {
  it('names a workflow with whole words: never cut inside a word, no "…", no dangling "and"', () => {
    const long = 'When a new customer signs up through the website form, wait two days and then send them a friendly welcome e-mail';
    const built = buildWorkflowLocally({ query: long, locale: 'en', userEmail: 'owner@example.com' });
    expect(built.name).not.toContain('…');
    expect(built.name.length).toBeLessThanOrEqual(60);
    expect(long.startsWith(built.name.charAt(0).toLowerCase() + built.name.slice(1)) || long.startsWith(built.name)).toBe(true);
    // The name ends on a whole word of the request.
    expect(long.split(/\s+/).map((w) => w.replace(/[,.]$/, ''))).toContain(built.name.split(' ').at(-1));
    expect(built.name).not.toMatch(/\s(and|then|the|a)$/i);
    for (const step of built.steps) expect(step.name).not.toContain('…');
  });

  it.each(workflowCases.map((c) => [c.locale ?? 'en', c.query, c] as const))('[%s] “%s”', (locale, query, c) => {
    const built = buildWorkflowLocally({ query, locale, userEmail: 'owner@example.com' });
    expect(workflowStepsSchema.safeParse(built.steps).success).toBe(true);
    expect(built.steps.map((s) => s.type)).toEqual(c.types);
    if (c.cron) expect(built.steps[0]).toMatchObject({ type: 'schedule_trigger', config: { cron: c.cron } });
    expect(built.name.length).toBeGreaterThan(0);
    expect(built.name.length).toBeLessThanOrEqual(120);
    expect(built.assumptions.length).toBeGreaterThan(0);
    expect(built.answer).toContain(String(built.steps.length));
  });

  it('reads durations, conditions and recipients', () => {
    const built = buildWorkflowLocally({
      query: 'when a form is submitted, wait a day, then e-mail the lead and log it',
      locale: 'en',
      userEmail: 'owner@example.com',
    });
    expect(built.steps[1]).toMatchObject({ type: 'delay', config: { amount: 1, unit: 'days' } });
    expect(built.steps[2]).toMatchObject({ type: 'email', config: { to: '{{ body.email }}' } });

    const gated = buildWorkflowLocally({ query: 'if amount > 100 email me', locale: 'en', userEmail: 'owner@example.com' });
    expect(gated.steps[1]).toMatchObject({ type: 'condition', config: { field: 'body.amount', operator: 'greater_than', value: 100 } });
    expect(gated.steps[2]).toMatchObject({ type: 'email', config: { to: 'owner@example.com' } });

    const capped = buildWorkflowLocally({ query: 'wait 3 months then log it', locale: 'en' });
    expect(capped.steps[1]).toMatchObject({ type: 'delay', config: { amount: 30, unit: 'days' } });
    expect(capped.assumptions).toContain(textsFor('en').builder.assumptions.delayCapped);

    const unclear = buildWorkflowLocally({ query: 'make me a sandwich', locale: 'fr' });
    expect(unclear.steps.map((s) => s.type)).toEqual(['webhook_trigger', 'log']);
    expect(unclear.assumptions.join(' ')).toContain('make me a sandwich');
    expect(unclear.assumptions).toContain(textsFor('fr').builder.assumptions.addedLog);
  });

  it('is deterministic and always valid, whatever is asked', () => {
    const parts = [
      'every friday at 17:00', 'when a payment fails', 'wait 45 minutes', 'if total >= 2,000', 'email finance',
      'post to https://example.com/hook', 'notify #ops on slack', 'extract id and amount', 'log it', 'daily',
      'in 2 weeks', 'unless country is UK', 'fetch the orders from our CRM', 'text me', '¿?', '🙂', 'x'.repeat(300),
    ];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const query = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => parts[Math.floor(rand() * parts.length)]).join(rand() > 0.5 ? ', then ' : ' and ');
      const locale = locales[i % locales.length]!;
      const a = buildWorkflowLocally({ query, locale, userEmail: 'owner@example.com' });
      expect(workflowStepsSchema.safeParse(a.steps).success, query).toBe(true);
      expect(buildWorkflowLocally({ query, locale, userEmail: 'owner@example.com' })).toEqual(a);
    }
  });

  it('names steps and assumptions in the user’s locale', () => {
    const ja = buildWorkflowLocally({ query: 'every monday at 8 email me', locale: 'ja', userEmail: 'owner@example.com' });
    expect(ja.steps[1]!.name).toBe(textsFor('ja').builder.stepNames.emailYou);
    expect(ja.assumptions).toContain(textsFor('ja').builder.assumptions.timezone);
  });
});

describe('workflow builder: failure patterns seen on unseen requests (issue 16)', () => {
  const types = (query: string) => buildWorkflowLocally({ query, locale: 'en', userEmail: 'me@example.com' });

  it('reads "call the … endpoint", "poll the … API" and "pull … from our API" as HTTP steps', () => {
    const call = types('When a form is posted, call the CRM endpoint to create the contact');
    expect(call.steps.map((s) => s.type)).toEqual(['webhook_trigger', 'http_request']);
    expect(call.steps[1]!.config).toMatchObject({ method: 'POST', url: 'https://api.example.com/crm' });
    expect(types('Every hour poll the billing API').steps.map((s) => s.type)).toEqual(['schedule_trigger', 'http_request']);
    expect(types('Every hour poll the billing API').steps[1]!.config).toMatchObject({ method: 'GET' });
  });

  it('keeps a named recipient as a marked placeholder instead of the signed-in user', () => {
    const built = types('When a webhook arrives, email the accountant');
    expect(built.steps[1]).toMatchObject({ type: 'email', config: { to: 'accountant@example.com' } });
    expect(built.assumptions.some((a) => a.includes('accountant@example.com'))).toBe(true);
    const forwarded = types('Every Monday pull the invoices from our API and send them to finance');
    expect(forwarded.steps.map((s) => s.type)).toEqual(['schedule_trigger', 'http_request', 'email']);
    expect(forwarded.steps[2]!.config).toMatchObject({ to: 'finance@example.com' });
  });

  it('after a schedule, a check reads what an HTTP step fetched, or says there is nothing to read', () => {
    const fetched = types('Every 15 minutes check the status API at https://status.example.com/api and if status equals down email oncall@example.com');
    expect(fetched.steps.find((s) => s.type === 'condition')!.config).toMatchObject({ field: 'response.body.status' });
    const empty = types('Every Monday at 9 if the total is over 100 email me');
    expect(empty.steps.find((s) => s.type === 'condition')!.config).toMatchObject({ field: 'body.total' });
    expect(empty.assumptions).toContain(textsFor('en').builder.assumptions.scheduleNoData.replace('{field}', 'body.total'));
  });

  it('turns timing relative to a date ("one day before the appointment") into a daily schedule and says why; a wait stays a delay', () => {
    const relative = types('One day before the appointment, email the patient a reminder');
    expect(relative.steps[0]).toMatchObject({ type: 'schedule_trigger', config: { cron: '0 9 * * *' } });
    expect(relative.assumptions).toContain(textsFor('en').builder.assumptions.relativeTiming.replace('{when}', 'One day before the appointment'));
    expect(types('When a form is submitted, wait a day before emailing the lead').steps.map((s) => s.type)).toEqual(['webhook_trigger', 'delay', 'email']);
  });

  it('turns "otherwise …" into the condition\'s false branch, ends the true side, and says what runs when', () => {
    const built = types('When a ticket arrives by webhook, if priority is urgent email lead@example.com, otherwise log it');
    expect(built.steps.map((s) => s.type)).toEqual(['webhook_trigger', 'condition', 'email', 'stop', 'log']);
    const check = built.steps.find((s) => s.type === 'condition')!;
    expect((check.config as { elseStepId?: string }).elseStepId).toBe(built.steps.at(-1)!.id);
    expect(built.assumptions).not.toContain(textsFor('en').builder.assumptions.conditionStops);
    expect(built.assumptions.some((a) => a.startsWith('When the condition is true the run does') && a.includes('“End the run”'))).toBe(true);
    expect(workflowStepsSchema.safeParse(built.steps).success).toBe(true);
  });

  it('says which part of a clause it left out when it understood the rest ("notify finance and pause the account")', () => {
    const built = types('When a payment fails email the customer, notify finance and pause the account');
    expect(built.steps.map((s) => s.type)).toEqual(['webhook_trigger', 'email', 'email']);
    expect(built.assumptions).toContain('Not understood and left out: “pause the account”.');
    // Fully understood requests carry no such line.
    expect(types('When a lead comes in, wait 2 hours and then email them and add them to the CRM').assumptions.join(' ')).not.toContain('left out');
  });

  it('reads German and Dutch word order: the wait before its verb, the recipient before the mail', () => {
    for (const [locale, query, amount] of [
      ['de', 'Wenn ein Formular abgeschickt wird, 2 Stunden warten und dann dem Kunden eine E-Mail senden', 2],
      ['nl', 'Als een formulier binnenkomt, 3 uur wachten en dan de klant een mail sturen', 3],
    ] as const) {
      const built = buildWorkflowLocally({ query, locale, userEmail: 'me@example.com' });
      expect(built.steps.map((s) => s.type)).toEqual(['webhook_trigger', 'delay', 'email']);
      expect(built.steps[1]!.config).toEqual({ amount, unit: 'hours' });
      expect(built.steps[2]!.config).toMatchObject({ to: '{{ body.email }}' });
    }
  });

  it('reads "… and the total is over 500" as a condition, but not "… and the status is sent"', () => {
    expect(types('When an order webhook arrives and the total is over 500, email me').steps.map((s) => s.type)).toEqual(['webhook_trigger', 'condition', 'email']);
    expect(types('When an order webhook arrives and the note is thanks, log it').steps.map((s) => s.type)).not.toContain('condition');
  });
});

describe('error debugger: pattern library', () => {
  it('names the host, port, path and status found in the error (issue 16)', () => {
    expect(diagnoseLocally('en', 'connect ECONNREFUSED 10.0.0.5:5432').explanation).toMatch(/In this error: host 10\.0\.0\.5, port 5432\.$/);
    expect(diagnoseLocally('en', '404 Not Found - GET /v1/customers/cus_123 - No such customer').explanation).toMatch(/path \/v1\/customers\/cus_123, status 404\.$/);
    expect(diagnoseLocally('en', 'getaddrinfo ENOTFOUND api.shop.example').explanation).toMatch(/host api\.shop\.example\.$/);
    expect(diagnoseLocally('de', 'Request to https://api.example.com:8443/orders failed with status 503').explanation).toMatch(/In diesem Fehler: Host api\.example\.com, Port 8443, Pfad \/orders, Status 503\.$/);
    // Nothing to name: the explanation stays the pattern's own.
    expect(diagnoseLocally('en', 'something odd happened').explanation).toBe(textsFor('en').debug.unknown.explanation);
  });

  it.each(debugCases.map((c) => [c.error, c.category] as const))('“%s” -> %s', (error, category) => {
    expect(classifyError(error)).toBe(category);
  });

  it.each(locales)('explains every pattern in %s', (locale) => {
    for (const id of DEBUG_PATTERN_IDS) {
      const text = textsFor(locale).debug[id];
      expect(text.title.length, `${locale} ${id}`).toBeGreaterThan(2);
      expect(text.steps.length).toBeGreaterThanOrEqual(2);
      expect(text.prevention.length).toBeGreaterThanOrEqual(1);
      if (locale !== 'en') expect(text.title, `${locale} ${id} is translated`).not.toBe(textsFor('en').debug[id].title);
    }
    const d = diagnoseLocally(locale, 'getaddrinfo ENOTFOUND api.example.test');
    expect(d).toMatchObject({ category: 'dns', title: textsFor(locale).debug.dns.title });
  });
});

describe('onboarding: next steps from real progress', () => {
  const fresh: OnboardingFacts = {
    workflows: 0, activeWorkflows: 0, usedBuilder: false, hasReferralCode: false, plan: 'starter', status: 'trialing', trialDaysLeft: 6,
  };

  it('lists what is left, first things first', () => {
    const r = onboardingLocally('en', fresh);
    expect(r.progress).toEqual({ done: 0, total: 5 });
    expect(r.steps[0]).toBe(textsFor('en').onboarding.items.create_workflow.action);
    expect(r.answer).toContain('6 days');
    expect(r.trialDaysLeft).toBe(6);
  });

  it('ticks off done items and puts the plan first when the trial is nearly over', () => {
    const r = onboardingLocally('de', { ...fresh, workflows: 2, activeWorkflows: 1, hasReferralCode: true, trialDaysLeft: 1 });
    expect(r.checklist.filter((c) => c.done).map((c) => c.id)).toEqual(['create_workflow', 'activate_workflow', 'share_referral']);
    expect(r.steps[0]).toBe(textsFor('de').onboarding.items.choose_plan.action);
    expect(r.answer).toContain('1 Tag');
    const done = onboardingLocally('en', { ...fresh, workflows: 1, activeWorkflows: 1, usedBuilder: true, hasReferralCode: true, status: 'active', trialDaysLeft: null });
    expect(done).toMatchObject({ progress: { done: 5, total: 5 }, steps: [], trialDaysLeft: null, answer: textsFor('en').onboarding.allDone });
  });
});

describe('texts of every locale', () => {
  // Workflow placeholders name data paths ({{ body.name }}) and stay as they are; prose about
  // "{{ placeholders }}" is translated, so only its braces count.
  const placeholders = (s: string) =>
    [...s.matchAll(/\{\{[^}]*\}\}|\{\w+\}|#/g)].map((m) => (m[0].startsWith('{{') && !/^\{\{ (?:body|response)\b/.test(m[0]) ? '{{…}}' : m[0])).sort();
  function walk(en: unknown, other: unknown, at: string, out: string[]) {
    if (typeof en === 'string') {
      if (typeof other !== 'string' || !other.trim()) out.push(`${at}: missing`);
      else if (!at.includes('.keywords') && placeholders(en).join() !== placeholders(other).join()) out.push(`${at}: placeholders differ`);
      return;
    }
    if (Array.isArray(en)) {
      if (!Array.isArray(other) || other.length === 0) out.push(`${at}: missing list`);
      return;
    }
    if (en && typeof en === 'object') {
      for (const [k, v] of Object.entries(en)) {
        // Plural forms differ by language (Japanese has only "other").
        if (at.endsWith('trialDaysLeft') && k !== 'other') continue;
        walk(v, (other as Record<string, unknown> | undefined)?.[k], `${at}.${k}`, out);
      }
    }
  }

  it.each(locales.filter((l) => l !== 'en'))('%s has every text with the same placeholders', (locale) => {
    const problems: string[] = [];
    walk(textsFor('en'), textsFor(locale), locale, problems);
    expect(problems).toEqual([]);
    for (const id of HELP_ARTICLE_IDS) expect(textsFor(locale).help[id].title).not.toBe(textsFor('en').help[id].title);
  });
});
