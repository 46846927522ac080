import type { Messages } from 'next-intl';
import type { StepType } from '~/server/domain/workflows/steps';

/** A field's label key in messages (WorkflowEditor.fields). */
export type FieldKey = keyof Messages['WorkflowEditor']['fields'];

/**
 * A step as the editor holds it: loosely typed config (a half-typed form is allowed; the server
 * explains what is wrong) and a client-only `key` that survives id edits and moves.
 */
export type DraftStep = { key: string; id: string; name: string; type: StepType; config: Record<string, unknown> };

export const ADDABLE_TYPES: readonly StepType[] = [
  'http_request',
  'email',
  'condition',
  'transform',
  'delay',
  'log',
  'stop',
  'webhook_trigger',
  'schedule_trigger',
];

let counter = 0;
export const newKey = () => `k${Date.now().toString(36)}${(counter++).toString(36)}`;

export function toDraft(steps: readonly { id: string; name: string; type: string; config: Record<string, unknown> }[]): DraftStep[] {
  return steps.map((s) => ({ key: newKey(), id: s.id, name: s.name, type: s.type as StepType, config: { ...s.config } }));
}

/** What the server gets: the steps without the editor's keys, and without absent settings. */
export function fromDraft(steps: readonly DraftStep[]) {
  return steps.map(({ id, name, type, config }) => ({
    id,
    name,
    type,
    config: Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)),
  }));
}

/** A fresh id for a type: `email`, then `email-2`, … (ids are what `{{ steps.<id> }}` reads). */
function freshId(type: StepType, steps: readonly DraftStep[]): string {
  const base = type.replace(/_trigger$/, '').replace(/_/g, '-');
  const taken = new Set(steps.map((s) => s.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function defaults(type: StepType, timezone: string): Record<string, unknown> {
  switch (type) {
    case 'webhook_trigger':
      return { method: 'POST' };
    case 'schedule_trigger':
      return { cron: '0 8 * * 1', timezone };
    case 'http_request':
      return { method: 'GET', url: '' };
    case 'delay':
      return { amount: 1, unit: 'hours' };
    case 'condition':
      return { field: 'body.', operator: 'exists' };
    case 'transform':
      return { mapping: { field1: '{{ body.email }}' } };
    case 'email':
      return { to: '', subject: '', body: '' };
    case 'log':
      return { message: '', level: 'info' };
    case 'stop':
      return {};
  }
}

export function newStep(type: StepType, name: string, steps: readonly DraftStep[], timezone: string): DraftStep {
  return { key: newKey(), id: freshId(type, steps), name, type, config: defaults(type, timezone) };
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
