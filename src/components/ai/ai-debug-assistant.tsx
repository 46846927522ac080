'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { api } from '~/trpc/react';
import { AI_ERROR_MAX, AiPromptForm, AiStatus, ProviderNote, useAiContext, useAiErrorText, useSpendCredits } from './ai-shared';

/** SPEC A5: paste an error, get what it means, how to fix it and how to prevent it. */
export function AIDebugAssistant() {
  const t = useTranslations('AI.debug');
  const titleId = useId();
  const context = useAiContext();
  const spend = useSpendCredits();
  const [error, setError] = useState('');
  const debug = api.ai.debug.useMutation({ onSuccess: (res) => spend(res.meta.credits) });
  const failure = useAiErrorText(debug.error);

  return (
    <Card aria-labelledby={titleId} data-testid="ai-debug-assistant">
      <CardTitle id={titleId}>{t('title')}</CardTitle>
      <CardDescription>{t('lead')}</CardDescription>
      <AiPromptForm
        name="error"
        label={t('label')}
        placeholder={t('placeholder')}
        submitLabel={t('submit')}
        value={error}
        onChange={setError}
        onSubmit={() => debug.mutate({ error, context })}
        pending={debug.isPending}
        max={AI_ERROR_MAX}
        rows={3}
      />
      <AiStatus pending={debug.isPending} error={failure} />
      <div aria-live="polite">
        {debug.data && !debug.isPending ? (
          <div className="mt-4 space-y-3 text-sm" data-testid="ai-debug-answer">
            <h3 className="text-base font-semibold">{debug.data.title}</h3>
            <p>{debug.data.explanation}</p>
            <div>
              <h4 className="font-semibold">{t('stepsTitle')}</h4>
              <ol className="mt-1 list-decimal space-y-1 pl-5 text-fg-muted">
                {debug.data.steps.map((step, i) => (
                  <li key={i}>{step}</li>
                ))}
              </ol>
            </div>
            <div>
              <h4 className="font-semibold">{t('preventionTitle')}</h4>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-fg-muted">
                {debug.data.prevention.map((tip, i) => (
                  <li key={i}>{tip}</li>
                ))}
              </ul>
            </div>
            <ProviderNote provider={debug.data.meta.provider} />
          </div>
        ) : null}
      </div>
    </Card>
  );
}
