'use client';

import { usePathname } from 'next/navigation';
import { useId, useTransition } from 'react';
import { localeNames, locales } from '~/i18n/locales';
import type { SwitchLocaleAction } from './types';

/**
 * Language picker. Deliberately free of next-intl's client code (public pages stay light):
 * the label arrives translated from the server, the switch happens in a server action.
 */
export function LocaleSwitcher({
  label,
  locale,
  switchLocale,
}: {
  label: string;
  locale: string;
  switchLocale: SwitchLocaleAction;
}) {
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        data-testid="locale-switcher"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(() => switchLocale(next, pathname));
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
