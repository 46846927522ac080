import 'server-only';
import { forbidden } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { localizedPath } from '~/i18n/paths';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { getCurrentUser } from './current-user';

/** Pages for signed-in users: anonymous visitors go to sign-in and come back afterwards. */
export async function requireUser(returnTo: '/dashboard' | '/admin' | string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const locale = await getLocale();
    const callbackUrl = localizedPath(returnTo, locale);
    redirect(`${localizedPath('/sign-in', locale)}?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }
  return user;
}

/** Admin pages: anonymous -> sign-in, members -> 403. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser('/admin');
  if (user.role !== 'admin') forbidden();
  return user;
}
