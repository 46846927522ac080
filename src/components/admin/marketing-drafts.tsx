'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { useToast } from '~/components/ui/toast';
import { RunJobNow, type RunJobNowTexts } from './run-job-now';
import { api } from '~/trpc/react';

type Status = 'pending_approval' | 'approved' | 'rejected' | 'sent';
type Segment = 'new_signup' | 'active_trial' | 'winback';
const STATUSES: Status[] = ['pending_approval', 'approved', 'rejected', 'sent'];
const SEGMENTS: Segment[] = ['new_signup', 'active_trial', 'winback'];
const PAGE = 20;

const selectClass = 'mt-1 block h-10 rounded-lg border border-border bg-surface-raised px-3 text-sm text-fg';

/** Approve or reject drafts one by one or in bulk; sending needs a configured transport. */
export function MarketingDrafts({ runNow }: { runNow: RunJobNowTexts & { lead: string } }) {
  const t = useTranslations('Marketing');
  const tc = useTranslations('Common');
  const format = useFormatter();
  const toast = useToast();
  const utils = api.useUtils();
  const ids = { status: useId(), segment: useId() };
  const [status, setStatus] = useState<Status | ''>('pending_approval');
  const [segment, setSegment] = useState<Segment | ''>('');
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const transport = api.marketing.transport.useQuery();
  const drafts = api.marketing.drafts.useQuery({
    limit: PAGE,
    offset: page * PAGE,
    ...(status ? { status } : {}),
    ...(segment ? { segment } : {}),
  });
  const decide = api.marketing.decide.useMutation({
    onSuccess: async (r) => {
      toast.show(
        r.decision === 'approve'
          ? t('approvedToast', { count: r.updated.length, sent: r.sent.length })
          : t('rejectedToast', { count: r.updated.length }),
      );
      if (r.failed.length) toast.show(t('sendFailed', { count: r.failed.length }), 'error');
      setSelected(new Set());
      await utils.marketing.drafts.invalidate();
    },
    onError: (e) => toast.show(e.message, 'error'),
  });

  const items = drafts.data?.items ?? [];
  const pending = items.filter((d) => d.status === 'pending_approval');
  const pages = Math.max(1, Math.ceil((drafts.data?.total ?? 0) / PAGE));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>

      {transport.data?.kind === 'none' ? (
        <p role="note" data-testid="no-transport" className="rounded-lg border border-amber-400/40 bg-amber-950/40 px-4 py-3 text-sm text-amber-100">
          {t('noTransport')}
        </p>
      ) : null}

      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={ids.status} className="block text-sm font-medium">
            {t('filterStatus')}
          </label>
          <select
            id={ids.status}
            className={selectClass}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as Status | '');
              setPage(0);
              setSelected(new Set());
            }}
          >
            <option value="">{t('all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.segment} className="block text-sm font-medium">
            {t('filterSegment')}
          </label>
          <select
            id={ids.segment}
            className={selectClass}
            value={segment}
            onChange={(e) => {
              setSegment(e.target.value as Segment | '');
              setPage(0);
              setSelected(new Set());
            }}
          >
            <option value="">{t('all')}</option>
            {SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {t(`segments.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="ml-auto flex flex-wrap gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={pending.length === 0}
            onClick={() => setSelected(selected.size === pending.length ? new Set() : new Set(pending.map((d) => d.id)))}
          >
            {selected.size === pending.length && pending.length > 0 ? t('selectNone') : t('selectAll')}
          </Button>
          <Button
            size="sm"
            disabled={selected.size === 0 || decide.isPending}
            onClick={() => decide.mutate({ ids: [...selected], decision: 'approve' })}
          >
            {t('approveSelected', { count: selected.size })}
          </Button>
          <Button
            variant="danger"
            size="sm"
            disabled={selected.size === 0 || decide.isPending}
            onClick={() => decide.mutate({ ids: [...selected], decision: 'reject' })}
          >
            {t('rejectSelected', { count: selected.size })}
          </Button>
        </div>
      </div>

      {drafts.isPending ? (
        <p role="status" className="text-fg-muted">
          {tc('loading')}
        </p>
      ) : drafts.isError ? (
        <p role="alert" className="text-danger">
          {t('loadFailed')}
        </p>
      ) : items.length === 0 ? (
        <Card>
          <p className="text-sm text-fg-muted" data-testid="drafts-empty">
            {t('empty')}
          </p>
          <p className="mt-2 text-sm text-fg-muted">{runNow.lead}</p>
          <RunJobNow job="marketing-cycle" texts={runNow} />
        </Card>
      ) : (
        <ul className="space-y-3">
          {items.map((d) => (
            <li key={d.id}>
              <Card className="space-y-2" data-testid="draft" aria-label={d.subject}>
                <div className="flex flex-wrap items-start gap-3">
                  {d.status === 'pending_approval' ? (
                    <input
                      type="checkbox"
                      className="mt-1 h-4 w-4"
                      checked={selected.has(d.id)}
                      onChange={() => toggle(d.id)}
                      aria-label={t('select', { subject: d.subject })}
                    />
                  ) : null}
                  <div className="min-w-0 flex-1">
                    <p className="text-xs text-fg-muted">
                      {d.tenantName} · {t(`segments.${d.segment}`)} · {d.locale.toUpperCase()} ·{' '}
                      {format.dateTime(d.createdAt, { dateStyle: 'medium' })}
                    </p>
                    <h2 className="mt-1 font-semibold">{d.subject}</h2>
                    <details className="mt-1 text-sm text-fg-muted">
                      <summary className="cursor-pointer">{t('showBody')}</summary>
                      <p className="mt-2 whitespace-pre-wrap">{d.body}</p>
                    </details>
                  </div>
                  <span className="rounded-full bg-surface-raised px-2 py-0.5 text-xs" data-testid="draft-status">
                    {t(`status.${d.status}`)}
                  </span>
                </div>
                {d.status === 'pending_approval' ? (
                  <div className="flex gap-2">
                    <Button size="sm" disabled={decide.isPending} onClick={() => decide.mutate({ ids: [d.id], decision: 'approve' })}>
                      {t('approve')}
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={decide.isPending}
                      onClick={() => decide.mutate({ ids: [d.id], decision: 'reject' })}
                    >
                      {t('reject')}
                    </Button>
                  </div>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}

      <Pager page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
