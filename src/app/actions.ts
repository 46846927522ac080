'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { localizedPath } from '~/i18n/paths';
import { LOCALE_COOKIE, routing } from '~/i18n/routing';
import { setLocaleInputSchema, setUserLocale } from '~/server/domain/accounts/users';
import { signOut } from '~/server/transport/auth/next-auth';
import { getCurrentUser } from '~/server/transport/auth/current-user';
import { getDb } from '~/server/infra/db/client';
import { logger } from '~/server/infra/logger';

/** Signs out and lands on the localised home page. */
export async function signOutAction() {
  const locale = await getLocale();
  await signOut({ redirectTo: localizedPath('/', locale) });
}

/** Strips a locale prefix: "/es/dashboard" -> "/dashboard". Only same-site paths are accepted. */
function internalPath(pathname: string): string {
  if (!pathname.startsWith('/') || pathname.startsWith('//') || pathname.includes('\\')) return '/';
  const [, first, ...rest] = pathname.split('/');
  if (first && (routing.locales as readonly string[]).includes(first)) return `/${rest.join('/')}`;
  return pathname;
}

/**
 * Switches language: remembers it in the locale cookie (a year) and, when signed in, on the
 * user (for e-mails and other devices), then reloads the same page in the new language.
 */
export async function switchLocaleAction(locale: string, pathname: string) {
  const parsed = setLocaleInputSchema.safeParse({ locale });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    path: '/',
  });
  try {
    const user = await getCurrentUser();
    if (user) await setUserLocale({ db: getDb() }, user, parsed.data);
  } catch (err) {
    // The page still switches; the stored preference catches up next time.
    logger.warn({ err: { message: (err as Error).message } }, 'could not store the user locale');
  }
  redirect(localizedPath(internalPath(pathname.slice(0, 2000)), parsed.data.locale));
}
