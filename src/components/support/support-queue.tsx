'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '~/components/ui/card';
import { Table, Td, Th, THead } from '~/components/ui/table';
import { Tabs } from '~/components/ui/tabs';
import { Link } from '~/i18n/navigation';
import { cn } from '~/lib/cn';
import { api } from '~/trpc/react';

const TABS = ['open', 'answered', 'closed'] as const;

/** SPEC P6 for admins: the queue's figures, then tickets by status (open ones by breach risk, earliest due first). */
export function SupportQueue() {
  const t = useTranslations('Support.admin');
  // The open tab's query: its figures cover the whole queue.
  const data = api.support.queue.useQuery({ status: 'open', limit: 100 }, { refetchInterval: 30_000 }).data;
  return (
    <div className="space-y-4">
      {data ? (
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="support-figures">
          <li className="rounded-lg border border-border bg-surface px-3 py-1.5">{t('openCount', { count: data.open })}</li>
          <li className={cn('rounded-lg border px-3 py-1.5', data.overdue ? 'border-rose-500/50 bg-rose-950/40 text-rose-100' : 'border-border bg-surface')}>
            {t('overdueCount', { count: data.overdue })}
          </li>
          <li className="rounded-lg border border-border bg-surface px-3 py-1.5">
            {data.satisfaction30d === null ? t('noSatisfaction') : t('satisfaction', { score: data.satisfaction30d })}
          </li>
        </ul>
      ) : null}
      <Tabs label={t('title')} items={TABS.map((status) => ({ id: status, label: t(`tabs.${status}`), content: <QueueTable status={status} /> }))} />
    </div>
  );
}

function QueueTable({ status }: { status: (typeof TABS)[number] }) {
  const t = useTranslations('Support.admin');
  const ts = useTranslations('Plans');
  const format = useFormatter();
  const queue = api.support.queue.useQuery({ status, limit: 100 }, { refetchInterval: 30_000 });
  const data = queue.data;
  return (
    <Card>
      {data?.tickets.length ? (
        <Table caption={t(`tabs.${status}`)} fit>
          <THead>
            <tr>
              <Th>{t('ticket')}</Th>
              <Th className="hidden sm:table-cell">{t('from')}</Th>
              <Th className="hidden sm:table-cell">{t('plan')}</Th>
              <Th>{t('due')}</Th>
            </tr>
          </THead>
          <tbody>
            {data.tickets.map((ticket) => {
              const overdue = ticket.status === 'open' && ticket.dueAt !== null && ticket.dueAt < data.now;
              return (
                <tr key={ticket.id} data-testid="queue-row" data-overdue={overdue || undefined}>
                  <Td>
                    <Link href={`/admin/support/${ticket.id}`} className="font-medium text-accent underline-offset-4 hover:underline">
                      {ticket.subject}
                    </Link>
                    <p className="text-xs text-fg-muted">
                      {ticket.reference}
                      <span className="sm:hidden"> · {ticket.from}</span>
                    </p>
                  </Td>
                  <Td className="hidden break-all sm:table-cell">{ticket.from}</Td>
                  <Td className="hidden sm:table-cell">{ts(ticket.plan)}</Td>
                  <Td className={cn('text-sm', overdue ? 'font-medium text-rose-200' : 'text-fg-muted')}>
                    {ticket.status === 'open' && ticket.dueAt
                      ? t(overdue ? 'overdue' : 'dueIn', { when: format.relativeTime(ticket.dueAt, data.now) })
                      : format.dateTime(ticket.lastMessageAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-fg-muted">{queue.isPending ? null : t('none')}</p>
      )}
    </Card>
  );
}
