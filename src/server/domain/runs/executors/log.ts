import { renderTemplate } from '../template';
import type { StepEnv, StepOutcome } from './types';

/** `log`: a line in the run's timeline (the step's output), placeholders filled in. */
export function runLogStep(config: { message: string; level?: string }, env: StepEnv): StepOutcome {
  const message = renderTemplate(config.message, env.ctx).slice(0, 4000);
  return { kind: 'done', input: { message: config.message, level: config.level ?? 'info' }, output: { level: config.level ?? 'info', message } };
}
