import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { StaffTicket } from '~/components/support/staff-ticket';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';

/** SPEC P6: one ticket for an admin: the thread, suggested replies, reply and close. */
export default async function AdminTicketPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!z.uuid().safeParse(id).success) notFound();
  const t = await getTranslations('Support.admin');
  return (
    <div className="space-y-4">
      <Link href="/admin/support" className="text-sm font-medium text-accent underline-offset-4 hover:underline">
        ← {t('title')}
      </Link>
      <StaffTicket ticketId={id} />
    </div>
  );
}
