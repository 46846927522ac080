'use server';

import { getLocale } from 'next-intl/server';
import { setLocaleInputSchema, setUserLocale } from '~/server/accounts/users';
import { signOut } from '~/server/auth';
import { getCurrentUser } from '~/server/auth/current-user';
import { getDb } from '~/server/db';
import { getPathname } from '~/i18n/navigation';

/** Signs out and lands on the localised home page. */
export async function signOutAction() {
  const locale = await getLocale();
  await signOut({ redirectTo: getPathname({ href: '/', locale }) });
}

/** Remembers a signed-in user's language (the cookie covers visitors). */
export async function saveLocaleAction(locale: string): Promise<{ ok: boolean }> {
  const parsed = setLocaleInputSchema.safeParse({ locale });
  if (!parsed.success) return { ok: false };
  const user = await getCurrentUser();
  if (!user) return { ok: true };
  await setUserLocale({ db: getDb() }, user, parsed.data);
  return { ok: true };
}
