import { randomBytes } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { tenants, users } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { hashPassword } from './password';
import { createTenantWithOwner } from './signup';

/**
 * Operator accounts (admins) for a real installation: without the demo data there is no admin
 * at all, and the admin area (reports, marketing approvals, lifecycle, Bull Board) would be out
 * of reach. `npm run admin:create` calls this. Admins share one operators' workspace: the one the
 * first admin is in, or a new one. The password is random and returned once; only its Argon2id
 * hash is stored.
 */
export const createAdminInputSchema = z.strictObject({
  email: z.email('Give a valid e-mail address').max(320),
  name: z.string().trim().min(1).max(120).optional(),
  /** Makes an existing account an admin instead of refusing. */
  promote: z.boolean().default(false),
});

export type CreatedAdmin = { userId: string; tenantId: string; email: string; password: string | null; promoted: boolean };

export async function createAdmin(deps: { db: Db; now?: () => Date }, input: z.input<typeof createAdminInputSchema>): Promise<CreatedAdmin> {
  const parsed = createAdminInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('BAD_REQUEST', parsed.error.issues[0]!.message);
  const { email, name, promote } = parsed.data;
  const normalized = email.toLowerCase();

  const [existing] = await deps.db
    .select({ id: users.id, tenantId: users.tenantId, role: users.role, deletedAt: users.deletedAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${normalized}`)
    .limit(1);
  if (existing) {
    if (existing.deletedAt) throw new AppError('CONFLICT', `The account ${normalized} is being deleted; it cannot become an admin.`);
    if (existing.role === 'admin') throw new AppError('CONFLICT', `${normalized} is already an admin.`);
    if (!promote) {
      throw new AppError('CONFLICT', `An account with ${normalized} already exists. Pass --promote to make it an admin (it keeps its workspace and password).`);
    }
    await deps.db.update(users).set({ role: 'admin' }).where(eq(users.id, existing.id));
    return { userId: existing.id, tenantId: existing.tenantId, email: normalized, password: null, promoted: true };
  }

  const password = randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password);
  const [firstAdmin] = await deps.db
    .select({ tenantId: users.tenantId })
    .from(users)
    .where(sql`${users.role} = 'admin' and ${users.deletedAt} is null`)
    .orderBy(asc(users.createdAt))
    .limit(1);
  const now = deps.now?.() ?? new Date();
  if (firstAdmin) {
    const [user] = await deps.db
      .insert(users)
      .values({ tenantId: firstAdmin.tenantId, name: name ?? null, email: normalized, passwordHash, role: 'admin', createdAt: now })
      .returning({ id: users.id });
    return { userId: user!.id, tenantId: firstAdmin.tenantId, email: normalized, password, promoted: false };
  }
  // The first admin: a workspace for the operators, not a customer on a trial.
  const account = await createTenantWithOwner({ db: deps.db, now: deps.now }, { name: name ?? null, email: normalized, passwordHash, companyName: 'Levqor operations', source: 'admin-cli' });
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ role: 'admin' }).where(eq(users.id, account.userId));
    await tx.update(tenants).set({ status: 'active', plan: 'business', trialEndsAt: null }).where(eq(tenants.id, account.tenantId));
  });
  return { userId: account.userId, tenantId: account.tenantId, email: normalized, password, promoted: false };
}
