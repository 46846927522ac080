import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { localizedPath } from '~/i18n/paths';
import { resolveLocale } from '~/server/domain/marketing/content';
import { CATALOGS, fillMessage } from '~/server/domain/i18n/catalogs';
import type { Db } from '~/server/infra/db/client';
import { passwordResets, tenants, users } from '~/server/infra/db/schema';
import type { Logger } from '~/server/infra/logger';
import type { MailTransport } from '~/server/infra/mail/transport';
import { AppError } from '~/server/errors';
import { hashLinkToken, newLinkToken } from './link-tokens';
import { hashPassword } from './password';
import { emailSchema, passwordSchema } from './schemas';

/**
 * "Forgot password" (decision 025). A request e-mails a link with a random token (only its
 * SHA-256 is stored) that works once, for RESET_TTL_MINUTES; a newer request replaces it. The
 * answer never says whether an account exists. Setting the new password signs out every session
 * from before (decision 024). Without a mail transport an operator prints a link with
 * `npm run password:reset-link`.
 */
export const RESET_TTL_MINUTES = 60;
/** Links sent per account per hour, at most: more requests are answered the same and send nothing. */
export const RESETS_PER_HOUR = 3;

export type ResetState = 'valid' | 'expired' | 'used' | 'unknown';

type Deps = { db: Db; now?: () => Date };

/** A new link for an account; an unused older one stops working. The token is returned once. */
export async function createPasswordReset(deps: Deps, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.now?.() ?? new Date();
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MINUTES * 60_000);
  await deps.db.transaction(async (tx) => {
    // The older link stops working (counted as used: it was replaced); day-old rows go.
    await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, userId), lt(passwordResets.createdAt, new Date(now.getTime() - 86_400_000))));
    await tx.insert(passwordResets).values({ userId, tokenHash: hashLinkToken(token), createdAt: now, expiresAt });
  });
  return { token, expiresAt };
}

export const resetLink = (appUrl: string, token: string, locale: string) =>
  `${appUrl.replace(/\/+$/, '')}${localizedPath(`/reset-password/${token}`, resolveLocale(locale))}`;

/** The account an address belongs to, if it can sign in (not deleted, nor its workspace). */
async function activeAccount(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.deletedAt), isNull(tenants.deletedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * Someone asks for a link for `email`. Always the same answer (no account enumeration):
 * `mailConfigured` only says whether this server can send one at all.
 */
export async function requestPasswordReset(
  deps: Deps & { mail: MailTransport; appUrl: string; log?: Logger },
  input: { email: unknown; locale?: string },
): Promise<{ mailConfigured: boolean }> {
  const mailConfigured = deps.mail.kind !== 'none';
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'Enter a valid e-mail address', { details: { reason: 'invalidEmail' } });
  if (!mailConfigured) return { mailConfigured };
  const account = await activeAccount(deps.db, parsed.data);
  if (!account) return { mailConfigured };
  const now = deps.now?.() ?? new Date();
  const [recent] = await deps.db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, account.id), gt(passwordResets.createdAt, new Date(now.getTime() - 3_600_000))));
  if ((recent?.n ?? 0) >= RESETS_PER_HOUR) return { mailConfigured };
  const { token } = await createPasswordReset(deps, account.id);
  const locale = resolveLocale(account.locale);
  const texts = CATALOGS[locale].PasswordReset.mail;
  const values = { link: resetLink(deps.appUrl, token, locale), minutes: RESET_TTL_MINUTES };
  try {
    await deps.mail.send({
      to: account.email,
      subject: texts.subject,
      text: fillMessage(texts.body, values),
      idempotencyKey: `password-reset-${hashLinkToken(token).slice(0, 32)}`,
    });
  } catch (error) {
    deps.log?.warn({ err: { name: (error as Error).name } }, 'password reset e-mail not sent');
  }
  return { mailConfigured };
}

/** What a link is: still good (with its account's address), expired, used, or not a link at all. */
export async function inspectPasswordReset(deps: Deps, token: string): Promise<{ state: ResetState; email: string | null }> {
  if (token.length < 20 || token.length > 200) return { state: 'unknown', email: null };
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .select({ email: users.email, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt, deletedAt: users.deletedAt })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!row || row.deletedAt) return { state: 'unknown', email: null };
  if (row.usedAt) return { state: 'used', email: null };
  if (row.expiresAt <= now) return { state: 'expired', email: null };
  return { state: 'valid', email: row.email };
}

/**
 * Sets the new password through a link: once (the link is marked used in the same
 * transaction, under a row lock), before it expires. Returns the address to sign in with.
 */
export async function resetPassword(deps: Deps, input: { token: string; newPassword: unknown }): Promise<{ email: string }> {
  const password = passwordSchema.safeParse(input.newPassword);
  if (!password.success) {
    const tooLong = password.error.issues[0]?.code === 'too_big';
    throw new AppError('BAD_REQUEST', tooLong ? 'The new password can be at most 200 characters.' : 'The new password needs at least 10 characters.', {
      details: { reason: tooLong ? 'tooLong' : 'tooShort' },
    });
  }
  const now = deps.now?.() ?? new Date();
  const passwordHash = await hashPassword(password.data);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: passwordResets.id, userId: passwordResets.userId, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt })
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, hashLinkToken(input.token.slice(0, 200))))
      .for('update')
      .limit(1);
    const refuse = (reason: ResetState) => new AppError('BAD_REQUEST', `This link is ${reason === 'unknown' ? 'not valid' : reason}.`, { details: { reason } });
    if (!row) throw refuse('unknown');
    if (row.usedAt) throw refuse('used');
    if (row.expiresAt <= now) throw refuse('expired');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(and(eq(users.id, row.userId), isNull(users.deletedAt)))
      .returning({ email: users.email });
    if (!user) throw refuse('unknown');
    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, row.id));
    return { email: user.email };
  });
}

/** The daily purge deletes reset links older than a day, so one lives two days at most (the privacy page says so). */
export async function purgeOldResetLinks(deps: Deps): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const gone = await deps.db.delete(passwordResets).where(lt(passwordResets.createdAt, new Date(now.getTime() - 86_400_000))).returning({ id: passwordResets.id });
  return gone.length;
}
