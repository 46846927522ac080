'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { ErrorAlert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { Table, Td, Th, THead } from '~/components/ui/table';
import { useToast } from '~/components/ui/toast';
import { api } from '~/trpc/react';
import { textInputClass } from '~/components/ui/input';
import { isUuid } from '~/lib/ids';

const ACTIONS = ['suspend', 'resume', 'restore'] as const;

/**
 * Admin view of the workspace lifecycle: act on a workspace, and read the recorded transitions —
 * the newest of all workspaces, or only those of the workspace whose id is typed in the form.
 */
export function LifecycleAdmin() {
  const t = useTranslations('Lifecycle');
  const ts = useTranslations('TenantStatus');
  const format = useFormatter();
  const toast = useToast();
  const utils = api.useUtils();
  const ids = { tenant: useId(), action: useId(), reason: useId() };
  const [action, setAction] = useState<(typeof ACTIONS)[number]>('suspend');
  const [error, setError] = useState<string | null>(null);
  const [tenantId, setTenantId] = useState('');
  const only = isUuid(tenantId.trim()) ? tenantId.trim() : undefined;
  const transitions = api.lifecycle.transitions.useQuery(only ? { tenantId: only, limit: 100 } : { limit: 100 });
  const historyTitle = only ? t('historyOfWorkspace') : t('historyTitle');
  const options = {
    onSuccess: async (r: { from: string; to: string }) => {
      setError(null);
      toast.show(t('done', { from: label(r.from), to: label(r.to) }));
      await utils.lifecycle.transitions.invalidate();
    },
    onError: (e: { message: string }) => setError(e.message),
  };
  const suspend = api.lifecycle.suspend.useMutation(options);
  const resume = api.lifecycle.resume.useMutation(options);
  const restore = api.lifecycle.restore.useMutation(options);
  const pending = suspend.isPending || resume.isPending || restore.isPending;
  const label = (s: string) => (ts.has(s as 'active') ? ts(s as 'active') : s === 'purged' ? t('purged') : s);

  return (
    <>
      <Card aria-labelledby="lifecycle-action-title">
        <CardTitle id="lifecycle-action-title">{t('actTitle')}</CardTitle>
        <form
          className="mt-3 grid gap-3 sm:grid-cols-[1fr_10rem] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const input = { tenantId: String(form.get('tenantId') ?? '').trim(), reason: String(form.get('reason') ?? '') };
            ({ suspend, resume, restore })[action].mutate(input);
          }}
        >
          <div>
            <label htmlFor={ids.tenant} className="block text-sm font-medium">
              {t('tenantId')}
            </label>
            <input
              id={ids.tenant}
              name="tenantId"
              required
              value={tenantId}
              onChange={(e) => setTenantId(e.target.value)}
              className={`${textInputClass} font-mono`}
            />
          </div>
          <div>
            <label htmlFor={ids.action} className="block text-sm font-medium">
              {t('action')}
            </label>
            <select id={ids.action} value={action} onChange={(e) => setAction(e.target.value as typeof action)} className={textInputClass}>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`actions.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={ids.reason} className="block text-sm font-medium">
              {t('reason')}
            </label>
            <input id={ids.reason} name="reason" required minLength={3} maxLength={500} className={textInputClass} />
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {t(`actions.${action}`)}
            </Button>
          </div>
        </form>
        {error ? <ErrorAlert className="mt-3">{error}</ErrorAlert> : null}
      </Card>

      <Card aria-labelledby="lifecycle-history-title">
        <CardTitle id="lifecycle-history-title">{historyTitle}</CardTitle>
        <div className="mt-3">
          {transitions.data?.items.length ? (
            <Table caption={historyTitle}>
              <THead>
                <tr>
                  <Th>{t('when')}</Th>
                  <Th>{t('workspace')}</Th>
                  <Th>{t('change')}</Th>
                  <Th>{t('by')}</Th>
                  <Th>{t('reason')}</Th>
                </tr>
              </THead>
              <tbody>
                {transitions.data.items.map((i) => (
                  <tr key={i.id} data-testid="transition-row">
                    <Td>{format.dateTime(i.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
                    <Td className="break-all">{i.tenantName ?? i.tenantId}</Td>
                    <Td>
                      {label(i.from)} → {label(i.to)}
                    </Td>
                    <Td>{t(`actors.${i.actor as 'admin'}`)}</Td>
                    <Td className="break-words">{i.reason}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-fg-muted">{transitions.isPending ? null : t('empty')}</p>
          )}
        </div>
      </Card>
    </>
  );
}
