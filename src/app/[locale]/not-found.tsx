import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';
import { ServerLink as Link } from '~/components/ui/server-link';

export default async function NotFound() {
  const t = await getTranslations('Errors');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-3xl font-bold">{t('notFoundTitle')}</h1>
      <p className="mt-3 text-fg-muted">{t('notFoundBody')}</p>
      <Link href="/" className={buttonClasses('secondary', 'md', 'mt-8')}>
        {t('backHome')}
      </Link>
    </main>
  );
}
