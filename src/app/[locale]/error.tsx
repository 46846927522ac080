'use client';

import { useTranslations } from 'next-intl';
import { Button } from '~/components/ui/button';

export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Errors');
  const tc = useTranslations('Common');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-3xl font-bold">{t('genericTitle')}</h1>
      <p className="mt-3 text-fg-muted">{t('genericBody')}</p>
      <Button variant="secondary" className="mt-8" onClick={reset}>
        {tc('retry')}
      </Button>
    </main>
  );
}
