import { getTranslations } from 'next-intl/server';
import { ServerLink as Link } from '~/components/ui/server-link';
import { CookieSettingsButton } from './cookie-consent';

/** The footer of every page: the legal pages and the cookie settings (SPEC P5). */
export async function SiteFooter() {
  const t = await getTranslations('Footer');
  const links = [
    { href: '/legal/terms', label: t('terms') },
    { href: '/legal/privacy', label: t('privacy') },
    { href: '/legal/cookies', label: t('cookies') },
    { href: '/legal/dpa', label: t('dpa') },
    { href: '/contact', label: t('contact') },
  ] as const;
  return (
    <footer aria-label={t('label')} className="mt-12 border-t border-border">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-fg-muted">
        <p>{t('copyright')}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-2">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="hover:text-fg hover:underline">
                {l.label}
              </Link>
            </li>
          ))}
          <li>
            <CookieSettingsButton label={t('cookieSettings')} />
          </li>
        </ul>
      </div>
    </footer>
  );
}
