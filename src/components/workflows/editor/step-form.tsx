'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '~/components/ui/button';
import type { DraftIssue } from '~/server/domain/workflows/validation';
import { api } from '~/trpc/react';
import { Field, inputClass } from './fields';
import type { DraftStep, FieldKey } from './model';

type Preview = { words: string; timezone: string; next: Date[] };

const PLACEHOLDER_EXAMPLE = '{{ body.email }}';
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const HOOK_METHODS = ['POST', 'PUT', 'GET'] as const;
const OPERATORS = ['equals', 'not_equals', 'contains', 'greater_than', 'less_than', 'exists'] as const;
const UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
/** A number input's value: empty stays absent, so the check can say the field is required. */
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** Rows of a record (headers, transform fields), edited in place with their order kept. */
function RecordRows({
  value,
  onChange,
  nameLabel,
  valueLabel,
  addLabel,
  removeLabel,
  newName,
  issues,
  testId,
}: {
  value: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  nameLabel: string;
  valueLabel: string;
  addLabel: string;
  removeLabel: (name: string) => string;
  newName: (n: number) => string;
  issues: readonly DraftIssue[];
  testId: string;
}) {
  const entries = Object.entries(value);
  const replace = (index: number, name: string, text: string) =>
    onChange(Object.fromEntries(entries.map(([k, v], i) => (i === index ? [name, text] : [k, v]))));
  return (
    <div className="space-y-2" data-testid={testId}>
      {entries.map(([name, text], i) => (
        <div key={i} className="grid grid-cols-1 gap-2 rounded-lg border border-border/60 p-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
          <Field label={nameLabel}>
            {(p) => <input {...p} className={inputClass} value={name} maxLength={100} onChange={(e) => replace(i, e.target.value, text)} />}
          </Field>
          <Field label={valueLabel}>
            {(p) => <input {...p} className={inputClass} value={text} onChange={(e) => replace(i, name, e.target.value)} />}
          </Field>
          <Button variant="ghost" size="sm" aria-label={removeLabel(name)} onClick={() => onChange(Object.fromEntries(entries.filter((_, j) => j !== i)))}>
            ✕
          </Button>
        </div>
      ))}
      {issues.length ? (
        <p className="text-sm text-rose-200" data-testid="field-error">
          {issues.map((p) => p.text).join(' ')}
        </p>
      ) : null}
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          let n = entries.length + 1;
          while (Object.hasOwn(value, newName(n))) n++;
          onChange({ ...value, [newName(n)]: '' });
        }}
      >
        {addLabel}
      </Button>
    </div>
  );
}

/** "Try it": a condition or transform against sample input, by the engine's own code (nothing runs for real). */
function TryIt({ step, steps }: { step: DraftStep; steps: readonly DraftStep[] }) {
  const t = useTranslations('WorkflowEditor');
  const sampleId = useId();
  const [sample, setSample] = useState('{\n  "email": "ada@example.com",\n  "total": 42\n}');
  const [sampleError, setSampleError] = useState<string | null>(null);
  const tryStep = api.workflows.tryStep.useMutation();
  const result = tryStep.data;
  const target = result?.type === 'condition' && result.next !== 'next' && result.next !== 'stop' ? steps.find((s) => s.id === result.next) : null;
  return (
    <details className="rounded-lg border border-border/60 p-3" data-testid="try-it">
      <summary className="cursor-pointer text-sm font-medium">{t('tryTitle')}</summary>
      <label htmlFor={sampleId} className="mt-2 block text-sm">
        {t('sampleLabel')}
      </label>
      <textarea
        id={sampleId}
        rows={4}
        value={sample}
        onChange={(e) => setSample(e.target.value)}
        aria-invalid={sampleError ? true : undefined}
        className={`${inputClass} font-mono`}
      />
      {sampleError ? <p className="mt-1 text-sm text-rose-200">{sampleError}</p> : null}
      <Button
        className="mt-2"
        variant="secondary"
        size="sm"
        disabled={tryStep.isPending}
        onClick={() => {
          setSampleError(null);
          let parsed: unknown;
          try {
            parsed = JSON.parse(sample || '{}');
          } catch {
            parsed = null;
          }
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
            setSampleError(t('sampleInvalid'));
            return;
          }
          tryStep.mutate({ step: { ...step }, sample: parsed as Record<string, unknown> });
        }}
      >
        {t('tryIt')}
      </Button>
      <div role="status" className="mt-2 text-sm" data-testid="try-result">
        {tryStep.error ? <p className="text-rose-200">{tryStep.error.message}</p> : null}
        {result?.type === 'condition' ? (
          <>
            <p className="font-medium">
              {result.result ? t('tryTrue') : target ? t('tryFalseJump', { name: target.name }) : t('tryFalseStop')}
            </p>
            <p className="text-fg-muted">{t('tryActual', { value: JSON.stringify(result.actual) })}</p>
          </>
        ) : null}
        {result?.type === 'transform' ? (
          <>
            <p className="font-medium">{t('tryOutput')}</p>
            <pre className="mt-1 overflow-x-auto rounded bg-bg/60 p-2 text-xs">{JSON.stringify(result.output, null, 2)}</pre>
          </>
        ) : null}
      </div>
    </details>
  );
}

/** One small form per step type (SPEC P1), each input with its own problem beneath it. */
export function StepForm({
  step,
  index,
  steps,
  issues,
  preview,
  onChange,
}: {
  step: DraftStep;
  index: number;
  steps: readonly DraftStep[];
  issues: readonly DraftIssue[];
  preview: Preview | undefined;
  onChange: (next: DraftStep) => void;
}) {
  const t = useTranslations('WorkflowEditor');
  const tf = useTranslations('WorkflowEditor.fields');
  const tw = useTranslations('Workflows');
  const format = useFormatter();
  const c = step.config;
  const on = (field: string) => issues.filter((i) => i.field === field);
  const set = (patch: Record<string, unknown>) => onChange({ ...step, config: { ...c, ...patch } });
  const text = (field: FieldKey, opts: { multiline?: boolean; max?: number; hint?: React.ReactNode; type?: string; className?: string } = {}) => (
    <Field label={tf(field)} issues={on(field)} hint={opts.hint} className={opts.className}>
      {(p) =>
        opts.multiline ? (
          <textarea {...p} rows={3} className={inputClass} value={str(c[field])} onChange={(e) => set({ [field]: e.target.value })} />
        ) : (
          <input {...p} type={opts.type ?? 'text'} className={inputClass} value={str(c[field])} maxLength={opts.max} onChange={(e) => set({ [field]: e.target.value })} />
        )
      }
    </Field>
  );
  const select = (field: FieldKey, options: readonly string[], label: (o: string) => string, fallback?: string) => (
    <Field label={tf(field)} issues={on(field)}>
      {(p) => (
        <select {...p} className={inputClass} value={str(c[field] ?? fallback)} onChange={(e) => set({ [field]: e.target.value })}>
          {options.map((o) => (
            <option key={o} value={o}>
              {label(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const hint = t('placeholderHint', { example: PLACEHOLDER_EXAMPLE });
  const configIssues = on('config');

  return (
    <div className="space-y-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label={tf('name')} issues={on('name')}>
          {(p) => <input {...p} className={inputClass} value={step.name} maxLength={80} onChange={(e) => onChange({ ...step, name: e.target.value })} />}
        </Field>
        <Field label={tf('id')} issues={on('id')}>
          {(p) => <input {...p} className={`${inputClass} font-mono`} value={step.id} maxLength={40} onChange={(e) => onChange({ ...step, id: e.target.value })} />}
        </Field>
      </div>
      {on('type').length ? (
        <p className="text-sm text-rose-200" data-testid="field-error">
          {on('type').map((i) => i.text).join(' ')}
        </p>
      ) : null}

      {step.type === 'webhook_trigger' ? (
        <>
          {select('method', HOOK_METHODS, (o) => o, 'POST')}
          <p className="text-sm text-fg-muted">{t('webhookNote')}</p>
        </>
      ) : null}

      {step.type === 'schedule_trigger' ? (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {text('cron', { max: 100, hint: tw('scheduleHint') })}
          {text('timezone', { max: 64 })}
          {preview ? (
            <div className="sm:col-span-2 rounded-lg border border-border/60 p-3 text-sm" data-testid="schedule-preview" aria-live="polite">
              <p className="font-medium">{t('scheduleWords', { words: preview.words })}</p>
              <p className="mt-1 text-fg-muted">{t('nextRuns', { zone: preview.timezone })}</p>
              <ul className="mt-1 list-disc pl-5">
                {preview.next.map((d) => (
                  <li key={d.toISOString()}>{format.dateTime(d, { dateStyle: 'full', timeStyle: 'short', timeZone: preview.timezone })}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      {step.type === 'http_request' ? (
        <>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-[8rem_1fr]">
            {select('method', HTTP_METHODS, (o) => o, 'GET')}
            {text('url', { max: 2000, hint, type: 'url' })}
          </div>
          <fieldset>
            <legend className="text-sm font-medium">{tf('headers')}</legend>
            <RecordRows
              value={(c.headers as Record<string, string> | undefined) ?? {}}
              onChange={(headers) => set({ headers: Object.keys(headers).length ? headers : undefined })}
              nameLabel={t('headerName')}
              valueLabel={t('headerValue')}
              addLabel={t('addHeader')}
              removeLabel={(name) => t('removeHeader', { name })}
              newName={(n) => `X-Header-${n}`}
              issues={on('headers')}
              testId="headers"
            />
          </fieldset>
          {text('body', { multiline: true })}
          <Field label={tf('timeoutMs')} issues={on('timeoutMs')}>
            {(p) => <input {...p} type="number" min={100} max={30000} className={inputClass} value={str(c.timeoutMs ?? 10000)} onChange={(e) => set({ timeoutMs: num(e.target.value) })} />}
          </Field>
        </>
      ) : null}

      {step.type === 'delay' ? (
        <div className="grid grid-cols-2 gap-3">
          <Field label={tf('amount')} issues={on('amount')}>
            {(p) => <input {...p} type="number" min={1} className={inputClass} value={str(c.amount)} onChange={(e) => set({ amount: num(e.target.value) })} />}
          </Field>
          {select('unit', UNITS, (o) => t(`units.${o as (typeof UNITS)[number]}`), 'hours')}
        </div>
      ) : null}

      {step.type === 'condition' ? (
        <>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            {text('field', { max: 200 })}
            {select('operator', OPERATORS, (o) => t(`operators.${o as (typeof OPERATORS)[number]}`), 'exists')}
            {c.operator === 'exists' ? null : (
              <Field label={tf('value')} issues={on('value')}>
                {(p) => <input {...p} className={inputClass} value={str(c.value)} onChange={(e) => set({ value: e.target.value === '' ? undefined : e.target.value })} />}
              </Field>
            )}
          </div>
          <Field label={tf('elseStepId')} issues={on('elseStepId')}>
            {(p) => (
              <select {...p} className={inputClass} value={str(c.elseStepId)} onChange={(e) => set({ elseStepId: e.target.value || undefined })}>
                <option value="">{t('elseStop')}</option>
                {steps.slice(index + 1).map((s) => (
                  <option key={s.key} value={s.id}>
                    {t('stepNumber', { n: steps.indexOf(s) + 1 })}: {s.name}
                  </option>
                ))}
                {typeof c.elseStepId === 'string' && c.elseStepId && !steps.slice(index + 1).some((s) => s.id === c.elseStepId) ? (
                  <option value={c.elseStepId}>{c.elseStepId}</option>
                ) : null}
              </select>
            )}
          </Field>
          <TryIt step={step} steps={steps} />
        </>
      ) : null}

      {step.type === 'transform' ? (
        <>
          <fieldset>
            <legend className="text-sm font-medium">{tf('mapping')}</legend>
            <p className="text-xs text-fg-muted">{hint}</p>
            <RecordRows
              value={(c.mapping as Record<string, string> | undefined) ?? {}}
              onChange={(mapping) => set({ mapping })}
              nameLabel={t('fieldName')}
              valueLabel={t('fieldValue')}
              addLabel={t('addField')}
              removeLabel={(name) => t('removeField', { name })}
              newName={(n) => `field${n}`}
              issues={on('mapping')}
              testId="mapping"
            />
          </fieldset>
          <TryIt step={step} steps={steps} />
        </>
      ) : null}

      {step.type === 'email' ? (
        <>
          {text('to', { max: 320, hint })}
          {text('subject', { max: 200 })}
          {text('body', { multiline: true })}
        </>
      ) : null}

      {step.type === 'log' ? (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_10rem]">
          {text('message', { multiline: true, hint })}
          {select('level', LEVELS, (o) => t(`levels.${o as (typeof LEVELS)[number]}`), 'info')}
        </div>
      ) : null}

      {step.type === 'stop' ? <p className="text-sm text-fg-muted">{t('stopNote')}</p> : null}

      {configIssues.length ? (
        <p className="text-sm text-rose-200" data-testid="field-error">
          {configIssues.map((i) => i.text).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
