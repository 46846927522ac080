'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button, buttonClasses } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { useToast } from '~/components/ui/toast';
import { Link, useRouter } from '~/i18n/navigation';
import { api, type RouterOutputs } from '~/trpc/react';
import { ACTIVE_RUN_STATUSES, formatDuration, StatusPill } from './run-status';

type Run = RouterOutputs['runs']['get'];
type Attempt = Run['attempts'][number];

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-fg-muted">—</span>;
  return (
    <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-bg/60 p-2 text-xs">{JSON.stringify(value, null, 2)}</pre>
  );
}

function AttemptRow({ attempt, stepName }: { attempt: Attempt; stepName: string }) {
  const t = useTranslations('Runs');
  return (
    <li className="rounded-lg border border-border bg-surface-raised p-3" data-testid="step-attempt" data-step={attempt.stepId} data-status={attempt.status}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          {stepName} <span className="text-xs text-fg-muted">· {t('attempt', { n: attempt.attempt })}</span>
        </p>
        <div className="flex items-center gap-2 text-xs text-fg-muted">
          <span>{formatDuration(attempt.durationMs)}</span>
          <StatusPill status={attempt.status} />
        </div>
      </div>
      {attempt.error ? (
        <p className="mt-2 rounded-md border border-rose-500/40 bg-rose-950/50 px-2 py-1 text-sm text-rose-100" data-testid="step-error">
          {attempt.error}
        </p>
      ) : null}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-fg-muted">{t('inputOutput')}</summary>
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          <div>
            <p className="text-xs uppercase tracking-wide text-fg-muted">{t('input')}</p>
            <Json value={attempt.input} />
          </div>
          <div>
            <p className="text-xs uppercase tracking-wide text-fg-muted">{t('output')}</p>
            <Json value={attempt.output} />
          </div>
        </div>
        <p className="mt-2 break-all text-xs text-fg-muted">
          {t('idempotencyKey')}: <code>{attempt.idempotencyKey}</code>
        </p>
      </details>
    </li>
  );
}

/** One run's timeline (SPEC P2), live while it runs, with its controls. */
export function RunDetail({ id }: { id: string }) {
  const t = useTranslations('Runs');
  const format = useFormatter();
  const toast = useToast();
  const router = useRouter();
  const utils = api.useUtils();
  const query = api.runs.get.useQuery(
    { id },
    { refetchInterval: (q) => (q.state.data && ACTIVE_RUN_STATUSES.includes(q.state.data.status) ? 1000 : false) },
  );
  const refresh = () => utils.runs.get.invalidate({ id });
  const onError = (e: { message: string }) => toast.show(e.message, 'error');
  const cancel = api.runs.cancel.useMutation({ onSuccess: () => (toast.show(t('cancelled')), refresh()), onError });
  const decide = api.runs.decide.useMutation({ onSuccess: () => (toast.show(t('decided')), refresh()), onError });
  const rerun = api.runs.rerun.useMutation({
    onSuccess: (r) => {
      toast.show(t('rerunStarted'));
      if (r.runId === id) void refresh();
      else router.push(`/dashboard/runs/${r.runId}`);
    },
    onError,
  });
  const explain = api.ai.debug.useMutation({ onError });
  const [explained, setExplained] = useState(false);

  if (query.isError) return <p role="alert" className="text-sm text-rose-200">{t('loadFailed')}</p>;
  if (!query.data) return <p className="text-sm text-fg-muted">{t('loading')}</p>;
  const run = query.data;
  const names = new Map(run.steps.map((s) => [s.id, s.name]));
  const active = ACTIVE_RUN_STATUSES.includes(run.status);
  const failedStep = run.errorStepId ? (names.get(run.errorStepId) ?? run.errorStepId) : null;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{run.workflowName}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-fg-muted">
            <StatusPill status={run.status} />
            <span>{t('version', { n: run.version })}</span>
            <span>· {t(`trigger.${run.trigger}`)}</span>
            <span>· {format.dateTime(run.queuedAt, { dateStyle: 'medium', timeStyle: 'medium' })}</span>
            <span>· {formatDuration(run.durationMs)}</span>
          </p>
          {active ? <p className="mt-1 text-xs text-fg-muted" aria-live="polite">{t('live')}</p> : null}
          <RunUsage id={id} />
        </div>
        <div className="flex flex-wrap gap-2">
          {active ? (
            <Button variant="secondary" size="sm" disabled={cancel.isPending} onClick={() => cancel.mutate({ id })}>
              {t('cancel')}
            </Button>
          ) : null}
          {run.status === 'failed' ? (
            <Button size="sm" disabled={rerun.isPending} onClick={() => rerun.mutate({ id, from: 'failed_step' })}>
              {t('retryFailedStep')}
            </Button>
          ) : null}
          {!active ? (
            <Button variant="secondary" size="sm" disabled={rerun.isPending} onClick={() => rerun.mutate({ id, from: 'start' })}>
              {t('rerunLatest')}
            </Button>
          ) : null}
        </div>
      </header>

      {run.approvalState !== 'not_required' ? (
        <Card>
          <CardTitle>{t('approvalTitle', { cls: run.approvalClass })}</CardTitle>
          <p className="mt-2 text-sm text-fg-muted">
            {t(`approvalState.${run.approvalState}`)} · {t('approvalsNeeded', { n: run.approvalsNeeded })}
          </p>
          {run.approvals.length ? (
            <ul className="mt-2 space-y-1 text-sm">
              {run.approvals.map((a, i) => (
                <li key={i}>
                  {a.approverName}: {t(`decision.${a.decision}`)} · {format.dateTime(a.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
                </li>
              ))}
            </ul>
          ) : null}
          {run.canApprove ? (
            <div className="mt-3 flex gap-2">
              <Button size="sm" disabled={decide.isPending} onClick={() => decide.mutate({ id, decision: 'approve' })}>
                {t('approve')}
              </Button>
              <Button variant="secondary" size="sm" disabled={decide.isPending} onClick={() => decide.mutate({ id, decision: 'reject' })}>
                {t('reject')}
              </Button>
            </div>
          ) : null}
        </Card>
      ) : null}

      {run.status === 'skipped' ? <SkippedRun error={run.error} /> : null}

      {run.status === 'failed' && run.error ? (
        <Card className="border-rose-500/40">
          <CardTitle>{t('failedAt', { step: failedStep ?? '—' })}</CardTitle>
          <p className="mt-2 text-sm" data-testid="run-error">{run.error}</p>
          <Button
            className="mt-3"
            variant="secondary"
            size="sm"
            disabled={explain.isPending}
            onClick={() => {
              setExplained(true);
              explain.mutate({ error: run.error ?? '', context: { page: '/dashboard/runs' } });
            }}
          >
            {t('explain')}
          </Button>
          {explained && explain.data ? (
            <div className="mt-3 space-y-2 text-sm" data-testid="run-explanation">
              <p className="font-medium">{explain.data.title}</p>
              <p>{explain.data.explanation}</p>
              <ol className="list-decimal space-y-1 pl-5">
                {explain.data.steps.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            </div>
          ) : null}
        </Card>
      ) : null}

      <Card>
        <CardTitle>{t('timeline')}</CardTitle>
        {run.attempts.length === 0 ? <p className="mt-3 text-sm text-fg-muted">{t('noSteps')}</p> : null}
        <ol className="mt-3 space-y-2">
          {run.attempts.map((a) => (
            <AttemptRow key={a.id} attempt={a} stepName={names.get(a.stepId) ?? a.stepId} />
          ))}
        </ol>
      </Card>

      <Card>
        <CardTitle>{t('triggerInput')}</CardTitle>
        <div className="mt-3">
          <Json value={run.triggerPayload} />
        </div>
      </Card>
    </div>
  );
}

/** What the run counted against the workspace's monthly limits (SPEC P3). */
function RunUsage({ id }: { id: string }) {
  const t = useTranslations('Usage');
  const usage = api.usage.run.useQuery({ id });
  if (!usage.data) return null;
  return (
    <p className="mt-1 text-xs text-fg-muted" data-testid="run-usage">
      {usage.data.length
        ? t('runConsumed', { items: usage.data.map((u) => t('quantity', { count: u.quantity, meter: t(`meters.${u.meter}`) })).join(', ') })
        : t('runNothing')}
    </p>
  );
}

/** A scheduled fire recorded as skipped: the workspace was at its monthly run limit. */
function SkippedRun({ error }: { error: string | null }) {
  const t = useTranslations('Usage');
  return (
    <Card className="border-orange-500/40" data-testid="run-skipped">
      <CardTitle>{t('skippedTitle')}</CardTitle>
      {error ? <p className="mt-2 text-sm">{error}</p> : null}
      <Link href="/dashboard/billing" className={buttonClasses('secondary', 'sm', 'mt-3')}>
        {t('upgrade')}
      </Link>
    </Card>
  );
}
