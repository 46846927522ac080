'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '~/components/ui/button';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { useToast } from '~/components/ui/toast';
import { api } from '~/trpc/react';

const field = 'h-10 w-full rounded-lg border border-border bg-surface-raised px-3 text-sm text-fg';

/**
 * The workspace secrets store (SPEC P1): names and when they changed; owners add, replace and
 * delete. A value is typed once and never shown again (the server never sends it back).
 */
export function SecretsManager({ canManage }: { canManage: boolean }) {
  const t = useTranslations('Secrets');
  const format = useFormatter();
  const toast = useToast();
  const utils = api.useUtils();
  const list = api.secrets.list.useQuery();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const valueId = useId();
  const errorId = useId();
  const save = api.secrets.set.useMutation({
    onSuccess: async (r) => {
      setName('');
      setValue('');
      setError(null);
      toast.show(t('saved', { name: r.name }), 'success');
      await utils.secrets.list.invalidate();
    },
    onError: (e) => setError(e.message),
  });
  const remove = api.secrets.delete.useMutation({
    onSuccess: async () => {
      toast.show(t('deleted'), 'success');
      await utils.secrets.list.invalidate();
    },
    onError: (e) => toast.show(e.message, 'error'),
  });

  return (
    <div className="space-y-4">
      <Card>
        <CardTitle>{t('listTitle')}</CardTitle>
        {list.data?.length ? (
          <ul className="mt-3 divide-y divide-border" data-testid="secret-list">
            {list.data.map((s) => (
              <li key={s.name} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="secret-row">
                <div className="min-w-0">
                  <code className="break-all font-mono text-sm">{`{{ secrets.${s.name} }}`}</code>
                  <p className="text-xs text-fg-muted">{t('updated', { date: format.dateTime(s.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
                </div>
                {canManage ? (
                  <Button variant="secondary" size="sm" disabled={remove.isPending} onClick={() => remove.mutate({ name: s.name })} aria-label={t('deleteNamed', { name: s.name })}>
                    {t('delete')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <CardDescription className="mt-2">{list.isLoading ? t('loading') : t('empty')}</CardDescription>
        )}
      </Card>

      {canManage ? (
        <Card>
          <CardTitle>{t('addTitle')}</CardTitle>
          <CardDescription className="mt-1">{t('addHelp')}</CardDescription>
          <form
            className="mt-3 grid gap-3 sm:grid-cols-2"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ name: name.trim(), value });
            }}
          >
            <div>
              <label htmlFor={nameId} className="text-sm font-medium">
                {t('name')}
              </label>
              <input
                id={nameId}
                className={field}
                value={name}
                onChange={(e) => setName(e.target.value.toUpperCase())}
                autoComplete="off"
                spellCheck={false}
                required
                maxLength={64}
                aria-describedby={error ? errorId : undefined}
              />
            </div>
            <div>
              <label htmlFor={valueId} className="text-sm font-medium">
                {t('value')}
              </label>
              <input id={valueId} className={field} type="password" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="new-password" required maxLength={4096} />
            </div>
            {error ? (
              <p id={errorId} role="alert" className="text-sm text-rose-200 sm:col-span-2">
                {error}
              </p>
            ) : null}
            <div className="sm:col-span-2">
              <Button type="submit" disabled={save.isPending}>
                {t('save')}
              </Button>
            </div>
          </form>
        </Card>
      ) : (
        <p className="text-sm text-fg-muted">{t('ownersOnly')}</p>
      )}
    </div>
  );
}
