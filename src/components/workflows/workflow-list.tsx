'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button, buttonClasses } from '~/components/ui/button';
import { Dialog } from '~/components/ui/dialog';
import { Pager } from '~/components/ui/pager';
import { Table, Td, Th, THead } from '~/components/ui/table';
import { useToast } from '~/components/ui/toast';
import { Link, useRouter } from '~/i18n/navigation';
import { rememberNewSecret } from '~/lib/new-secret';
import { api, type RouterOutputs } from '~/trpc/react';
import { textInputClass } from '~/components/ui/input';

type Summary = RouterOutputs['workflows']['list']['items'][number];
const PAGE = 20;


function CreateWorkflowDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('Workflows');
  const tc = useTranslations('Common');
  const toast = useToast();
  const utils = api.useUtils();
  const ids = { name: useId(), description: useId(), trigger: useId(), cron: useId() };
  const [trigger, setTrigger] = useState<'webhook_trigger' | 'schedule_trigger'>('webhook_trigger');
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const create = api.workflows.create.useMutation({
    onSuccess: async (w) => {
      toast.show(t('created'));
      rememberNewSecret(w);
      await utils.workflows.list.invalidate();
      onClose();
      // Straight into the editor to add the steps that make it useful.
      router.push(`/dashboard/workflows/${w.id}`);
    },
    onError: (e) => setError(e.message),
  });

  return (
    <Dialog open={open} onClose={onClose} title={t('createTitle')}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          const form = new FormData(e.currentTarget);
          const name = String(form.get('name') ?? '');
          create.mutate({
            name,
            description: String(form.get('description') ?? ''),
            steps: [
              trigger === 'webhook_trigger'
                ? { id: 'start', name: t('triggerWebhook'), type: 'webhook_trigger', config: { method: 'POST' } }
                : {
                    id: 'start',
                    name: t('triggerSchedule'),
                    type: 'schedule_trigger',
                    config: { cron: String(form.get('cron') ?? ''), timezone: 'UTC' },
                  },
              {
                id: 'record',
                name: t('logStepName'),
                type: 'log',
                config: { message: t('logStepMessage', { name: name || '…' }), level: 'info' },
              },
            ],
          });
        }}
      >
        {error ? (
          <p role="alert" className="rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100">
            {error}
          </p>
        ) : null}
        <div>
          <label htmlFor={ids.name} className="block text-sm font-medium">
            {t('name')}
          </label>
          <input id={ids.name} name="name" required maxLength={120} className={textInputClass} />
        </div>
        <div>
          <label htmlFor={ids.description} className="block text-sm font-medium">
            {t('description')}
          </label>
          <input id={ids.description} name="description" maxLength={2000} className={textInputClass} />
        </div>
        <div>
          <label htmlFor={ids.trigger} className="block text-sm font-medium">
            {t('trigger')}
          </label>
          <select
            id={ids.trigger}
            value={trigger}
            onChange={(e) => setTrigger(e.target.value as typeof trigger)}
            className={textInputClass}
          >
            <option value="webhook_trigger">{t('triggerWebhook')}</option>
            <option value="schedule_trigger">{t('triggerSchedule')}</option>
          </select>
        </div>
        {trigger === 'schedule_trigger' ? (
          <div>
            <label htmlFor={ids.cron} className="block text-sm font-medium">
              {t('schedule')}
            </label>
            <input
              id={ids.cron}
              name="cron"
              required
              defaultValue="0 8 * * 1"
              aria-describedby={`${ids.cron}-hint`}
              className={textInputClass}
            />
            <p id={`${ids.cron}-hint`} className="mt-1 text-xs text-fg-muted">
              {t('scheduleHint')}
            </p>
          </div>
        ) : null}
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="ghost" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? tc('loading') : t('create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function WorkflowList() {
  const t = useTranslations('Workflows');
  const tc = useTranslations('Common');
  const format = useFormatter();
  const toast = useToast();
  const utils = api.useUtils();
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const [toDelete, setToDelete] = useState<Summary | null>(null);
  const list = api.workflows.list.useQuery({ limit: PAGE, offset: page * PAGE });
  const remove = api.workflows.delete.useMutation({
    onSuccess: async () => {
      toast.show(t('deleted'));
      setToDelete(null);
      await utils.workflows.list.invalidate();
    },
    onError: (e) => toast.show(e.message, 'error'),
  });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
          <p className="mt-1 text-fg-muted">{t('lead')}</p>
        </div>
        <Button onClick={() => setCreating(true)}>{t('new')}</Button>
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
      ) : list.data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-fg-muted" data-testid="workflows-empty">
          {t('empty')}
        </p>
      ) : (
        <Table caption={t('title')} fit>
          <THead>
            <tr>
              <Th className="px-3 sm:px-4">{t('columns.name')}</Th>
              <Th className="hidden sm:table-cell">{t('columns.status')}</Th>
              <Th className="hidden sm:table-cell">{t('columns.steps')}</Th>
              <Th className="hidden md:table-cell">{t('columns.created')}</Th>
              <Th className="px-3 text-right sm:px-4">{t('columns.actions')}</Th>
            </tr>
          </THead>
          <tbody>
            {list.data.items.map((w) => (
              <tr key={w.id} data-testid="workflow-row">
                <Td className="max-w-0 px-3 font-medium sm:max-w-none sm:px-4">
                  <Link href={`/dashboard/workflows/${w.id}`} className="block truncate hover:underline">
                    {w.name}
                  </Link>
                  {/* Phones: the status under the name (its column is hidden). */}
                  <span className="block text-xs font-normal text-fg-muted sm:hidden">{t(`status.${w.status}`)}</span>
                </Td>
                <Td className="hidden sm:table-cell">{t(`status.${w.status}`)}</Td>
                <Td className="hidden sm:table-cell">{t('steps', { count: w.stepCount })}</Td>
                <Td className="hidden md:table-cell">{format.dateTime(w.createdAt, { dateStyle: 'medium' })}</Td>
                <Td className="px-3 text-right sm:px-4">
                  <div className="flex justify-end gap-1 sm:gap-2">
                    <Link href={`/dashboard/workflows/${w.id}`} className={buttonClasses('ghost', 'sm')}>
                      {t('open')}
                    </Link>
                    <Button variant="ghost" size="sm" onClick={() => setToDelete(w)}>
                      {tc('delete')}
                    </Button>
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <Pager page={page} pages={pages} onPage={setPage} />

      <CreateWorkflowDialog open={creating} onClose={() => setCreating(false)} />
      <Dialog
        open={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={t('confirmDeleteTitle')}
        description={toDelete ? t('confirmDeleteBody', { name: toDelete.name }) : undefined}
      >
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setToDelete(null)}>
            {tc('cancel')}
          </Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => toDelete && remove.mutate({ id: toDelete.id })}
          >
            {tc('delete')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
