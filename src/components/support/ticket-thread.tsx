'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { ErrorAlert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { textAreaClass } from '~/components/ui/input';
import { useToast } from '~/components/ui/toast';
import { cn } from '~/lib/cn';
import { api } from '~/trpc/react';
import { TicketStatus } from './ticket-status';

export type ThreadMessage = { id: string; author: 'customer' | 'staff'; authorName: string | null; body: string; createdAt: Date };

/** The messages of a ticket, oldest first; ours are marked as Levqor support. */
export function MessageList({ messages, customerLabel }: { messages: ThreadMessage[]; customerLabel: string }) {
  const t = useTranslations('Support');
  const format = useFormatter();
  return (
    <ol className="space-y-3">
      {messages.map((m) => (
        <li
          key={m.id}
          data-testid="ticket-message"
          data-author={m.author}
          className={cn('rounded-lg border p-3', m.author === 'staff' ? 'border-accent/40 bg-indigo-950/30' : 'border-border bg-surface-raised')}
        >
          <p className="text-xs text-fg-muted">
            <span className="font-medium text-fg">{m.author === 'staff' ? t('staff') : (m.authorName ?? customerLabel)}</span> ·{' '}
            {format.dateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </p>
          <p className="mt-1 whitespace-pre-wrap text-sm">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** SPEC P6 for customers: one ticket — the conversation, a reply, closing, and a rating once closed. */
export function TicketThread({ ticketId }: { ticketId: string }) {
  const t = useTranslations('Support');
  const format = useFormatter();
  const toast = useToast();
  const utils = api.useUtils();
  const replyId = useId();
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const ticket = api.support.get.useQuery({ ticketId });
  const refresh = async () => {
    setError(null);
    await Promise.all([utils.support.get.invalidate({ ticketId }), utils.support.mine.invalidate()]);
  };
  const onError = (e: { message: string }) => setError(e.message);
  const reply = api.support.reply.useMutation({
    onSuccess: async () => {
      setDraft('');
      toast.show(t('replied'));
      await refresh();
    },
    onError,
  });
  const close = api.support.close.useMutation({ onSuccess: refresh, onError });
  const rate = api.support.rate.useMutation({ onSuccess: refresh, onError });

  if (ticket.isError) return <ErrorAlert>{ticket.error.message}</ErrorAlert>;
  const data = ticket.data;
  if (!data) return null;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{data.subject}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-fg-muted">
          <span>{data.reference}</span>
          <TicketStatus status={data.status} />
          {data.status === 'open' && data.dueAt ? <span>{t('dueBy', { due: format.dateTime(data.dueAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</span> : null}
        </p>
      </header>
      <Card>
        <MessageList messages={data.messages} customerLabel={t('customer')} />
      </Card>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {data.status === 'closed' ? (
        <Card>
          <p className="text-sm text-fg-muted">{t('closedNote')}</p>
          {data.satisfaction ? (
            <p role="status" className="mt-3 text-sm" data-testid="ticket-rated">
              {t('rated', { score: data.satisfaction })}
            </p>
          ) : (
            <fieldset className="mt-3">
              <legend className="text-sm font-medium">{t('rateQuestion')}</legend>
              <div className="mt-2 flex flex-wrap gap-2">
                {[1, 2, 3, 4, 5].map((score) => (
                  <Button key={score} type="button" variant="secondary" size="sm" disabled={rate.isPending} onClick={() => rate.mutate({ ticketId, score })}>
                    {t('rateOption', { score })}
                  </Button>
                ))}
              </div>
            </fieldset>
          )}
        </Card>
      ) : (
        <Card>
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              reply.mutate({ ticketId, body: draft });
            }}
          >
            <div>
              <label htmlFor={replyId} className="block text-sm font-medium">
                {t('replyLabel')}
              </label>
              <textarea id={replyId} value={draft} onChange={(e) => setDraft(e.target.value)} required minLength={10} maxLength={5000} rows={4} className={textAreaClass} />
            </div>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={reply.isPending}>
                {t('sendReply')}
              </Button>
              <Button type="button" variant="secondary" disabled={close.isPending} onClick={() => close.mutate({ ticketId })}>
                {t('close')}
              </Button>
            </div>
          </form>
        </Card>
      )}
    </div>
  );
}
