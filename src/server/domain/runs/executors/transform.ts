import { resolveValue } from '../template';
import type { StepEnv, StepOutcome } from './types';

/** `transform`: builds new fields from earlier data (`{ total: "{{ response.body.total }}" }`). */
export function runTransformStep(config: { mapping: Record<string, string> }, env: Pick<StepEnv, 'ctx'>): StepOutcome {
  const output: Record<string, unknown> = {};
  for (const [key, template] of Object.entries(config.mapping)) {
    const value = resolveValue(template, env.ctx);
    // Dotted names build nested objects: "customer.email".
    const parts = key.split('.');
    let target = output;
    for (const part of parts.slice(0, -1)) {
      const existing = target[part];
      target = (target[part] = existing && typeof existing === 'object' ? existing : {}) as Record<string, unknown>;
    }
    target[parts.at(-1)!] = value === undefined ? null : value;
  }
  return { kind: 'done', input: config.mapping, output };
}
