'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '~/components/ui/button';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { Dialog } from '~/components/ui/dialog';
import { useToast } from '~/components/ui/toast';
import { useRouter } from '~/i18n/navigation';
import { api, type RouterOutputs } from '~/trpc/react';
import { inputClass } from './fields';
import type { FieldKey } from './model';

type Change = RouterOutputs['workflows']['diff']['changes'][number];

function ChangeLine({ change }: { change: Change }) {
  const t = useTranslations('WorkflowEditor.versions');
  const tf = useTranslations('WorkflowEditor.fields');
  switch (change.kind) {
    case 'renamed':
      return <>{t('renamed', { from: change.from, to: change.to })}</>;
    case 'added':
      return <>{t('added', { name: change.name, position: change.position })}</>;
    case 'removed':
      return <>{t('removed', { name: change.name, position: change.position })}</>;
    case 'moved':
      return <>{t('movedStep', { name: change.name, from: change.from, to: change.to })}</>;
    case 'changed': {
      const field = tf.has(change.field as FieldKey) ? tf(change.field as FieldKey) : change.field;
      return (
        <>
          {t('changed', { name: change.name, field })}
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs">
            <dt className="text-fg-muted">{t('before')}</dt>
            <dd className="break-all font-mono text-rose-200">{change.before ?? t('empty')}</dd>
            <dt className="text-fg-muted">{t('after')}</dt>
            <dd className="break-all font-mono text-emerald-200">{change.after ?? t('empty')}</dd>
          </dl>
        </>
      );
    }
  }
}

/** History of a workflow's versions (SPEC P1): who and when, a readable diff, restore as new. */
export function VersionsPanel({ workflowId, currentVersion, dirtyHint }: { workflowId: string; currentVersion: number; dirtyHint?: boolean }) {
  const t = useTranslations('WorkflowEditor.versions');
  const tc = useTranslations('Common');
  const format = useFormatter();
  const toast = useToast();
  const router = useRouter();
  const utils = api.useUtils();
  const fromId = useId();
  const toId = useId();
  const versions = api.workflows.versions.useQuery({ id: workflowId });
  const [from, setFrom] = useState(Math.max(1, currentVersion - 1));
  const [to, setTo] = useState(currentVersion);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const diff = api.workflows.diff.useQuery({ id: workflowId, ...(compare ?? { from: 1, to: 1 }) }, { enabled: compare !== null });
  const restore = api.workflows.restore.useMutation({
    onSuccess: async (w) => {
      toast.show(t('restored', { version: restoring ?? 0, newVersion: w.currentVersion }));
      setRestoring(null);
      await utils.workflows.versions.invalidate({ id: workflowId });
      router.refresh();
    },
    onError: (e) => {
      setRestoring(null);
      toast.show(e.message, 'error');
    },
  });
  const items = versions.data?.items ?? [];

  return (
    <Card aria-labelledby="versions-title" data-testid="versions-panel">
      <CardTitle id="versions-title">{t('title')}</CardTitle>
      <CardDescription>{t('lead')}</CardDescription>
      {versions.isPending ? (
        <p role="status" className="mt-3 text-sm text-fg-muted">
          {tc('loading')}
        </p>
      ) : (
        <ol className="mt-3 space-y-2">
          {items.map((v) => (
            <li key={v.version} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-border p-2 text-sm" data-testid="version-row">
              <div className="min-w-0">
                <p className="font-medium">
                  {t('version', { version: v.version })}
                  {v.current ? <span className="ml-2 rounded bg-emerald-900/60 px-1.5 py-0.5 text-xs text-emerald-100">{t('current')}</span> : null}
                </p>
                <p className="break-words text-xs text-fg-muted">
                  {v.name} · {t('steps', { count: v.stepCount })} · {format.dateTime(v.createdAt, { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
                  {v.author ? t('by', { who: v.author }) : t('byUnknown')}
                </p>
              </div>
              {v.current ? null : (
                <Button variant="secondary" size="sm" onClick={() => setRestoring(v.version)} aria-label={`${t('restore')} ${t('version', { version: v.version })}`}>
                  {t('restore')}
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}

      {items.length > 1 ? (
        <form
          className="mt-4 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setCompare({ from, to });
          }}
        >
          <div>
            <label htmlFor={fromId} className="block text-sm font-medium">
              {t('from')}
            </label>
            <select id={fromId} className={inputClass} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
              {items.map((v) => (
                <option key={v.version} value={v.version}>
                  {t('version', { version: v.version })}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={toId} className="block text-sm font-medium">
              {t('to')}
            </label>
            <select id={toId} className={inputClass} value={to} onChange={(e) => setTo(Number(e.target.value))}>
              {items.map((v) => (
                <option key={v.version} value={v.version}>
                  {t('version', { version: v.version })}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary" size="sm">
            {t('compare')}
          </Button>
        </form>
      ) : null}

      {compare && diff.data ? (
        <div className="mt-3 rounded-lg border border-border p-3 text-sm" data-testid="version-diff" role="region" aria-label={t('diffTitle', compare)}>
          <p className="font-medium">{t('diffTitle', compare)}</p>
          {diff.data.changes.length === 0 ? (
            <p className="mt-1 text-fg-muted">{t('noChanges')}</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {diff.data.changes.map((c, i) => (
                <li key={i}>
                  <ChangeLine change={c} />
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      <Dialog
        open={restoring !== null}
        onClose={() => setRestoring(null)}
        title={t('restoreTitle', { version: restoring ?? 0 })}
        description={t('restoreBody')}
      >
        {dirtyHint ? <p className="mb-3 text-sm text-amber-200">{t('restoreUnsaved')}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setRestoring(null)}>
            {tc('cancel')}
          </Button>
          <Button disabled={restore.isPending} onClick={() => restoring !== null && restore.mutate({ id: workflowId, version: restoring })} data-testid="confirm-restore">
            {t('restore')}
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
