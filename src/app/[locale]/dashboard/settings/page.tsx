import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ChangePassword } from '~/components/settings/change-password';
import { YourData } from '~/components/settings/your-data';
import { changePasswordAction } from '../../(auth)/actions';
import type { Locale } from '~/i18n/routing';

/** The account's settings: the password (decision 024), taking your data out and deleting the account (SPEC P5). */
export default async function SettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  const { password } = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations('Settings');
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      <ChangePassword action={changePasswordAction} changed={password === 'changed'} />
      <YourData />
    </div>
  );
}
