'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { ErrorAlert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { textAreaClass, textInputClass } from '~/components/ui/input';
import { Link } from '~/i18n/navigation';
import { api } from '~/trpc/react';
import { TicketStatus } from './ticket-status';

/** SPEC P6 for customers: open a ticket, and follow the workspace's tickets. */
export function SupportDesk() {
  const t = useTranslations('Support');
  const format = useFormatter();
  const utils = api.useUtils();
  const ids = { subject: useId(), message: useId(), hint: useId() };
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const tickets = api.support.mine.useQuery();
  const open = api.support.open.useMutation({
    onSuccess: async (r) => {
      setError(null);
      setCreated(t('created', { reference: `#${r.id.slice(0, 8)}`, due: format.dateTime(r.dueAt, { dateStyle: 'medium', timeStyle: 'short' }) }));
      await utils.support.mine.invalidate();
    },
    onError: (e) => setError(e.message),
  });

  return (
    <>
      <Card aria-labelledby="support-new-title">
        <CardTitle id="support-new-title">{t('newTitle')}</CardTitle>
        <form
          className="mt-3 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const data = new FormData(form);
            open.mutate(
              { subject: String(data.get('subject') ?? ''), body: String(data.get('body') ?? '') },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <div>
            <label htmlFor={ids.subject} className="block text-sm font-medium">
              {t('subject')}
            </label>
            <input id={ids.subject} name="subject" required minLength={3} maxLength={150} className={textInputClass} />
          </div>
          <div>
            <label htmlFor={ids.message} className="block text-sm font-medium">
              {t('message')}
            </label>
            <textarea id={ids.message} name="body" required minLength={10} maxLength={5000} rows={5} aria-describedby={ids.hint} className={textAreaClass} />
            <p id={ids.hint} className="mt-1 text-xs text-fg-muted">
              {t('messageHint')}
            </p>
          </div>
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
          {created ? (
            <p role="status" data-testid="ticket-created" className="rounded-lg border border-emerald-500/40 bg-emerald-950/50 px-3 py-2 text-sm text-emerald-100">
              {created}
            </p>
          ) : null}
          <Button type="submit" disabled={open.isPending}>
            {open.isPending ? t('sending') : t('submit')}
          </Button>
        </form>
      </Card>

      <Card aria-labelledby="support-list-title">
        <CardTitle id="support-list-title">{t('listTitle')}</CardTitle>
        {tickets.data?.tickets.length ? (
          <ul className="mt-3 divide-y divide-border">
            {tickets.data.tickets.map((ticket) => (
              <li key={ticket.id} data-testid="ticket-row" className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
                <div className="min-w-0">
                  <Link href={`/dashboard/support/${ticket.id}`} className="font-medium text-accent underline-offset-4 hover:underline">
                    {ticket.subject}
                  </Link>
                  <p className="text-xs text-fg-muted">
                    {ticket.reference} · {format.dateTime(ticket.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    {ticket.openedBy ? ` · ${t('openedBy', { name: ticket.openedBy })}` : ''}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2 text-xs text-fg-muted sm:justify-end">
                  <TicketStatus status={ticket.status} />
                  {ticket.status === 'open' && ticket.dueAt ? <span>{t('dueBy', { due: format.dateTime(ticket.dueAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</span> : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-fg-muted">{tickets.isPending ? null : t('empty')}</p>
        )}
      </Card>
    </>
  );
}
