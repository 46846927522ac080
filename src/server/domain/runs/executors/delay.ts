import type { StepEnv, StepOutcome } from './types';

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** `delay`: the run waits (no worker is held) and resumes at `resumeAt`. */
export function runDelayStep(config: { amount: number; unit: keyof typeof UNIT_MS }, env: StepEnv): StepOutcome {
  const resumeAt = new Date(env.now.getTime() + config.amount * UNIT_MS[config.unit]);
  return { kind: 'wait', input: config, output: { resumeAt: resumeAt.toISOString() }, resumeAt };
}
