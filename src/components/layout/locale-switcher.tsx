'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useTransition } from 'react';
import { saveLocaleAction } from '~/app/actions';
import { usePathname, useRouter } from '~/i18n/navigation';
import { localeNames, locales, type Locale } from '~/i18n/routing';

/** Switches language in place; the choice persists in a cookie and, when signed in, on the user. */
export function LocaleSwitcher() {
  const t = useTranslations('LocaleSwitcher');
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const id = useId();

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t('label')}
      </label>
      <select
        id={id}
        data-testid="locale-switcher"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as Locale;
          startTransition(async () => {
            await saveLocaleAction(next);
            router.replace(pathname, { locale: next });
            router.refresh();
          });
        }}
        className="h-9 rounded-lg border border-border bg-surface-raised px-2 text-sm text-fg"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
