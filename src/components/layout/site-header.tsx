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
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden className="bg-gradient-accent inline-block h-6 w-6 rounded-md" />
          <span className="text-gradient">Levqor</span>
        </Link>
        <nav aria-label={t('main')} className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex items-center gap-1 text-sm">
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
              <li>
                <Link href="/admin" className={buttonClasses('ghost', 'sm')}>
                  {t('admin')}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
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
