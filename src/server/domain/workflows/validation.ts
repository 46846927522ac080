import { z } from 'zod';
import { AppError } from '~/server/errors';
import type { Locale } from '~/i18n/locales';
import { resolveLocale } from '~/server/domain/marketing/content';
import { assertHostAllowed, BlockedAddressError, type AddressPolicy } from '~/server/domain/runs/ssrf';
import { CATALOGS as MESSAGES, fillMessage as fill, type Catalog } from '~/server/domain/i18n/catalogs';
import { urlWithoutPlaceholders, workflowStepsSchema, type WorkflowStep } from './steps';

/**
 * Validation that explains itself (SPEC P1): a failed save names the step and the field, in
 * plain words and the caller's language — "Step 2: the schedule needs five parts, e.g. 0 8 * * 1"
 * — never a path like `steps.0.config.cron`. The texts live in messages/<locale>.json under
 * `WorkflowEditor.validation` (field names under `WorkflowEditor.fields`); an issue carries its
 * step (1-based), step id, field and key, so the editor shows it on the input it concerns.
 */
export type DraftIssue = {
  /** 1-based position of the step, or null for the workflow as a whole. */
  step: number | null;
  stepId: string | null;
  /** The input it concerns: a step field (`name`, `url`, `cron`, …) or `steps` / `workflowName`. */
  field: string;
  key: string;
  /** The problem in plain words, for the field itself. */
  text: string;
  /** The same with the step named ("Step 2: …"), for a summary or an API caller. */
  message: string;
};

export const draftIssueSchema = z.object({
  step: z.number().int().nullable(),
  stepId: z.string().nullable(),
  field: z.string(),
  key: z.string(),
  text: z.string(),
  message: z.string(),
});

type Texts = { validation: Record<string, string>; fields: Record<string, string> };
const texts = (m: Catalog): Texts => m.WorkflowEditor as unknown as Texts;
const CATALOGS = Object.fromEntries(Object.entries(MESSAGES).map(([locale, m]) => [locale, texts(m)])) as Record<Locale, Texts>;

type RawIssue = z.core.$ZodIssue;

/** Key and arguments of one zod issue (custom rules name their key in `params.key`). */
function keyOf(issue: RawIssue, field: string): { key: string; values: Record<string, string | number> } {
  switch (issue.code) {
    case 'custom': {
      const { key, ...values } = (issue.params ?? {}) as Record<string, string | number>;
      return { key: typeof key === 'string' ? key : 'invalid', values };
    }
    case 'too_small':
      if (issue.origin === 'array' && field === 'steps') return { key: 'noSteps', values: {} };
      if (issue.origin === 'string') return { key: 'required', values: {} };
      return { key: 'min', values: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'array' && field === 'steps') return { key: 'tooManySteps', values: { max: Number(issue.maximum) } };
      if (issue.origin === 'string') return { key: 'tooLong', values: { max: Number(issue.maximum) } };
      return { key: 'max', values: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return issue.input === undefined ? { key: 'required', values: {} } : { key: 'invalid', values: {} };
    case 'invalid_value':
      return { key: 'choose', values: {} };
    case 'invalid_union':
      return { key: field === 'type' ? 'unknownType' : 'invalid', values: {} };
    case 'unrecognized_keys':
      return { key: 'unknownField', values: { keys: issue.keys.join(', ') } };
    case 'invalid_format':
      return { key: field === 'id' ? 'idFormat' : 'invalid', values: {} };
    case 'invalid_key':
      return { key: field === 'mapping' ? 'mappingKey' : 'invalid', values: {} };
    default:
      return { key: 'invalid', values: {} };
  }
}

/** The step and field a path points at: [2, 'config', 'url'] is step 3's `url`. */
function placeOf(path: readonly PropertyKey[]): { index: number | null; field: string } {
  if (path.length === 0 || typeof path[0] !== 'number') return { index: null, field: 'steps' };
  const index = path[0];
  if (path[1] === 'config') return { index, field: typeof path[2] === 'string' ? path[2] : 'config' };
  return { index, field: typeof path[1] === 'string' ? path[1] : 'type' };
}

function describe(locale: Locale, where: { index: number | null; stepId: string | null; field: string }, key: string, values: Record<string, string | number>): DraftIssue {
  const catalog = CATALOGS[locale];
  const step = where.index === null ? null : where.index + 1;
  const template = catalog.validation[key] ?? catalog.validation.invalid!;
  const text = fill(template, { field: catalog.fields[where.field] ?? where.field, ...values });
  const message = step === null ? text : fill(catalog.validation.stepPrefix!, { step, text });
  return { step, stepId: where.stepId, field: where.field, key, text, message };
}

/** Plain-word issues for a steps list that failed `workflowStepsSchema`. */
export function explainStepIssues(issues: readonly RawIssue[], steps: unknown, locale: Locale = 'en'): DraftIssue[] {
  const list = Array.isArray(steps) ? steps : [];
  const seen = new Set<string>();
  const out: DraftIssue[] = [];
  for (const issue of issues) {
    const place = placeOf(issue.path);
    const raw = place.index === null ? undefined : (list[place.index] as { id?: unknown } | undefined);
    const stepId = typeof raw?.id === 'string' ? raw.id : null;
    const { key, values } = keyOf(issue, place.field);
    const described = describe(locale, { ...place, stepId }, key, values);
    // One message per field and rule: a field with two faults of the same kind says it once.
    const id = `${described.step}:${described.field}:${described.key}:${described.text}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(described);
    }
  }
  return out;
}

/** URL guardrails at save: no loopback, private, link-local or metadata literal hosts (the engine re-checks every resolved address at run time). */
function addressIssues(steps: readonly WorkflowStep[], policy: AddressPolicy, locale: Locale): DraftIssue[] {
  const out: DraftIssue[] = [];
  steps.forEach((step, index) => {
    if (step.type !== 'http_request') return;
    let host: string;
    try {
      host = new URL(urlWithoutPlaceholders(step.config.url)).hostname;
    } catch {
      return;
    }
    try {
      assertHostAllowed(host, policy);
      if (host === 'metadata.google.internal' || host.endsWith('.internal')) throw new BlockedAddressError(host);
    } catch (error) {
      if (!(error instanceof BlockedAddressError)) throw error;
      out.push(describe(locale, { index, stepId: step.id, field: 'url' }, 'urlBlocked', { host }));
    }
  });
  return out;
}

export type ValidateOptions = { policy?: AddressPolicy; locale?: string | null };

/** Every problem of a steps list, explained; `steps` is the parsed list when there are none. */
export function validateSteps(input: unknown, options: ValidateOptions = {}): { steps: WorkflowStep[]; issues: [] } | { steps: null; issues: DraftIssue[] } {
  const locale = resolveLocale(options.locale);
  const parsed = workflowStepsSchema.safeParse(input);
  if (!parsed.success) {
    // In the order of the page: the workflow's own problems, then step by step.
    const issues = explainStepIssues(parsed.error.issues, input, locale).sort((a, b) => (a.step ?? 0) - (b.step ?? 0));
    return { steps: null, issues };
  }
  const guard = options.policy ? addressIssues(parsed.data, options.policy, locale) : [];
  return guard.length ? { steps: null, issues: guard } : { steps: parsed.data, issues: [] };
}

/** The parsed steps, or a 400 whose message is the first problem and whose details list them all. */
export function assertValidSteps(input: unknown, options: ValidateOptions = {}): WorkflowStep[] {
  const result = validateSteps(input, options);
  if (result.steps) return result.steps;
  throw new AppError('BAD_REQUEST', result.issues[0]!.message, { details: { issues: result.issues } });
}
