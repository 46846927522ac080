'use client';

import { useTranslations } from 'next-intl';
import { cn } from '~/lib/cn';

const TONE = {
  open: 'border-amber-400/40 bg-amber-950/40 text-amber-100',
  answered: 'border-emerald-400/40 bg-emerald-950/40 text-emerald-100',
  closed: 'border-border bg-surface-raised text-fg-muted',
} as const;

/** A ticket's status as a small labelled pill (the colour repeats the text, never replaces it). */
export function TicketStatus({ status }: { status: keyof typeof TONE }) {
  const t = useTranslations('Support');
  return (
    <span data-testid="ticket-status" data-status={status} className={cn('inline-block rounded-full border px-2 py-0.5 text-xs font-medium', TONE[status])}>
      {t(`status.${status}`)}
    </span>
  );
}
