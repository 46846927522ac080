'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { ErrorAlert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { textAreaClass } from '~/components/ui/input';
import { useToast } from '~/components/ui/toast';
import { api } from '~/trpc/react';
import { MessageList } from './ticket-thread';
import { TicketStatus } from './ticket-status';

/** SPEC P6 for admins: one ticket — who wrote, the thread, replies suggested from Help, reply and close. */
export function StaffTicket({ ticketId }: { ticketId: string }) {
  const t = useTranslations('Support.admin');
  const tp = useTranslations('Plans');
  const toast = useToast();
  const utils = api.useUtils();
  const replyId = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ticket = api.support.staffGet.useQuery({ ticketId });
  const refresh = async () => {
    setError(null);
    await Promise.all([utils.support.staffGet.invalidate({ ticketId }), utils.support.queue.invalidate()]);
  };
  const reply = api.support.staffReply.useMutation({
    onSuccess: async (r) => {
      setDraft('');
      toast.show(r.emailed ? t('sent') : t('savedNoMail'));
      await refresh();
    },
    onError: (e) => setError(e.message),
  });
  const close = api.support.staffClose.useMutation({
    onSuccess: async () => {
      toast.show(t('closedDone'));
      await refresh();
    },
    onError: (e) => setError(e.message),
  });

  if (ticket.isError) return <ErrorAlert>{ticket.error.message}</ErrorAlert>;
  const data = ticket.data;
  if (!data) return null;
  const customer = data.workspace
    ? `${data.userName ?? data.userEmail ?? ''} · ${data.workspace}`
    : `${data.contactName ?? ''} <${data.contactEmail ?? ''}>`;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{data.subject}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-fg-muted">
          <span>{data.reference}</span>
          <TicketStatus status={data.status} />
          <span>{tp(data.plan)}</span>
          <span>{t('replyTime', { hours: data.slaHours })}</span>
        </p>
        <p className="mt-1 text-sm text-fg-muted">
          {t('customer')}: <span className="break-all">{customer}</span>
        </p>
      </header>
      <Card>
        <MessageList messages={data.messages} customerLabel={t('customer')} />
      </Card>
      {data.status !== 'closed' ? (
        <>
          <Card aria-labelledby="support-suggestions-title">
            <CardTitle id="support-suggestions-title">{t('suggestions')}</CardTitle>
            {data.suggestions.length ? (
              <ul className="mt-3 space-y-3">
                {data.suggestions.map((s) => (
                  <li key={s.articleId} data-testid="reply-suggestion" className="rounded-lg border border-border bg-surface-raised p-3">
                    <p className="text-sm font-medium">{s.title}</p>
                    <p className="mt-1 whitespace-pre-wrap text-sm text-fg-muted">{s.text}</p>
                    <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={() => setDraft(s.text)}>
                      {t('useSuggestion')}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-fg-muted">{t('noSuggestions')}</p>
            )}
          </Card>
          <Card>
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                const close = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'close';
                reply.mutate({ ticketId, body: draft, close });
              }}
            >
              <div>
                <label htmlFor={replyId} className="block text-sm font-medium">
                  {t('reply')}
                </label>
                <textarea id={replyId} value={draft} onChange={(e) => setDraft(e.target.value)} required minLength={10} maxLength={5000} rows={6} className={textAreaClass} />
              </div>
              {error ? <ErrorAlert>{error}</ErrorAlert> : null}
              <div className="flex flex-wrap gap-2">
                <Button type="submit" name="action" value="reply" disabled={reply.isPending}>
                  {t('reply')}
                </Button>
                <Button type="submit" name="action" value="close" variant="secondary" disabled={reply.isPending}>
                  {t('replyAndClose')}
                </Button>
                <Button type="button" variant="ghost" disabled={close.isPending} onClick={() => close.mutate({ ticketId })}>
                  {t('closeWithoutReply')}
                </Button>
              </div>
            </form>
          </Card>
        </>
      ) : null}
    </div>
  );
}
