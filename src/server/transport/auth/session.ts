import { getToken } from 'next-auth/jwt';
import { env } from '~/env';
import { loadCurrentUser, type CurrentUser } from '~/server/domain/accounts/users';
import type { Db } from '~/server/infra/db/client';
import { signedInAtOf } from './signed-in-at';

/**
 * The signed-in user of a plain `Request` (REST routes): the Auth.js session cookie is decrypted
 * and checked (signature, expiry) without Next's request scope, and the user is loaded fresh
 * from the database, as tRPC does. Tests mint the cookie with Auth.js's own `encode`.
 */
export async function sessionUserOf(deps: { db: Db }, req: Request): Promise<CurrentUser | null> {
  const token = await getToken({
    req,
    secret: env.AUTH_SECRET,
    secureCookie: env.SECURE_COOKIES,
    logger: { error: () => {}, warn: () => {}, debug: () => {} } as never,
  });
  const userId = typeof token?.sub === 'string' ? token.sub : null;
  if (!userId) return null;
  return loadCurrentUser(deps, userId, { signedInAt: signedInAtOf(token) });
}
