'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import { Button } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { Link } from '~/i18n/navigation';
import { cn } from '~/lib/cn';
import { api } from '~/trpc/react';
import { AiStatus, useAiContext, useAiErrorText } from './ai-shared';

/** SPEC A5: next steps from the workspace's real progress (free: no AI credits). */
export function OnboardingChecklist() {
  const t = useTranslations('AI.onboarding');
  const titleId = useId();
  const context = useAiContext();
  const onboarding = api.ai.onboarding.useMutation();
  const error = useAiErrorText(onboarding.error);
  const asked = useRef(false);
  const { mutate } = onboarding;

  useEffect(() => {
    // Once per mount (React's dev double effects reuse the ref).
    if (asked.current) return;
    asked.current = true;
    mutate({ context });
  }, [mutate, context]);

  const data = onboarding.data;
  const percent = data ? Math.round((data.progress.done / data.progress.total) * 100) : 0;

  return (
    <Card aria-labelledby={titleId} aria-busy={onboarding.isPending} data-testid="ai-onboarding">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle id={titleId}>{t('title')}</CardTitle>
        <Button variant="ghost" size="sm" onClick={() => mutate({ context })} disabled={onboarding.isPending}>
          {t('refresh')}
        </Button>
      </div>
      {onboarding.isPending && !data ? (
        <p role="status" className="mt-3 text-sm text-fg-muted">
          {t('loading')}
        </p>
      ) : (
        <AiStatus pending={false} error={error} />
      )}
      {data ? (
        <div className="mt-3 space-y-3 text-sm" aria-live="polite">
          <div>
            <div className="flex justify-between text-xs text-fg-muted">
              <span id={`${titleId}-progress`}>{t('progressLabel')}</span>
              <span>{t('progress', { done: data.progress.done, total: data.progress.total })}</span>
            </div>
            <div
              role="progressbar"
              aria-labelledby={`${titleId}-progress`}
              aria-valuemin={0}
              aria-valuemax={data.progress.total}
              aria-valuenow={data.progress.done}
              className="mt-1 h-2 overflow-hidden rounded-full bg-surface-raised"
            >
              <div className="bg-gradient-accent h-full rounded-full motion-safe:transition-all" style={{ width: `${percent}%` }} />
            </div>
          </div>
          <p>{data.answer}</p>
          <ul className="space-y-2" data-testid="ai-onboarding-checklist">
            {data.checklist.map((item) => (
              <li key={item.id} data-done={item.done} className="flex items-center justify-between gap-3 rounded-lg border border-border bg-surface-raised px-3 py-2">
                <span className="flex min-w-0 items-center gap-2">
                  <span
                    aria-hidden
                    className={cn(
                      'flex h-5 w-5 shrink-0 items-center justify-center rounded-full border text-xs',
                      item.done ? 'border-emerald-400 bg-emerald-950 text-ok' : 'border-border text-fg-muted',
                    )}
                  >
                    {item.done ? '✓' : ''}
                  </span>
                  <span className={cn('min-w-0', item.done && 'text-fg-muted line-through')}>{item.title}</span>
                  <span className="sr-only">{item.done ? t('done') : t('todo')}</span>
                </span>
                {item.done ? null : (
                  <Link href={item.href} className="shrink-0 text-accent underline-offset-2 hover:underline">
                    {t('open')}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
