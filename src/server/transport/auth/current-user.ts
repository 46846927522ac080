import 'server-only';
import { cache } from 'react';
import { loadCurrentUser, type CurrentUser } from '~/server/domain/accounts/users';
import { getDb } from '~/server/infra/db/client';
import { auth } from './next-auth';

/** The signed-in user for this request (fresh from the database), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadCurrentUser({ db: getDb() }, session.user.id, { signedInAt: session.signedInAt ?? null });
});
