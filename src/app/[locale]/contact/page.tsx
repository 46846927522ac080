import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ContactForm } from '~/components/support/contact-form';
import { Card } from '~/components/ui/card';
import type { Locale } from '~/i18n/routing';
import { SUPPORT_SLA_HOURS } from '~/server/domain/billing/pricing';
import { contactAction } from './actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Contact' });
  return { title: `${t('title')} · Levqor` };
}

/** SPEC P6: the public contact form, for people without an account or who cannot sign in. */
export default async function ContactPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Contact');
  const hours = SUPPORT_SLA_HOURS.starter;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12 sm:py-20">
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2 text-sm text-fg-muted">{t('lead', { hours })}</p>
        <p className="mt-2 text-sm text-fg-muted">{t('customers')}</p>
        <div className="mt-6">
          <ContactForm
            action={contactAction}
            texts={{
              name: t('name'),
              email: t('email'),
              subject: t('subject'),
              message: t('message'),
              submit: t('submit'),
              sending: t('sending'),
              sent: t.raw('sent') as string,
              errors: { invalid: t('errors.invalid'), tooMany: t('errors.tooMany'), generic: t('errors.generic') },
            }}
          />
        </div>
      </Card>
    </main>
  );
}
