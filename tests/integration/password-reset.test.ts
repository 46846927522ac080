import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '~/server/domain/accounts/password';
import { createPasswordReset, inspectPasswordReset, purgeOldResetLinks, requestPasswordReset, resetPassword, RESETS_PER_HOUR } from '~/server/domain/accounts/password-reset';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { passwordResets, users } from '~/server/infra/db/schema';
import { createMailTransport } from '~/server/infra/mail/transport';
import { makeUser, setupTestDeps, uniqueEmail } from '../helpers/deps';
import { startSmtp } from '../helpers/smtp';

/** Decision 025: "forgot password" by a single-use, expiring link; no account enumeration. */
const deps = setupTestDeps();
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.close());

const mailDeps = () => ({ db: deps.db, mail: createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url }), appUrl: 'http://levqor.test' });
const linkIn = (raw: string) => /http:\/\/levqor\.test(\/[a-z]{2})?\/reset-password\/([\w-]{20,})/.exec(raw.replace(/=\r?\n/g, ''));
const reasonOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { details?: { reason?: string } }) => e.details?.reason ?? String(e),
  );

describe('forgot password', () => {
  it('e-mails a link that sets a new password once, signs out older sessions, and cannot be used again', async () => {
    const user = await makeUser(deps.db, { password: 'forgotten-password-1' });
    const before = Date.now() - 1000;
    expect(await requestPasswordReset(mailDeps(), { email: user.email.toUpperCase() })).toEqual({ mailConfigured: true });
    const [mail] = smtp.to(user.email);
    const token = linkIn(mail!.raw)?.[2];
    expect(token).toBeTruthy();
    // Only the hash is stored.
    const rows = await deps.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token!);
    expect(await inspectPasswordReset(deps, token!)).toEqual({ state: 'valid', email: user.email });

    expect(await reasonOf(resetPassword(deps, { token: token!, newPassword: 'short' }))).toBe('tooShort');
    expect(await resetPassword(deps, { token: token!, newPassword: 'remembered-password-2' })).toEqual({ email: user.email });
    const [row] = await deps.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.hash!, 'remembered-password-2')).toBe(true);
    expect(await loadCurrentUser(deps, user.id, { signedInAt: before })).toBeNull();

    expect(await reasonOf(resetPassword(deps, { token: token!, newPassword: 'third-password-3' }))).toBe('used');
    expect(await inspectPasswordReset(deps, token!)).toEqual({ state: 'used', email: null });
  });

  it('answers the same for an unknown address and sends nothing; refuses a malformed one', async () => {
    const nobody = uniqueEmail('nobody');
    expect(await requestPasswordReset(mailDeps(), { email: nobody })).toEqual({ mailConfigured: true });
    expect(smtp.to(nobody)).toHaveLength(0);
    expect(await reasonOf(requestPasswordReset(mailDeps(), { email: 'not an address' }))).toBe('invalidEmail');
  });

  it('expires after an hour; a newer link replaces the older one; at most a few per hour', async () => {
    const user = await makeUser(deps.db, { password: 'forgotten-password-1' });
    const t0 = new Date(Date.UTC(2031, 0, 1, 10));
    const first = await createPasswordReset({ db: deps.db, now: () => t0 }, user.id);
    const second = await createPasswordReset({ db: deps.db, now: () => t0 }, user.id);
    expect((await inspectPasswordReset({ db: deps.db, now: () => t0 }, first.token)).state).toBe('used');
    expect((await inspectPasswordReset({ db: deps.db, now: () => new Date(t0.getTime() + 61 * 60_000) }, second.token)).state).toBe('expired');
    expect(await reasonOf(resetPassword({ db: deps.db, now: () => new Date(t0.getTime() + 61 * 60_000) }, { token: second.token, newPassword: 'a-new-password-9' }))).toBe('expired');
    expect(await reasonOf(resetPassword(deps, { token: 'x'.repeat(43), newPassword: 'a-new-password-9' }))).toBe('unknown');

    const spammed = await makeUser(deps.db, { password: 'forgotten-password-1' });
    for (let i = 0; i < RESETS_PER_HOUR + 2; i++) await requestPasswordReset(mailDeps(), { email: spammed.email });
    expect(smtp.to(spammed.email)).toHaveLength(RESETS_PER_HOUR);
  });

  it('a link used by five requests at once works exactly once', async () => {
    const user = await makeUser(deps.db, { password: 'forgotten-password-1' });
    const { token } = await createPasswordReset(deps, user.id);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => reasonOf(resetPassword(deps, { token, newPassword: `racing-password-${i}` }))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'used')).toHaveLength(4);
  });

  it('without a mail transport says so and stores nothing', async () => {
    const user = await makeUser(deps.db, { password: 'forgotten-password-1' });
    const res = await requestPasswordReset({ db: deps.db, mail: createMailTransport({ resendApiKey: undefined, smtpUrl: undefined }), appUrl: 'http://levqor.test' }, { email: user.email });
    expect(res).toEqual({ mailConfigured: false });
    expect(await deps.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id))).toHaveLength(0);
  });

  it('the daily purge deletes links older than a day, and only those', async () => {
    const user = await makeUser(deps.db, { password: 'forgotten-password-1' });
    // An old link (made "in 2020") and a fresh one of another account; the purge runs on real time.
    await createPasswordReset({ db: deps.db, now: () => new Date(Date.UTC(2020, 0, 1)) }, user.id);
    const fresh = await makeUser(deps.db, { password: 'forgotten-password-1' });
    const { token } = await createPasswordReset(deps, fresh.id);
    expect(await purgeOldResetLinks(deps)).toBeGreaterThanOrEqual(1);
    expect(await deps.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id))).toEqual([]);
    expect((await inspectPasswordReset(deps, token)).state).toBe('valid');
  });
});
