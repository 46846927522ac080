import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue/i18n';
import { z } from 'zod';
import type { Locale } from '~/i18n/locales';
import { resolveLocale } from '~/server/domain/marketing/content';
import { runConditionStep } from '~/server/domain/runs/executors/condition';
import { runTransformStep } from '~/server/domain/runs/executors/transform';
import { initialContext } from '~/server/domain/runs/template';
import type { AddressPolicy } from '~/server/domain/runs/ssrf';
import { AppError } from '~/server/errors';
import { conditionStep, cronPartOutOfRange, cronSchema, draftStepsSchema, isKnownTimeZone, transformStep } from './steps';
import { explainStepIssues, validateSteps, type DraftIssue } from './validation';

/**
 * What the editor shows while a user types (SPEC P1): every problem of the draft on its field,
 * each schedule in words with its next three times in its time zone, and "try it" for a
 * condition or transform against sample input — computed by the same code that saves and runs.
 */

export const validateDraftInputSchema = z.strictObject({ steps: draftStepsSchema });

/** cronstrue's names for our locales (Hindi is not among its languages: English then). */
const CRONSTRUE_LOCALE: Record<Locale, string> = { en: 'en', es: 'es', fr: 'fr', de: 'de', pt: 'pt_BR', it: 'it', nl: 'nl', hi: 'en', ja: 'ja' };

export type SchedulePreview = { stepId: string; words: string; timezone: string; next: Date[] };

/** A five-part schedule in words and its next `count` times, or null when it cannot be read. */
export function describeSchedule(cron: string, timezone: string, locale: Locale, now: Date, count = 3): { words: string; next: Date[] } | null {
  if (!cronSchema.safeParse(cron).success || cronPartOutOfRange(cron) || !isKnownTimeZone(timezone)) return null;
  try {
    const words = cronstrue.toString(cron.trim(), { locale: CRONSTRUE_LOCALE[locale], use24HourTimeFormat: locale !== 'en', verbose: false });
    const expression = CronExpressionParser.parse(cron.trim(), { tz: timezone, currentDate: now });
    return { words, next: expression.take(count).map((d) => d.toDate()) };
  } catch {
    return null;
  }
}

export function validateDraft(
  deps: { now?: () => Date; policy?: AddressPolicy },
  user: { locale?: string | null },
  input: z.infer<typeof validateDraftInputSchema>,
): { issues: DraftIssue[]; schedules: SchedulePreview[] } {
  const locale = resolveLocale(user.locale);
  const { issues } = validateSteps(input.steps, { policy: deps.policy, locale });
  const now = deps.now?.() ?? new Date();
  const schedules: SchedulePreview[] = [];
  for (const step of input.steps) {
    if (step.type !== 'schedule_trigger' || typeof step.config !== 'object' || step.config === null) continue;
    const config = step.config as { cron?: unknown; timezone?: unknown };
    const timezone = typeof config.timezone === 'string' && config.timezone.trim() ? config.timezone.trim() : 'UTC';
    const described = typeof config.cron === 'string' ? describeSchedule(config.cron, timezone, locale, now) : null;
    if (described) schedules.push({ stepId: String(step.id ?? ''), timezone, ...described });
  }
  return { issues, schedules };
}

const sampleSchema = z.record(z.string(), z.unknown()).refine((v) => JSON.stringify(v).length <= 64 * 1024, 'The sample can be at most 64 KB');
export const tryStepInputSchema = z.strictObject({ step: z.record(z.string(), z.unknown()), sample: sampleSchema });
export type TryStepResult =
  | { type: 'condition'; result: boolean; next: string; actual: unknown }
  | { type: 'transform'; output: Record<string, unknown> };

/**
 * "Try it": a condition or transform run against sample input (as the trigger's body), by the
 * engine's own executors. Only data lookups happen: nothing is called, sent or stored.
 */
export function tryStep(user: { locale?: string | null }, input: z.infer<typeof tryStepInputSchema>): TryStepResult {
  const locale = resolveLocale(user.locale);
  const env = { ctx: initialContext({ body: input.sample }) };
  const refuse = (issues: z.core.$ZodIssue[]) => {
    const explained = explainStepIssues(issues.map((i) => ({ ...i, path: [0, ...i.path] })), [input.step], locale);
    throw new AppError('BAD_REQUEST', explained[0]?.text ?? 'This step cannot be tried.', { details: { issues: explained } });
  };
  if (input.step.type === 'condition') {
    const parsed = conditionStep.safeParse(input.step);
    if (!parsed.success) return refuse(parsed.error.issues);
    if (parsed.data.config.operator !== 'exists' && parsed.data.config.value === undefined) {
      return refuse([{ code: 'custom', path: ['config', 'value'], params: { key: 'valueNeeded' }, message: 'This operator needs a value', input: undefined }]);
    }
    const outcome = runConditionStep(parsed.data.config, env);
    const out = outcome.kind === 'done' ? (outcome.output as { result: boolean; next: string }) : { result: false, next: 'stop' };
    const actual = outcome.kind === 'done' ? (outcome.input as { actual: unknown }).actual : null;
    return { type: 'condition', result: out.result, next: out.next, actual };
  }
  if (input.step.type === 'transform') {
    const parsed = transformStep.safeParse(input.step);
    if (!parsed.success) return refuse(parsed.error.issues);
    const outcome = runTransformStep(parsed.data.config, env);
    return { type: 'transform', output: outcome.kind === 'done' ? (outcome.output as Record<string, unknown>) : {} };
  }
  throw new AppError('BAD_REQUEST', 'Only a condition or a transform can be tried.');
}
