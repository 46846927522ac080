'use client';

import { useTranslations } from 'next-intl';
import { cn } from '~/lib/cn';

export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled' | 'skipped';
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'waiting'];

const TONE: Record<string, string> = {
  queued: 'border-slate-500/40 bg-slate-800/60 text-slate-100',
  running: 'border-sky-500/40 bg-sky-950/60 text-sky-100',
  waiting: 'border-amber-500/40 bg-amber-950/60 text-amber-100',
  succeeded: 'border-emerald-500/40 bg-emerald-950/60 text-emerald-100',
  failed: 'border-rose-500/40 bg-rose-950/60 text-rose-100',
  cancelled: 'border-slate-500/40 bg-slate-900/60 text-slate-300',
  skipped: 'border-orange-500/40 bg-orange-950/60 text-orange-100',
  superseded: 'border-slate-500/40 bg-slate-900/60 text-slate-300',
};

/** A run's or a step attempt's status as a labelled pill (colour is never the only cue). */
export function StatusPill({ status }: { status: string }) {
  const t = useTranslations('Runs');
  return (
    <span data-testid="run-status" data-status={status} className={cn('inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium', TONE[status])}>
      {t(`status.${status as RunStatus}`)}
    </span>
  );
}

/** Milliseconds as "850 ms", "12.4 s" or "3 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}
