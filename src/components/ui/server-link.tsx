import NextLink from 'next/link';
import { getLocale } from 'next-intl/server';
import type { ComponentProps } from 'react';
import { localizedPath } from '~/i18n/paths';

type Href = string | { pathname: string; query?: Record<string, string | number> };

/**
 * A localised link for server components. next-intl's <Link> is a client component that needs
 * the i18n client provider; public pages do without that runtime, so they link through here.
 */
export async function ServerLink({ href, ...props }: Omit<ComponentProps<typeof NextLink>, 'href'> & { href: Href }) {
  const locale = await getLocale();
  const target =
    typeof href === 'string'
      ? localizedPath(href, locale)
      : `${localizedPath(href.pathname, locale)}${
          href.query ? `?${new URLSearchParams(Object.entries(href.query).map(([k, v]) => [k, String(v)]))}` : ''
        }`;
  return <NextLink href={target} {...props} />;
}
