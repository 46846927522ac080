import { getLocale, getTranslations } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';
import { ServerLink as Link } from '~/components/ui/server-link';
import { PricingLink } from '~/components/pricing/pricing-link';
import { LocaleSwitcher } from './locale-switcher';
import type { HeaderUser, SignOutAction, SwitchLocaleAction } from './types';

/** The public header; the layout passes the signed-in user (or null) and the two server actions. */
export async function SiteHeader({
  user,
  signOut,
  switchLocale,
}: {
  user: HeaderUser | null;
  signOut: SignOutAction;
  switchLocale: SwitchLocaleAction;
}) {
  const [t, tl, locale] = await Promise.all([getTranslations('Nav'), getTranslations('LocaleSwitcher'), getLocale()]);
  return (
    <header className="sticky top-0 z-40 border-b border-border/60 bg-bg/85 backdrop-blur">
      {/* One row where it fits; on a phone at most two (issue 16: it used to take three). */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-1.5 gap-y-1 px-3 py-2 sm:gap-x-4 sm:px-4 sm:py-3">
        <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden className="bg-gradient-accent inline-block h-6 w-6 rounded-md" />
          <span className="text-gradient">Levqor</span>
        </Link>
        <nav aria-label={t('main')} className="min-w-0">
          <ul className="flex items-center gap-0.5 text-sm sm:gap-1">
            <li>
              <PricingLink className={buttonClasses('ghost', 'sm')} />
            </li>
            {user ? (
              <li>
                <Link href="/dashboard" className={buttonClasses('ghost', 'sm')}>
                  {t('dashboard')}
                </Link>
              </li>
            ) : null}
            {user?.role === 'admin' ? (
              // Phones: admins reach the admin area from the dashboard's navigation.
              <li className="hidden sm:block">
                <Link href="/admin" className={buttonClasses('ghost', 'sm')}>
                  {t('admin')}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
          <LocaleSwitcher label={tl('label')} locale={locale} switchLocale={switchLocale} />
          {user ? (
            <form action={signOut}>
              <button type="submit" className={buttonClasses('secondary', 'sm')} title={t('signedInAs', { email: user.email })}>
                {t('signOut')}
              </button>
            </form>
          ) : (
            <>
              <Link href="/sign-in" className={buttonClasses('ghost', 'sm')}>
                {t('signIn')}
              </Link>
              <Link href="/sign-up" className={buttonClasses('primary', 'sm', 'hidden min-[420px]:inline-flex')}>
                {t('signUp')}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
