'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button, buttonClasses } from '~/components/ui/button';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { useToast } from '~/components/ui/toast';
import { Link, useRouter } from '~/i18n/navigation';
import { rememberNewSecret } from '~/lib/new-secret';
import { api } from '~/trpc/react';
import { AI_QUERY_MAX, AiPromptForm, AiStatus, ProviderNote, useAiContext, useAiErrorText, useSpendCredits } from './ai-shared';

/**
 * SPEC A3/A5: describe an automation, preview the steps (valid against the workflow step
 * schema) and the assumptions made, then save it through `workflows.create` as a draft.
 */
export function NaturalLanguageWorkflowBuilder() {
  const t = useTranslations('AI.builder');
  const tw = useTranslations('Workflows');
  const titleId = useId();
  const nameId = useId();
  const toast = useToast();
  const utils = api.useUtils();
  const router = useRouter();
  const context = useAiContext();
  const spend = useSpendCredits();
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [savedId, setSavedId] = useState<string | null>(null);
  const build = api.ai.workflow.useMutation({
    onSuccess: (res) => {
      spend(res.meta.credits);
      setName(res.name);
      setSavedId(null);
    },
  });
  const save = api.workflows.create.useMutation({
    onSuccess: async (workflow) => {
      setSavedId(workflow.id);
      rememberNewSecret(workflow);
      toast.show(t('saved'));
      await utils.workflows.list.invalidate();
      // The proposal is a draft to adjust (e.g. its example URL): it opens in the editor (SPEC P1).
      router.push(`/dashboard/workflows/${workflow.id}`);
    },
  });
  const error = useAiErrorText(build.error);
  const preview = build.isPending ? null : build.data;

  return (
    <Card aria-labelledby={titleId} data-testid="ai-workflow-builder" id="ai-workflow-builder">
      <CardTitle id={titleId}>{t('title')}</CardTitle>
      <CardDescription>{t('lead')}</CardDescription>
      <AiPromptForm
        name="description"
        label={t('label')}
        placeholder={t('placeholder')}
        submitLabel={t('submit')}
        value={query}
        onChange={setQuery}
        onSubmit={() => build.mutate({ query, context })}
        pending={build.isPending}
        max={AI_QUERY_MAX}
        rows={3}
      />
      <AiStatus pending={build.isPending} error={error} />
      <div aria-live="polite">
        {preview ? (
          <div className="mt-4 space-y-4 text-sm" data-testid="ai-workflow-preview">
            <p>{preview.answer}</p>
            <div>
              <h3 className="font-semibold">
                {t('previewTitle')} <span className="font-normal text-fg-muted">· {t('stepCount', { count: preview.steps.length })}</span>
              </h3>
              <ol className="mt-2 space-y-2">
                {preview.steps.map((step, i) => (
                  <li key={step.id} className="flex items-start gap-3 rounded-lg border border-border bg-surface-raised p-2" data-testid="ai-workflow-step">
                    <span className="bg-gradient-accent flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white">
                      {i + 1}
                    </span>
                    <span className="min-w-0">
                      <span className="block break-words font-medium">{step.name}</span>
                      <span className="block text-xs text-fg-muted">{tw(`stepTypes.${step.type}`)}</span>
                    </span>
                  </li>
                ))}
              </ol>
            </div>
            {preview.assumptions.length ? (
              <div>
                <h3 className="font-semibold">{t('assumptionsTitle')}</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-fg-muted">
                  {preview.assumptions.map((a, i) => (
                    <li key={i} className="break-words">
                      {a}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <form
              className="space-y-2"
              onSubmit={(e) => {
                e.preventDefault();
                if (!name.trim() || save.isPending) return;
                save.mutate({ name: name.trim(), description: query.trim().slice(0, 2000), steps: preview.steps });
              }}
            >
              <label htmlFor={nameId} className="block text-sm font-medium">
                {t('nameLabel')}
              </label>
              <input
                id={nameId}
                value={name}
                maxLength={120}
                required
                onChange={(e) => setName(e.target.value)}
                className="block h-10 w-full rounded-lg border border-border bg-surface-raised px-3 text-base text-fg"
              />
              {save.error ? (
                <p role="alert" className="rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-rose-100">
                  {t('saveFailed', { message: save.error.message })}
                </p>
              ) : null}
              <div className="flex flex-wrap items-center gap-3">
                <Button type="submit" size="sm" disabled={save.isPending || !name.trim() || savedId !== null}>
                  {save.isPending ? t('saving') : t('save')}
                </Button>
                {savedId ? (
                  <Link href={`/dashboard/workflows/${savedId}`} className={buttonClasses('secondary', 'sm')} data-testid="ai-open-workflows">
                    {t('openWorkflows')}
                  </Link>
                ) : null}
              </div>
            </form>
            <ProviderNote provider={preview.meta.provider} />
          </div>
        ) : null}
      </div>
    </Card>
  );
}
