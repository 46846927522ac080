/**
 * The local AI engine's texts, one typed object per locale (src/server/domain/ai/help/<locale>.ts):
 * help articles, error explanations, the workflow builder's step names and assumptions, and the
 * onboarding checklist. The typechecker proves every locale has every text. They live on the
 * server (not in messages/) because only the server composes answers from them.
 *
 * Templates use `{name}` placeholders filled by `fill()`; `{{ path }}` (with spaces) is workflow
 * placeholder syntax and is left alone.
 */
export const HELP_ARTICLE_IDS = [
  'getting-started',
  'workflows',
  'templates',
  'referrals',
  'invite-teammate',
  'billing-trial',
  'health-tiles',
  'reports',
  'security',
  'password',
  'support',
  'ai-credits',
  'language',
] as const;
export type HelpArticleId = (typeof HELP_ARTICLE_IDS)[number];

export const DEBUG_PATTERN_IDS = [
  'connection_refused',
  'connection_reset',
  'dns',
  'timeout',
  'tls',
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'server_error',
  'invalid_json',
  'schema_validation',
  'card_declined',
  'webhook_signature',
  'unknown',
] as const;
export type DebugPatternId = (typeof DEBUG_PATTERN_IDS)[number];

export const ONBOARDING_ITEM_IDS = ['create_workflow', 'try_builder', 'activate_workflow', 'share_referral', 'choose_plan'] as const;
export type OnboardingItemId = (typeof ONBOARDING_ITEM_IDS)[number];

export type HelpText = {
  title: string;
  /** The answer; may use {trial}, {monthly}, {yearly}, {dfy}, {sla}, {credits}. */
  summary: string;
  steps: string[];
  /** Extra search words in this language (synonyms people type), space separated. */
  keywords: string;
};

export type DebugText = { title: string; explanation: string; steps: string[]; prevention: string[] };

/** Plural forms by Intl.PluralRules category; `other` is required. `#` is the number. */
export type Plural = Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>> & { other: string };

export type AiTexts = {
  help: Record<HelpArticleId, HelpText>;
  chat: {
    /** Answer when no article matches; the suggested articles follow as sources. */
    noMatch: string;
  };
  debug: Record<DebugPatternId, DebugText>;
  builder: {
    /** {count} steps (always 2 or more). */
    answer: string;
    /** Name of the workflow when the request gives nothing better. */
    defaultName: string;
    stepNames: {
      webhook: string;
      /** The step that ends the run after a condition's true branch. */
      stop: string;
      /** {schedule}: the cron expression. */
      schedule: string;
      /** {duration}: e.g. "1 day" (formatted by Intl). */
      delay: string;
      /** {field} {operator} {value}. */
      condition: string;
      emailContact: string;
      emailTeam: string;
      emailYou: string;
      /** {recipient}: an e-mail address. */
      emailTo: string;
      /** {method} {host}. */
      http: string;
      transform: string;
      log: string;
    };
    operators: { contains: string; exists: string; equals: string; not_equals: string; greater_than: string; less_than: string };
    email: {
      contactSubject: string;
      contactBody: string;
      welcomeSubject: string;
      welcomeBody: string;
      followUpSubject: string;
      followUpBody: string;
      teamSubject: string;
      /** Body when the workflow starts from a webhook ({{ body }} is the incoming data). */
      teamBody: string;
      scheduleSubject: string;
      scheduleBody: string;
      /** Body after an HTTP step ({{ response.body }} is its answer). */
      responseBody: string;
    };
    logMessage: string;
    assumptions: {
      noTrigger: string;
      webhook: string;
      /** {time}: HH:MM. */
      defaultTime: string;
      defaultWeekday: string;
      timezone: string;
      /** {recipient}. */
      contactRecipient: string;
      /** {recipient}. */
      teamRecipient: string;
      /** {recipient}: the signed-in user's address. */
      userRecipient: string;
      /** {url}. */
      placeholderUrl: string;
      conditionStops: string;
      /** {original}: the words of the request; {checked}: what the step checks, e.g. "> 100". */
      approxOperator: string;
      delayCapped: string;
      addedLog: string;
      /** {text}: the part of the request that was not understood. */
      skipped: string;
      /** {field}. */
      transformGeneric: string;
      draft: string;
      tooManySteps: string;
      /** The built steps did not validate: the draft holds only the trigger and a log step. */
      invalidFallback: string;
      /** {field}: a condition after a schedule with nothing fetched before it reads no data. */
      scheduleNoData: string;
      /** {when}: "one day before the appointment" — relative to a date in the data. */
      relativeTiming: string;
      /** {otherwise}: the step run when the condition is false; {then}: the step(s) run when true. */
      /** {then}: the true branch's steps; {end}: the end step's name; {otherwise}: the false branch. */
      elseBranch: string;
    };
  };
  /** What the debugger found in the error itself (issue 16): "{facts}" joins the labelled parts. */
  debugFacts: { lead: string; host: string; port: string; path: string; status: string };
  onboarding: {
    items: Record<OnboardingItemId, { title: string; action: string }>;
    /** {done} of {total}. */
    progress: string;
    allDone: string;
    /** # = days left. */
    trialDaysLeft: Plural;
    trialEndsToday: string;
    /** {trial}: the trial text. */
    trialReminder: string;
  };
};
