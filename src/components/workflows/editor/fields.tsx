'use client';

import { useId } from 'react';
import type { DraftIssue } from '~/server/domain/workflows/validation';
import { cn } from '~/lib/cn';

export const inputClass =
  'mt-1 block w-full min-w-0 rounded-lg border border-border bg-surface-raised px-3 py-2 text-base text-fg aria-[invalid=true]:border-rose-400 sm:text-sm';

/**
 * A labelled input with its problem underneath (SPEC P1: every error on the field it concerns).
 * The control gets `id`, `aria-invalid` and `aria-describedby` from here, so a screen reader
 * reads the label, then the problem, then the hint.
 */
export function Field({
  label,
  issues,
  hint,
  className,
  children,
}: {
  label: string;
  issues?: readonly DraftIssue[];
  hint?: React.ReactNode;
  className?: string;
  children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => React.ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const problems = issues ?? [];
  const describedBy = [problems.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('min-w-0', className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, ...(problems.length ? { 'aria-invalid': true as const } : {}), 'aria-describedby': describedBy })}
      {problems.length ? (
        <p id={errorId} className="mt-1 text-sm text-rose-200" data-testid="field-error">
          {problems.map((p) => p.text).join(' ')}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
