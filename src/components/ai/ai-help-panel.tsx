'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { Link } from '~/i18n/navigation';
import { api } from '~/trpc/react';
import { AI_QUERY_MAX, AiPromptForm, AiStatus, ProviderNote, useAiContext, useAiErrorText, useSpendCredits } from './ai-shared';

/** SPEC A5: help chat, answered from Levqor's help articles with the source linked. */
export function AIHelpPanel() {
  const t = useTranslations('AI.help');
  const titleId = useId();
  const context = useAiContext();
  const spend = useSpendCredits();
  const [query, setQuery] = useState('');
  const chat = api.ai.chat.useMutation({ onSuccess: (res) => spend(res.meta.credits) });
  const error = useAiErrorText(chat.error);

  return (
    <Card aria-labelledby={titleId} data-testid="ai-help-panel">
      <CardTitle id={titleId}>{t('title')}</CardTitle>
      <CardDescription>{t('lead')}</CardDescription>
      <AiPromptForm
        name="query"
        label={t('label')}
        placeholder={t('placeholder')}
        submitLabel={t('submit')}
        value={query}
        onChange={setQuery}
        onSubmit={() => chat.mutate({ query, context })}
        pending={chat.isPending}
        max={AI_QUERY_MAX}
        rows={2}
      />
      <AiStatus pending={chat.isPending} error={error} />
      <div aria-live="polite">
        {chat.data && !chat.isPending ? (
          <div className="mt-4 space-y-3 text-sm" data-testid="ai-help-answer">
            <p className="whitespace-pre-line">{chat.data.answer}</p>
            {chat.data.steps.length ? (
              <div>
                <h3 className="font-semibold">{t('stepsTitle')}</h3>
                <ol className="mt-1 list-decimal space-y-1 pl-5 text-fg-muted">
                  {chat.data.steps.map((step, i) => (
                    <li key={i}>{step}</li>
                  ))}
                </ol>
              </div>
            ) : null}
            {chat.data.sources.length ? (
              <div>
                <h3 className="font-semibold">{t('sourcesTitle')}</h3>
                <ul className="mt-1 space-y-1">
                  {chat.data.sources.map((source) => (
                    <li key={source.id}>
                      <Link href={source.href} className="text-accent underline-offset-2 hover:underline">
                        {source.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <ProviderNote provider={chat.data.meta.provider} />
          </div>
        ) : null}
      </div>
    </Card>
  );
}
