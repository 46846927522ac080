import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { WorkflowStatusButton } from '~/components/workflows/workflow-status-button';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';
import { getServerApi } from '~/trpc/server';

export default async function WorkflowPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const api = await getServerApi();
  const workflow = await api.workflows.get({ id }).catch((e: unknown) => {
    if (e instanceof TRPCError && (e.code === 'NOT_FOUND' || e.code === 'BAD_REQUEST')) notFound();
    throw e;
  });
  const [t, tc, format] = await Promise.all([getTranslations('Workflows'), getTranslations('Common'), getFormatter()]);

  return (
    <div className="space-y-6">
      <Link href="/dashboard/workflows" className={buttonClasses('ghost', 'sm')}>
        ← {tc('back')}
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{workflow.name}</h1>
          {workflow.description ? <p className="mt-1 text-fg-muted">{workflow.description}</p> : null}
          <p className="mt-2 text-sm text-fg-muted">
            {t(`status.${workflow.status}`)} · {t('createdAt')} {format.dateTime(workflow.createdAt, { dateStyle: 'medium' })}
          </p>
        </div>
        <WorkflowStatusButton id={workflow.id} status={workflow.status} />
      </header>
      <Card>
        <CardTitle>{t('stepsTitle')}</CardTitle>
        <ol className="mt-4 space-y-3">
          {workflow.steps.map((step, i) => (
            <li key={step.id} className="flex items-start gap-3 rounded-lg border border-border bg-surface-raised p-3">
              <span className="bg-gradient-accent flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white">
                {i + 1}
              </span>
              <div>
                <p className="font-medium">{step.name}</p>
                <p className="text-xs text-fg-muted">{t(`stepTypes.${step.type}`)}</p>
              </div>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
