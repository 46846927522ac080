/**
 * `{{ path }}` placeholders (SPEC P2): a step's text reads the run's data context — the trigger
 * payload (`body.*`, `trigger.*`), the last HTTP response (`response.*`), fields set by transforms
 * (`name`), and any earlier step's output (`steps.<id>.*`). Paths are looked up, never evaluated:
 * no JavaScript runs, so there is nothing to escape from.
 */
export type RunContext = Record<string, unknown> & { steps: Record<string, unknown> };

export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const ONLY_PLACEHOLDER = /^\{\{\s*([^{}]*?)\s*\}\}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const MAX_PATH_PARTS = 32;

/** The value at a dotted path (`a.b.0.c`), or undefined. Own properties only. */
export function lookupPath(root: unknown, path: string): unknown {
  const parts = path.split('.').filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_PATH_PARTS) return undefined;
  let value: unknown = root;
  for (const part of parts) {
    if (FORBIDDEN_KEYS.has(part) || value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return '';
  }
}

/** Text with every placeholder replaced (unknown paths become empty text). */
export function renderTemplate(text: string, ctx: RunContext): string {
  return text.replace(PLACEHOLDER, (_m, path: string) => asText(lookupPath(ctx, path)));
}

/** A value: a text that is one placeholder keeps the value's type (a number stays a number). */
export function resolveValue(text: string, ctx: RunContext): unknown {
  const only = ONLY_PLACEHOLDER.exec(text);
  if (only) return lookupPath(ctx, only[1]!);
  return renderTemplate(text, ctx);
}

/** The context a run starts with: its trigger payload. */
export function initialContext(triggerPayload: Record<string, unknown>): RunContext {
  const body = Object.hasOwn(triggerPayload, 'body') ? triggerPayload.body : triggerPayload;
  return { trigger: triggerPayload, body, steps: {} };
}

const RESERVED = new Set(['steps', 'trigger', 'body', 'response']);
/** Where a placeholder may start: the run's own data and, in http_request, `secrets.NAME` (validation reads this). */
export const DATA_ROOTS: readonly string[] = [...RESERVED, 'secrets'];

/** The context after a step: its output under `steps.<id>`, plus the step type's own spot. */
export function applyStepOutput(ctx: RunContext, step: { id: string; type: string }, output: unknown): RunContext {
  const next: RunContext = { ...ctx, steps: { ...ctx.steps, [step.id]: output } };
  if (step.type === 'http_request') next.response = output;
  if (step.type === 'transform' && output && typeof output === 'object') {
    for (const [key, value] of Object.entries(output as Record<string, unknown>)) {
      if (!RESERVED.has(key) && !FORBIDDEN_KEYS.has(key)) next[key] = value;
    }
  }
  return next;
}
