'use client';

import { useSyncExternalStore } from 'react';

const read = (name: string) =>
  document.querySelector<HTMLMetaElement>(`meta[name="levqor:${name}"]`)?.content ?? '';
const noop = () => () => {};

/**
 * Error boundary for every page. Its texts come from <meta> tags the server layout renders
 * from messages/, so public pages do not ship the i18n runtime just for this screen.
 */
export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const texts = useSyncExternalStore(
    noop,
    () => `${read('error-title')}\n${read('error-body')}\n${read('error-retry')}`,
    () => '\n\n',
  ).split('\n');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-3xl font-bold">{texts[0]}</h1>
      <p className="mt-3 text-fg-muted">{texts[1]}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-8 inline-flex h-10 items-center rounded-lg border border-border bg-surface-raised px-4 text-sm font-medium"
      >
        {texts[2]}
      </button>
    </main>
  );
}
