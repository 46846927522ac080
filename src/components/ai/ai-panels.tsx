'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { api } from '~/trpc/react';
import { AIDebugAssistant } from './ai-debug-assistant';
import { AIHelpPanel } from './ai-help-panel';
import { NaturalLanguageWorkflowBuilder } from './natural-language-workflow-builder';
import { OnboardingChecklist } from './onboarding-checklist';

function CreditsMeter() {
  const t = useTranslations('AI');
  // Fetched once per page: each answer updates the cache with what it cost.
  const usage = api.ai.usage.useQuery(undefined, { staleTime: Infinity, refetchOnWindowFocus: false, retry: false });
  if (!usage.data) return null;
  const { used, allowance } = usage.data;
  return (
    <div className="min-w-40 text-xs text-fg-muted" data-testid="ai-credits">
      <div className="flex justify-between gap-3">
        <span>{t('creditsLabel')}</span>
        <span>{t('credits', { used, allowance })}</span>
      </div>
      <meter
        className="mt-1 block h-2 w-full"
        min={0}
        max={allowance}
        low={allowance * 0.8}
        high={allowance * 0.95}
        optimum={0}
        value={used}
        aria-label={t('creditsLabel')}
      />
    </div>
  );
}

/** SPEC A5: the four AI helpers in a responsive grid, for the dashboard. */
export function AiPanels() {
  const t = useTranslations('AI');
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-4" data-testid="ai-panels">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={titleId} className="text-lg font-semibold">
            {t('title')}
          </h2>
          <p className="text-sm text-fg-muted">{t('lead')}</p>
        </div>
        <CreditsMeter />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <AIHelpPanel />
        <NaturalLanguageWorkflowBuilder />
        <AIDebugAssistant />
        <OnboardingChecklist />
      </div>
    </section>
  );
}
