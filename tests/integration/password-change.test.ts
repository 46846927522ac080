import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as exportRoute } from '~/app/api/me/export-data/route';
import { verifyPassword } from '~/server/domain/accounts/password';
import { changePassword, PasswordChangeRefused } from '~/server/domain/accounts/password-change';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { users } from '~/server/infra/db/schema';
import { createCaller } from '~/server/transport/trpc/root';
import { createInnerTRPCContext } from '~/server/transport/trpc/trpc';
import { makeUser, sessionCookie, setupTestDeps } from '../helpers/deps';

/** Decision 024: changing the password signs out every session that signed in before it. */
const deps = setupTestDeps();
const OLD = 'the-old-password-1';
const NEW = 'the-new-password-2';

const hashOf = async (id: string) => (await deps.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id)))[0]!.h!;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'changed',
    (e: unknown) => (e instanceof PasswordChangeRefused ? e.reason : `unexpected ${String(e)}`),
  );
const exportStatus = async (cookie: string) => {
  const res = await exportRoute(new Request('http://localhost:3000/api/me/export-data', { headers: { cookie } }));
  await res.body?.cancel();
  return res.status;
};

describe('changing the password', () => {
  it('refuses a wrong current password, a short, long or unchanged new one — and changes nothing', async () => {
    const owner = await makeUser(deps.db, { password: OLD });
    const me = (await loadCurrentUser(deps, owner.id))!;
    expect(await refusal(changePassword(deps, me, { currentPassword: 'not-it-at-all', newPassword: NEW }))).toBe('wrongCurrent');
    expect(await refusal(changePassword(deps, me, { currentPassword: OLD, newPassword: 'short' }))).toBe('tooShort');
    expect(await refusal(changePassword(deps, me, { currentPassword: OLD, newPassword: 'x'.repeat(201) }))).toBe('tooLong');
    expect(await refusal(changePassword(deps, me, { currentPassword: OLD, newPassword: OLD }))).toBe('sameAsCurrent');
    expect(await refusal(changePassword(deps, me, { currentPassword: OLD }))).toBe('tooShort');
    expect(await verifyPassword(await hashOf(owner.id), OLD)).toBe(true);
    const [row] = await deps.db.select({ at: users.passwordChangedAt }).from(users).where(eq(users.id, owner.id));
    expect(row!.at).toBeNull();

    const oauth = await makeUser(deps.db);
    expect(await refusal(changePassword(deps, (await loadCurrentUser(deps, oauth.id))!, { currentPassword: 'anything-1', newPassword: NEW }))).toBe('noPassword');
  });

  it('changes it, and signs out sessions from before the change (cookie and tRPC alike), not the one after', async () => {
    const owner = await makeUser(deps.db, { password: OLD });
    const me = (await loadCurrentUser(deps, owner.id))!;
    const before = Date.now() - 60_000;
    const oldCookie = await sessionCookie(owner, { signedInAt: before });
    const legacyCookie = await sessionCookie(owner);
    // Before any change, both sessions work (a token without the claim included).
    expect(await exportStatus(oldCookie)).toBe(200);
    expect(await exportStatus(legacyCookie)).toBe(200);

    const changedAt = new Date(before + 30_000);
    await changePassword({ db: deps.db, now: () => changedAt }, me, { currentPassword: OLD, newPassword: NEW });
    const hash = await hashOf(owner.id);
    expect(await verifyPassword(hash, NEW)).toBe(true);
    expect(await verifyPassword(hash, OLD)).toBe(false);

    expect(await exportStatus(oldCookie)).toBe(401);
    expect(await exportStatus(legacyCookie)).toBe(401);
    expect(await loadCurrentUser(deps, owner.id, { signedInAt: before })).toBeNull();
    expect(await loadCurrentUser(deps, owner.id, { signedInAt: null })).toBeNull();
    const after = changedAt.getTime() + 1;
    expect(await exportStatus(await sessionCookie(owner, { signedInAt: after }))).toBe(200);
    expect(await loadCurrentUser(deps, owner.id, { signedInAt: after })).toMatchObject({ id: owner.id });

    // tRPC reads the same claim from the session: the old session is signed out there too.
    const caller = (signedInAt: number | null) => createCaller(createInnerTRPCContext({ db: deps.db, redis: deps.redis, userId: owner.id, sessionSignedInAt: signedInAt }));
    await expect(caller(before).account.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller(after).account.me()).resolves.toMatchObject({ user: { id: owner.id } });
  });
});
