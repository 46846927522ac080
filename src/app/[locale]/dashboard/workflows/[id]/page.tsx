import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { RunList } from '~/components/runs/run-list';
import { WorkflowRunPanel } from '~/components/workflows/workflow-run-panel';
import { WorkflowStatusButton } from '~/components/workflows/workflow-status-button';
import { WorkflowEditor } from '~/components/workflows/editor/workflow-editor';
import { env } from '~/env';
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
  const [t, tc, tr, format, stats] = await Promise.all([
    getTranslations('Workflows'),
    getTranslations('Common'),
    getTranslations('Runs'),
    getFormatter(),
    api.runs.analytics({ workflowId: id, days: 14 }),
  ]);
  const hookUrl = `${env.APP_URL.replace(/\/$/, '')}/api/hooks/${workflow.id}`;

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
      <WorkflowRunPanel
        workflowId={workflow.id}
        hookUrl={hookUrl}
        isWebhook={workflow.steps[0]?.type === 'webhook_trigger'}
        secretHint={workflow.webhook.hint}
      />
      <Card>
        <CardTitle>{tr('analyticsTitle', { days: stats.days })}</CardTitle>
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="run-analytics">
          <div>
            <dt className="text-fg-muted">{tr('analytics.runs')}</dt>
            <dd className="text-lg font-semibold">{format.number(stats.total)}</dd>
          </div>
          <div>
            <dt className="text-fg-muted">{tr('analytics.successRate')}</dt>
            <dd className="text-lg font-semibold">{stats.successRate === null ? '—' : format.number(stats.successRate, { style: 'percent' })}</dd>
          </div>
          <div>
            <dt className="text-fg-muted">{tr('analytics.p50')}</dt>
            <dd className="text-lg font-semibold">{stats.p50Ms === null ? '—' : `${format.number(stats.p50Ms)} ms`}</dd>
          </div>
          <div>
            <dt className="text-fg-muted">{tr('analytics.p95')}</dt>
            <dd className="text-lg font-semibold">{stats.p95Ms === null ? '—' : `${format.number(stats.p95Ms)} ms`}</dd>
          </div>
        </dl>
        {stats.perDay.length ? (
          <ul className="mt-3 flex flex-wrap gap-2 text-xs text-fg-muted" aria-label={tr('analytics.perDay')}>
            {stats.perDay.map((d) => (
              <li key={d.day} className="rounded border border-border px-2 py-1">
                {d.day}: {tr('analytics.dayRuns', { runs: d.runs, failed: d.failed })}
              </li>
            ))}
          </ul>
        ) : null}
        {stats.topFailingSteps.length ? (
          <p className="mt-3 text-sm">
            {tr('analytics.topFailing')}{' '}
            {stats.topFailingSteps
              .map((f) => `${workflow.steps.find((s) => s.id === f.stepId)?.name ?? f.stepId} (${f.failures})`)
              .join(', ')}
          </p>
        ) : null}
      </Card>
      <WorkflowEditor
        key={workflow.currentVersion}
        initial={{ id: workflow.id, name: workflow.name, currentVersion: workflow.currentVersion, steps: workflow.steps }}
      />
      <Card>
        <CardTitle>{tr('historyTitle')}</CardTitle>
        <div className="mt-3">
          <RunList workflowId={workflow.id} showWorkflow={false} />
        </div>
      </Card>
    </div>
  );
}
