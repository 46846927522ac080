import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';
import { ServerLink as Link } from '~/components/ui/server-link';

export default async function Forbidden() {
  const t = await getTranslations('Errors');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-semibold text-danger">403</p>
      <h1 className="mt-2 text-3xl font-bold">{t('forbiddenTitle')}</h1>
      <p className="mt-3 text-fg-muted">{t('forbiddenBody')}</p>
      <Link href="/dashboard" className={buttonClasses('secondary', 'md', 'mt-8')}>
        {t('backDashboard')}
      </Link>
    </main>
  );
}
