'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Pager } from '~/components/ui/pager';
import { Table, Td, Th, THead } from '~/components/ui/table';
import { Link } from '~/i18n/navigation';
import { api } from '~/trpc/react';
import { ACTIVE_RUN_STATUSES, formatDuration, StatusPill, type RunStatus } from './run-status';

const PAGE = 20;
const STATUSES: RunStatus[] = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled', 'skipped'];

/** Run history (SPEC P2): per workflow or for the whole workspace, filterable by status, live. */
export function RunList({ workflowId, showWorkflow = true }: { workflowId?: string; showWorkflow?: boolean }) {
  const t = useTranslations('Runs');
  const format = useFormatter();
  const filterId = useId();
  const [status, setStatus] = useState<RunStatus | ''>('');
  const [page, setPage] = useState(0);
  const offset = page * PAGE;
  const query = api.runs.list.useQuery(
    { workflowId, status: status || undefined, limit: PAGE, offset },
    { refetchInterval: (q) => (q.state.data?.items.some((r) => ACTIVE_RUN_STATUSES.includes(r.status)) ? 2000 : 10_000) },
  );
  const items = query.data?.items ?? [];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={filterId} className="text-sm text-fg-muted">
          {t('filter')}
        </label>
        <select
          id={filterId}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as RunStatus | '');
            setPage(0);
          }}
          className="h-9 rounded-lg border border-border bg-surface-raised px-2 text-sm text-fg"
        >
          <option value="">{t('allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {query.isError ? <p role="alert" className="text-sm text-rose-200">{t('loadFailed')}</p> : null}
      {query.isSuccess && items.length === 0 ? <p className="text-sm text-fg-muted">{t('empty')}</p> : null}
      {items.length > 0 ? (
        <>
          {/* Phones: one card per run; wider screens: a table. */}
          <ul className="space-y-2 sm:hidden" data-testid="run-cards">
            {items.map((r) => (
              <li key={r.id} className="rounded-lg border border-border bg-surface-raised p-3">
                <div className="flex items-center justify-between gap-2">
                  <StatusPill status={r.status} />
                  <Link href={`/dashboard/runs/${r.id}`} className="text-sm font-medium text-accent underline-offset-4 hover:underline">
                    {t('open')}
                  </Link>
                </div>
                {showWorkflow ? <p className="mt-2 truncate text-sm">{r.workflowName}</p> : null}
                <p className="mt-1 text-xs text-fg-muted">
                  {t(`trigger.${r.trigger}`)} · {format.dateTime(r.queuedAt, { dateStyle: 'short', timeStyle: 'short' })} · {formatDuration(r.durationMs)}
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
            <Table caption={t('caption')}>
              <THead>
                <tr>
                  <Th>{t('columns.status')}</Th>
                  {showWorkflow ? <Th>{t('columns.workflow')}</Th> : null}
                  <Th>{t('columns.trigger')}</Th>
                  <Th>{t('columns.started')}</Th>
                  <Th>{t('columns.duration')}</Th>
                  <Th>
                    <span className="sr-only">{t('open')}</span>
                  </Th>
                </tr>
              </THead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id} data-testid="run-row">
                    <Td>
                      <StatusPill status={r.status} />
                    </Td>
                    {showWorkflow ? <Td className="max-w-56 truncate">{r.workflowName}</Td> : null}
                    <Td>{t(`trigger.${r.trigger}`)}</Td>
                    <Td>{format.dateTime(r.queuedAt, { dateStyle: 'short', timeStyle: 'medium' })}</Td>
                    <Td>{formatDuration(r.durationMs)}</Td>
                    <Td>
                      <Link href={`/dashboard/runs/${r.id}`} className="text-sm font-medium text-accent underline-offset-4 hover:underline">
                        {t('open')}
                      </Link>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <Pager page={page} pages={Math.ceil((query.data?.total ?? 0) / PAGE)} onPage={setPage} />
        </>
      ) : null}
    </div>
  );
}
