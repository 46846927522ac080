import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { TicketThread } from '~/components/support/ticket-thread';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';

/** SPEC P6: one of the workspace's tickets (another workspace's id answers "Ticket not found"). */
export default async function TicketPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!z.uuid().safeParse(id).success) notFound();
  const t = await getTranslations('Support');
  return (
    <div className="space-y-4">
      <Link href="/dashboard/support" className="text-sm font-medium text-accent underline-offset-4 hover:underline">
        ← {t('back')}
      </Link>
      <TicketThread ticketId={id} />
    </div>
  );
}
