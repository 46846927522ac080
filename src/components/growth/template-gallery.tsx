'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useDeferredValue, useId, useState } from 'react';
import { Button } from '~/components/ui/button';
import { Tabs } from '~/components/ui/tabs';
import { useToast } from '~/components/ui/toast';
import { Link, useRouter } from '~/i18n/navigation';
import { rememberNewSecret } from '~/lib/new-secret';
import type { Locale } from '~/i18n/locales';
import { api, type RouterOutputs } from '~/trpc/react';
import { textInputClass } from '~/components/ui/input';

type Template = RouterOutputs['growth']['templates']['items'][number];
type Category = Template['category'];


function TemplateCard({ template }: { template: Template }) {
  const t = useTranslations('TemplateGallery');
  const tw = useTranslations('Workflows');
  const locale = useLocale() as Locale;
  const toast = useToast();
  const utils = api.useUtils();
  const router = useRouter();
  const headingId = useId();
  const [createdId, setCreatedId] = useState<string | null>(null);
  const use = api.growth.useTemplate.useMutation({
    onSuccess: async (workflow) => {
      setCreatedId(workflow.id);
      rememberNewSecret(workflow);
      toast.show(t('created', { name: workflow.name }));
      await Promise.all([utils.workflows.list.invalidate(), utils.growth.recommended.invalidate()]);
      // A template is a draft to adjust: it opens in the editor (SPEC P1).
      router.push(`/dashboard/workflows/${workflow.id}`);
    },
    onError: (e) => toast.show(e.message, 'error'),
  });

  return (
    <li
      className="flex min-w-0 flex-col rounded-card border border-border bg-surface/80 p-5 shadow-sm"
      data-testid="template-card"
      data-template-id={template.id}
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-accent-2">{t(`categories.${template.category}`)}</p>
      <h3 id={headingId} className="mt-1 text-base font-semibold text-fg">
        {template.name}
      </h3>
      <p className="mt-1 text-sm text-fg-muted">{template.description}</p>
      <details className="group mt-3 text-sm">
        <summary className="cursor-pointer select-none font-medium text-fg hover:text-accent">
          {t('stepsTitle')} · {t('stepCount', { count: template.steps.length })}
        </summary>
        <ol className="mt-2 space-y-1 border-l border-border pl-4">
          {template.steps.map((step) => (
            <li key={step.id} className="flex flex-wrap items-baseline justify-between gap-x-2">
              <span>{step.name}</span>
              <span className="text-xs text-fg-muted">{tw(`stepTypes.${step.type}`)}</span>
            </li>
          ))}
        </ol>
      </details>
      <div className="mt-auto flex flex-wrap items-center gap-3 pt-4">
        <Button
          size="sm"
          aria-describedby={headingId}
          disabled={use.isPending}
          onClick={() => use.mutate({ templateId: template.id, locale })}
        >
          {use.isPending ? t('using') : t('use')}
        </Button>
        {createdId ? (
          <Link href={`/dashboard/workflows/${createdId}`} className="text-sm font-medium text-accent underline-offset-4 hover:underline">
            {t('openWorkflow')}
          </Link>
        ) : null}
      </div>
    </li>
  );
}

function TemplateList({ items }: { items: Template[] }) {
  const t = useTranslations('TemplateGallery');
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border p-8 text-center text-fg-muted" data-testid="templates-empty">
        {t('empty')}
      </p>
    );
  }
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {items.map((template) => (
        <TemplateCard key={template.id} template={template} />
      ))}
    </ul>
  );
}

/** SPEC G1: the template catalog by category (tabs), searchable in the current language. */
export function TemplateGallery({ initialCategory }: { initialCategory?: Category }) {
  const t = useTranslations('TemplateGallery');
  const tc = useTranslations('Common');
  const locale = useLocale() as Locale;
  const searchId = useId();
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim());
  const list = api.growth.templates.useQuery({ locale, ...(q ? { q: q.slice(0, 100) } : {}) }, { placeholderData: (previous) => previous });

  return (
    <div className="space-y-4">
      <div className="max-w-md">
        <label htmlFor={searchId} className="block text-sm font-medium">
          {t('search')}
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          maxLength={100}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${searchId}-hint`}
          className={textInputClass}
        />
        <p id={`${searchId}-hint`} className="mt-1 text-xs text-fg-muted">
          {t('searchHint')}
        </p>
      </div>

      {list.isPending ? (
        <p role="status" className="text-fg-muted">
          {tc('loading')}
        </p>
      ) : list.isError ? (
        <div role="alert" className="rounded-lg border border-rose-500/40 bg-rose-950/40 p-4 text-sm">
          {t('loadFailed')}{' '}
          <Button variant="secondary" size="sm" onClick={() => list.refetch()}>
            {tc('retry')}
          </Button>
        </div>
      ) : (
        <>
          <p role="status" className="text-sm text-fg-muted" data-testid="templates-count">
            {t('results', { count: list.data.items.length })}
          </p>
          <Tabs
            label={t('categoriesLabel')}
            defaultTab={initialCategory ?? 'all'}
            items={[
              { id: 'all', label: `${t('all')} (${list.data.items.length})`, content: <TemplateList items={list.data.items} /> },
              ...list.data.categories.map((c) => ({
                id: c.id,
                label: `${c.label} (${c.count})`,
                content: <TemplateList items={list.data.items.filter((item) => item.category === c.id)} />,
              })),
            ]}
          />
        </>
      )}
    </div>
  );
}
