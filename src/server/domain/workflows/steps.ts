import { z } from 'zod';

/**
 * The workflow step model (SPEC P1): eight step types, validated deeply.
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
] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const TRIGGER_TYPES: readonly StepType[] = ['webhook_trigger', 'schedule_trigger'];
export const MAX_STEPS = 50;
export const MAX_DELAY_SECONDS = 30 * 24 * 60 * 60;
const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;

/** Values may reference earlier data with {{ path }} placeholders. */
const templated = (max: number) => z.string().trim().min(1).max(max);
const stepId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'Step ids are lowercase letters, digits, "-" or "_" (max 40)');

const CRON_FIELD = /^(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?(,(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?)*$/;
export const cronSchema = z
  .string()
  .trim()
  .refine((v) => {
    const parts = v.split(/\s+/);
    return parts.length === 5 && parts.every((p) => CRON_FIELD.test(p));
  }, 'A schedule must be a five-field cron expression, e.g. "0 8 * * 1"');

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v.replace(/\{\{[^}]*\}\}/g, 'x'));
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Must be an http(s) URL');

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
    .refine((c) => c.amount * UNIT_SECONDS[c.unit] <= MAX_DELAY_SECONDS, 'A delay can be at most 30 days'),
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
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]{0,99}$/, 'Invalid output field name'), templated(500))
      .refine((m) => Object.keys(m).length > 0 && Object.keys(m).length <= 50, 'A transform maps 1 to 50 fields'),
  }),
});
export const emailStep = z.strictObject({
  ...base,
  type: z.literal('email'),
  config: z.strictObject({
    to: templated(320).refine(
      (v) => /^\{\{[^}]+\}\}$/.test(v) || z.email().safeParse(v).success,
      'Recipient must be an e-mail address or a {{ placeholder }}',
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

export const workflowStepSchema = z.discriminatedUnion('type', [
  webhookTriggerStep,
  scheduleTriggerStep,
  httpRequestStep,
  delayStep,
  conditionStep,
  transformStep,
  emailStep,
  logStep,
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

/** The whole list: shape of each step plus the rules that span steps (guardrails). */
export const workflowStepsSchema = z
  .array(workflowStepSchema)
  .min(1, 'A workflow needs at least one step')
  .max(MAX_STEPS, `A workflow can have at most ${MAX_STEPS} steps`)
  .superRefine((steps, ctx) => {
    const ids = new Map<string, number>();
    steps.forEach((step, i) => {
      if (ids.has(step.id)) {
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Duplicate step id "${step.id}"` });
      }
      ids.set(step.id, i);
      if (TRIGGER_TYPES.includes(step.type) && i !== 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'type'], message: 'A trigger can only be the first step' });
      }
    });
    steps.forEach((step, i) => {
      if (step.type === 'condition' && step.config.elseStepId !== undefined) {
        const target = ids.get(step.config.elseStepId);
        if (target === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'config', 'elseStepId'],
            message: `Unknown step "${step.config.elseStepId}"`,
          });
        } else if (target <= i) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'config', 'elseStepId'],
            message: 'A condition can only jump forward (no loops)',
          });
        }
      }
      // {{ steps.<id>.… }} may only read a step that runs earlier (no unknown or later step).
      for (const text of stringsIn(step.config)) {
        for (const m of text.matchAll(STEP_REFERENCE)) {
          const ref = m[1]!;
          const at = ids.get(ref);
          if (at === undefined || at >= i) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'config'],
              message: at === undefined ? `Step ${i + 1} reads "steps.${ref}", but there is no step "${ref}"` : `Step ${i + 1} reads "steps.${ref}", which runs later`,
            });
          }
        }
      }
      if (step.type === 'condition' && step.config.operator !== 'exists' && step.config.value === undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'config', 'value'], message: 'This operator needs a value' });
      }
    });
  });
