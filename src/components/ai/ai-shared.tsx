'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { Button } from '~/components/ui/button';
import { usePathname } from '~/i18n/navigation';
import { cn } from '~/lib/cn';
import { api } from '~/trpc/react';

/** Limits the server enforces (src/server/domain/ai/config.ts AI_LIMITS), mirrored for the form fields. */
export const AI_QUERY_MAX = 2000;
export const AI_ERROR_MAX = 4000;

type ClientError = { message: string; data?: { code?: string } | null } | null | undefined;

/** The context every AI request carries: the page it was asked from and the UI's locale. */
export function useAiContext() {
  const locale = useLocale();
  const pathname = usePathname();
  return { page: pathname.slice(0, 200), locale };
}

/**
 * Keeps the credits meter right without another request: each answer says what it cost, so the
 * cached ai.usage is updated in place (ai.usage itself counts against the strict AI rate class).
 */
export function useSpendCredits() {
  const utils = api.useUtils();
  return (credits: number) =>
    utils.ai.usage.setData(undefined, (old) => (old ? { ...old, used: Math.min(old.allowance, old.used + credits) } : old));
}

/** A friendly, translated message for a failed AI request (never the raw server text). */
export function useAiErrorText(error: ClientError): string | null {
  const t = useTranslations('AI.errors');
  const usage = api.ai.usage.useQuery(undefined, { enabled: false });
  if (!error) return null;
  const code = error.data?.code;
  if (code === 'TOO_MANY_REQUESTS') {
    const exhausted = /credit/i.test(error.message) || (usage.data ? usage.data.used >= usage.data.allowance : false);
    return exhausted ? t('credits') : t('rateLimited');
  }
  if (code === 'UNAUTHORIZED') return t('signedOut');
  if (code === 'BAD_REQUEST' || code === 'UNPROCESSABLE_CONTENT' || code === 'PAYLOAD_TOO_LARGE') return t('invalid');
  return t('failed');
}

/** A labelled text area with a character count; Ctrl/Cmd+Enter submits. */
export function AiPromptForm({
  label,
  placeholder,
  submitLabel,
  value,
  onChange,
  onSubmit,
  pending,
  max,
  rows = 3,
  name,
}: {
  label: string;
  placeholder: string;
  submitLabel: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  pending: boolean;
  max: number;
  rows?: number;
  name: string;
}) {
  const t = useTranslations('AI');
  const id = useId();
  const hintId = `${id}-hint`;
  const canSubmit = value.trim().length > 0 && value.length <= max && !pending;
  return (
    <form
      className="mt-4 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSubmit) onSubmit();
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        maxLength={max}
        placeholder={placeholder}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            if (canSubmit) onSubmit();
          }
        }}
        className="block w-full resize-y rounded-lg border border-border bg-surface-raised px-3 py-2 text-base text-fg placeholder:text-fg-muted"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={hintId} className="text-xs text-fg-muted">
          {t('shortcut')} · {t('charCount', { count: value.length, max })}
        </p>
        <Button type="submit" size="sm" disabled={!canSubmit} aria-busy={pending}>
          {pending ? t('thinking') : submitLabel}
        </Button>
      </div>
    </form>
  );
}

export function AiStatus({ pending, error }: { pending: boolean; error: string | null }) {
  const t = useTranslations('AI');
  if (pending) {
    return (
      <p role="status" className="mt-3 flex items-center gap-2 text-sm text-fg-muted">
        <span aria-hidden className="inline-block h-2 w-2 rounded-full bg-accent motion-safe:animate-pulse" />
        {t('thinking')}
      </p>
    );
  }
  if (error) {
    return (
      <p role="alert" className="mt-3 rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100">
        {error}
      </p>
    );
  }
  return null;
}

export function ProviderNote({ provider, className }: { provider: 'openai' | 'local'; className?: string }) {
  const t = useTranslations('AI');
  return <p className={cn('mt-3 text-xs text-fg-muted', className)}>{provider === 'openai' ? t('providerOpenai') : t('providerLocal')}</p>;
}
