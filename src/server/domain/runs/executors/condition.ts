import { lookupPath } from '../template';
import type { StepEnv, StepOutcome } from './types';

type Operator = 'equals' | 'not_equals' | 'contains' | 'greater_than' | 'less_than' | 'exists';
export type ConditionConfig = { field: string; operator: Operator; value?: string | number | boolean; elseStepId?: string };

const asNumber = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

/** The comparison itself: a field of the run's data against a constant. No code is evaluated. */
export function evaluateCondition(actual: unknown, operator: Operator, expected: unknown): boolean {
  switch (operator) {
    case 'exists':
      return actual !== undefined && actual !== null && actual !== '';
    case 'equals':
      return actual === expected || (asNumber(actual) !== null && asNumber(actual) === asNumber(expected)) || String(actual ?? '') === String(expected ?? '');
    case 'not_equals':
      return !evaluateCondition(actual, 'equals', expected);
    case 'contains':
      if (Array.isArray(actual)) return actual.some((a) => evaluateCondition(a, 'equals', expected));
      return typeof actual === 'string' && actual.toLowerCase().includes(String(expected ?? '').toLowerCase());
    case 'greater_than': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      return a !== null && b !== null && a > b;
    }
    case 'less_than': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      return a !== null && b !== null && a < b;
    }
  }
}

/**
 * `condition`: true goes on; false jumps to `elseStepId`, or stops the run (successfully). The
 * output's `next` ('next', a step id or 'stop') is what the engine follows, now and on a resume.
 */
export function runConditionStep(config: ConditionConfig, env: Pick<StepEnv, 'ctx'>): StepOutcome {
  const field = config.field.replace(/^\{\{\s*|\s*\}\}$/g, '');
  const actual = lookupPath(env.ctx, field);
  const result = evaluateCondition(actual, config.operator, config.value);
  return {
    kind: 'done',
    input: { field, operator: config.operator, value: config.value ?? null, actual: actual === undefined ? null : actual },
    output: { result, next: result ? 'next' : (config.elseStepId ?? 'stop') },
  };
}
