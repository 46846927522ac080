import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { users } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { hashPassword, verifyPassword } from './password';
import { passwordSchema } from './schemas';
import type { CurrentUser } from './users';

export const changePasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

/** Why a change was refused: the settings form shows each on its field, in the user's language. */
export type PasswordChangeRefusal = 'noPassword' | 'wrongCurrent' | 'tooShort' | 'tooLong' | 'sameAsCurrent';

export class PasswordChangeRefused extends AppError {
  constructor(readonly reason: PasswordChangeRefusal, message: string) {
    super('BAD_REQUEST', message, { details: { reason } });
  }
}

/**
 * Changes the signed-in user's password (decision 024): the current one again, the new one by
 * the sign-up rules. `password_changed_at` is set in the same statement, so every session that
 * signed in before it is signed out at its next request; the caller signs this browser in again.
 */
export async function changePassword(deps: { db: Db; now?: () => Date }, user: CurrentUser, input: unknown): Promise<{ changedAt: Date }> {
  const parsed = changePasswordInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.path[0] === 'newPassword') {
      throw issue.code === 'too_big'
        ? new PasswordChangeRefused('tooLong', 'The new password can be at most 200 characters.')
        : new PasswordChangeRefused('tooShort', 'The new password needs at least 10 characters.');
    }
    throw new PasswordChangeRefused('wrongCurrent', 'Enter your current password.');
  }
  const { currentPassword, newPassword } = parsed.data;
  const [row] = await deps.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, user.id), isNull(users.deletedAt)))
    .limit(1);
  if (!row) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  if (!row.passwordHash) throw new PasswordChangeRefused('noPassword', 'This account signs in with Google, GitHub or Microsoft and has no password to change.');
  if (!(await verifyPassword(row.passwordHash, currentPassword))) throw new PasswordChangeRefused('wrongCurrent', 'The current password is not right.');
  if (currentPassword === newPassword) throw new PasswordChangeRefused('sameAsCurrent', 'The new password is the same as the current one.');

  const changedAt = deps.now?.() ?? new Date();
  await deps.db
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: changedAt, updatedAt: changedAt })
    .where(eq(users.id, user.id));
  return { changedAt };
}
