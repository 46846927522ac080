import { z } from 'zod';
import { DATA_ROOTS, PLACEHOLDER } from '~/server/domain/runs/template';
import type { StoredStep } from '~/server/infra/db/schema';

/**
 * The workflow step model (SPEC P1): nine step types, validated deeply.
 * The same schema validates user input, templates and the AI builder's output.
 */
export const STEP_TYPES = [
  'webhook_trigger',
  'schedule_trigger',
  'http_request',
  'delay',
  'condition',
  'transform',
  'email',
  'log',
  'stop',
] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const TRIGGER_TYPES: readonly StepType[] = ['webhook_trigger', 'schedule_trigger'];
export const MAX_STEPS = 50;
export const MAX_DELAY_SECONDS = 30 * 24 * 60 * 60;
const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;

/**
 * Every custom rule names its message with `params.key` (WorkflowEditor.validation.<key> in
 * messages/): validation.ts turns issues into plain words in the caller's language, on the field.
 */
const rule = (key: string, message: string, extra: Record<string, string | number> = {}) => ({ message, params: { key, ...extra } });

/** Values may reference earlier data with {{ path }} placeholders. */
const templated = (max: number) => z.string().trim().min(1).max(max);
const stepId = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, rule('idFormat', 'Step ids are lowercase letters, digits, "-" or "_" (max 40)'));

const CRON_FIELD = /^(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?(,(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?)*$/;
export const cronSchema = z
  .string()
  .trim()
  .refine((v) => {
    const parts = v.split(/\s+/);
    return parts.length === 5 && parts.every((p) => CRON_FIELD.test(p));
  }, rule('cronParts', 'A schedule must be a five-field cron expression, e.g. "0 8 * * 1"'));

/** Fills placeholders with a neutral word so the rest of the URL can be parsed. */
export const urlWithoutPlaceholders = (v: string) => v.replace(/\{\{[^}]*\}\}/g, 'x');
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(urlWithoutPlaceholders(v));
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, rule('url', 'Must be an http(s) URL'));

const base = {
  id: stepId,
  name: z.string().trim().min(1, 'Every step needs a name').max(80),
};

export const webhookTriggerStep = z.strictObject({
  ...base,
  type: z.literal('webhook_trigger'),
  config: z.strictObject({ method: z.enum(['POST', 'PUT', 'GET']).default('POST') }),
});
export const scheduleTriggerStep = z.strictObject({
  ...base,
  type: z.literal('schedule_trigger'),
  config: z.strictObject({ cron: cronSchema, timezone: z.string().trim().min(1).max(64).default('UTC') }),
});
export const httpRequestStep = z.strictObject({
  ...base,
  type: z.literal('http_request'),
  config: z.strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    url: httpUrl,
    headers: z.record(z.string().max(100), z.string().max(1000)).optional(),
    body: z.string().max(20_000).optional(),
    timeoutMs: z.number().int().min(100).max(30_000).default(10_000),
  }),
});
export const delayStep = z.strictObject({
  ...base,
  type: z.literal('delay'),
  config: z
    .strictObject({
      amount: z.number().int().positive(),
      unit: z.enum(['seconds', 'minutes', 'hours', 'days']),
    })
    .refine((c) => c.amount * UNIT_SECONDS[c.unit] <= MAX_DELAY_SECONDS, { ...rule('delayMax', 'A delay can be at most 30 days'), path: ['amount'] }),
});
export const conditionStep = z.strictObject({
  ...base,
  type: z.literal('condition'),
  config: z.strictObject({
    field: z.string().trim().min(1).max(200),
    operator: z.enum(['equals', 'not_equals', 'contains', 'greater_than', 'less_than', 'exists']),
    value: z.union([z.string().max(500), z.number(), z.boolean()]).optional(),
    /** Step to jump to when the condition is false; omitted = stop the run. */
    elseStepId: stepId.optional(),
  }),
});
export const transformStep = z.strictObject({
  ...base,
  type: z.literal('transform'),
  config: z.strictObject({
    mapping: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]{0,99}$/, rule('mappingKey', 'Invalid output field name')), templated(500))
      .refine((m) => Object.keys(m).length > 0 && Object.keys(m).length <= 50, rule('mappingCount', 'A transform maps 1 to 50 fields')),
  }),
});
export const emailStep = z.strictObject({
  ...base,
  type: z.literal('email'),
  config: z.strictObject({
    to: templated(320).refine(
      (v) => /^\{\{[^}]+\}\}$/.test(v) || z.email().safeParse(v).success,
      rule('recipient', 'Recipient must be an e-mail address or a {{ placeholder }}', { example: '{{ body.email }}' }),
    ),
    subject: templated(200),
    body: templated(20_000),
  }),
});
export const logStep = z.strictObject({
  ...base,
  type: z.literal('log'),
  config: z.strictObject({
    message: templated(1000),
    level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  }),
});

/**
 * `stop` ends the run there, successfully (Power Automate's "Terminate"): with a condition's
 * "otherwise" it keeps the true branch from running on into the false one.
 */
export const stopStep = z.strictObject({
  ...base,
  type: z.literal('stop'),
  config: z.strictObject({}),
});

export const workflowStepSchema = z.discriminatedUnion('type', [
  webhookTriggerStep,
  scheduleTriggerStep,
  httpRequestStep,
  delayStep,
  conditionStep,
  transformStep,
  emailStep,
  logStep,
  stopStep,
]);
export type WorkflowStep = z.output<typeof workflowStepSchema>;
export type WorkflowStepInput = z.input<typeof workflowStepSchema>;

const STEP_REFERENCE = /\{\{\s*steps\.([a-z][a-z0-9_-]{0,39})\b[^}]*\}\}/g;

/** Every string inside a step's config (values of records and arrays too). */
function stringsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  return Object.values(value as Record<string, unknown>).flatMap((v) => stringsIn(v, depth + 1));
}

/** A data path as conditions read it: `body.email`, `steps.fetch.status`, `items.0.id`. */
const FIELD_PATH = /^[A-Za-z_$][\w$-]*(\.[\w$-]+)*$/;

/** Every `{{` has its `}}` and nothing nests: `Hi {{ body.name }}` yes, `Hi {{ body.name` no. */
export function placeholdersClosed(text: string): boolean {
  let open = false;
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text[i]! + text[i + 1]!;
    if (pair === '{{') {
      if (open) return false;
      open = true;
      i++;
    } else if (pair === '}}') {
      if (!open) return false;
      open = false;
      i++;
    }
  }
  return !open;
}

/** Whether a time zone name is one this runtime knows (IANA names like Europe/Berlin). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The first part of a five-part schedule whose values are out of range, or null if all are fine. */
const CRON_RANGES: readonly [number, number][] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];
export function cronPartOutOfRange(cron: string): { part: string; position: number } | null {
  const parts = cron.trim().split(/\s+/);
  for (const [position, part] of parts.entries()) {
    const [min, max] = CRON_RANGES[position] ?? [0, 59];
    for (const piece of part.split(',')) {
      const [range, stepText] = piece.split('/');
      const bounds = range === '*' ? [] : range!.split('-').map(Number);
      const step = stepText === undefined ? 1 : Number(stepText);
      if (bounds.some((n) => n < min || n > max) || (bounds.length === 2 && bounds[0]! > bounds[1]!) || step < 1) {
        return { part, position };
      }
    }
  }
  return null;
}

/** Steps as stored and read back: each step's own shape, without the rules between steps. */
export const workflowStepListSchema = z.array(workflowStepSchema);

/**
 * The whole list as saved: each step's shape plus the rules that span steps (SPEC P1): exactly
 * one trigger and it comes first; ids unique; `{{ steps.<id> }}` reads only earlier steps; a
 * condition's "otherwise" jumps forward to a step that exists; schedules within range and in a
 * known time zone. Address guardrails need the operator's allow-list: validation.ts adds them.
 */
export const workflowStepsSchema = z
  .array(workflowStepSchema)
  .min(1, rule('noSteps', 'A workflow needs at least one step'))
  .max(MAX_STEPS, rule('tooManySteps', `A workflow can have at most ${MAX_STEPS} steps`, { max: MAX_STEPS }))
  .superRefine((steps, ctx) => {
    const ids = new Map<string, number>();
    steps.forEach((step, i) => {
      if (ids.has(step.id)) {
        ctx.addIssue({ code: 'custom', path: [i, 'id'], ...rule('duplicateId', `Duplicate step id "${step.id}"`, { id: step.id }) });
      }
      ids.set(step.id, i);
      if (TRIGGER_TYPES.includes(step.type) && i !== 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'type'], ...rule('oneTrigger', 'A trigger can only be the first step') });
      }
    });
    if (steps[0] && !TRIGGER_TYPES.includes(steps[0].type)) {
      ctx.addIssue({ code: 'custom', path: [0, 'type'], ...rule('triggerFirst', 'The first step must be a trigger (a webhook or a schedule)') });
    }
    // What a placeholder may start with: the run's own data, and fields earlier transforms set.
    const roots = new Set<string>(DATA_ROOTS);
    steps.forEach((step, i) => {
      const unknownRoot = (path: string) => {
        const root = path.split('.')[0]!;
        return FIELD_PATH.test(path) && !roots.has(root) ? root : null;
      };
      if (step.type === 'schedule_trigger') {
        const bad = cronPartOutOfRange(step.config.cron);
        if (bad) {
          ctx.addIssue({ code: 'custom', path: [i, 'config', 'cron'], ...rule('cronRange', `The schedule part "${bad.part}" is out of range`, { part: bad.part }) });
        }
        if (!isKnownTimeZone(step.config.timezone)) {
          ctx.addIssue({ code: 'custom', path: [i, 'config', 'timezone'], ...rule('timezone', 'Unknown time zone', { zone: step.config.timezone }) });
        }
      }
      if (step.type === 'condition' && step.config.elseStepId !== undefined) {
        const target = ids.get(step.config.elseStepId);
        if (target === undefined) {
          ctx.addIssue({ code: 'custom', path: [i, 'config', 'elseStepId'], ...rule('elseUnknown', `Unknown step "${step.config.elseStepId}"`, { id: step.config.elseStepId }) });
        } else if (target <= i) {
          ctx.addIssue({ code: 'custom', path: [i, 'config', 'elseStepId'], ...rule('elseBackward', 'A condition can only jump forward (no loops)') });
        }
      }
      if (step.type === 'condition' && !FIELD_PATH.test(step.config.field.replace(/^\{\{\s*|\s*\}\}$/g, ''))) {
        ctx.addIssue({ code: 'custom', path: [i, 'config', 'field'], ...rule('fieldPath', 'Write the field as a path such as body.email', { example: 'body.email' }) });
      }
      // {{ steps.<id>.… }} may only read a step that runs earlier (no unknown or later step).
      for (const [field, value] of Object.entries(step.config)) {
        if (stringsIn(value).some((text) => !placeholdersClosed(text))) {
          ctx.addIssue({ code: 'custom', path: [i, 'config', field], ...rule('placeholder', 'A placeholder is not closed', { example: '{{ body.email }}' }) });
        }
        for (const text of stringsIn(value)) {
          for (const m of text.matchAll(STEP_REFERENCE)) {
            const ref = m[1]!;
            const at = ids.get(ref);
            if (at === undefined || at >= i) {
              ctx.addIssue({
                code: 'custom',
                path: [i, 'config', field],
                ...(at === undefined
                  ? rule('refUnknown', `Step ${i + 1} reads "steps.${ref}", but there is no step "${ref}"`, { ref })
                  : rule('refLater', `Step ${i + 1} reads "steps.${ref}", which runs later`, { ref })),
              });
            }
          }
        }
      }
      // {{ orders.total }} where nothing is called "orders": empty at run time, so refused now.
      const readRoots = new Set<string>();
      for (const [field, value] of Object.entries(step.config)) {
        for (const text of stringsIn(value)) {
          for (const m of text.matchAll(PLACEHOLDER)) {
            const root = unknownRoot(m[1]!);
            if (root && !readRoots.has(`${field}:${root}`)) {
              readRoots.add(`${field}:${root}`);
              ctx.addIssue({ code: 'custom', path: [i, 'config', field], ...rule('refRoot', `Step ${i + 1} reads "${root}", which no trigger or earlier step provides`, { root }) });
            }
          }
        }
      }
      if (step.type === 'condition') {
        const root = unknownRoot(step.config.field.replace(/^\{\{\s*|\s*\}\}$/g, ''));
        if (root) ctx.addIssue({ code: 'custom', path: [i, 'config', 'field'], ...rule('refRoot', `Step ${i + 1} reads "${root}", which no trigger or earlier step provides`, { root }) });
      }
      if (step.type === 'transform') {
        for (const key of Object.keys(step.config.mapping)) roots.add(key.split('.')[0]!);
      }
      if (step.type === 'condition' && step.config.operator !== 'exists' && step.config.value === undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'config', 'value'], ...rule('valueNeeded', 'This operator needs a value') });
      }
      // After an "end the run" step, a step runs only when a condition jumps to it.
      if (i > 0 && steps[i - 1]!.type === 'stop' && !steps.some((s) => s.type === 'condition' && s.config.elseStepId === step.id)) {
        ctx.addIssue({ code: 'custom', path: [i, 'type'], ...rule('unreachable', `Step ${i + 1} never runs: the step before it ends the run`, { step: i + 1 }) });
      }
    });
  });

/** Stored steps were validated by workflowStepsSchema when written: narrow them to that type. */
export const asWorkflowSteps = (steps: readonly StoredStep[]): WorkflowStep[] => steps as WorkflowStep[];

/** A draft as the editor holds it: anything step-like, checked by validation.ts rather than refused at the door. */
export const draftStepsSchema = z.array(z.record(z.string(), z.unknown())).max(MAX_STEPS * 2, `A workflow can have at most ${MAX_STEPS} steps`);
