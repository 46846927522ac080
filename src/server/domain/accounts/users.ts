import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { locales } from '~/i18n/routing';
import type { Db } from '~/server/infra/db/client';
import { TENANT_STATES, tenants, users } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';

/** The signed-in user as the server sees them: loaded fresh per request, never from the cookie alone. */
export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  role: 'member' | 'owner' | 'admin';
  locale: string;
  tenantId: string;
};

/**
 * `session`: when the user comes from a session cookie, when that session signed in (ms, the
 * `signedInAt` claim; null for a cookie without it). A session from before the last password
 * change is no session (decision 024). Omitted for callers that did not read a cookie.
 */
export async function loadCurrentUser(deps: { db: Db }, userId: string, session?: { signedInAt: number | null }): Promise<CurrentUser | null> {
  const [row] = await deps.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      tenantId: users.tenantId,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(
      and(
        eq(users.id, userId),
        isNull(users.deletedAt),
        isNull(tenants.deletedAt),
        session === undefined
          ? undefined
          : session.signedInAt === null
            ? isNull(users.passwordChangedAt)
            : or(isNull(users.passwordChangedAt), lte(users.passwordChangedAt, new Date(session.signedInAt))),
      ),
    )
    .limit(1);
  return row ?? null;
}

export const accountSummarySchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(['member', 'owner', 'admin']),
    locale: z.string(),
  }),
  tenant: z.object({
    id: z.string(),
    name: z.string(),
    plan: z.enum(['starter', 'growth', 'pro', 'business']),
    status: z.enum(TENANT_STATES),
    trialEndsAt: z.date().nullable(),
    trialDaysLeft: z.number().int().nullable(),
  }),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export async function getAccountSummary(
  deps: { db: Db; now?: () => Date },
  user: CurrentUser,
): Promise<AccountSummary> {
  const [tenant] = await deps.db
    .select({
      id: tenants.id,
      name: tenants.name,
      plan: tenants.plan,
      status: tenants.status,
      trialEndsAt: tenants.trialEndsAt,
    })
    .from(tenants)
    .where(eq(tenants.id, user.tenantId))
    .limit(1);
  if (!tenant) throw new AppError('NOT_FOUND', 'Workspace not found');
  const now = deps.now?.() ?? new Date();
  const trialDaysLeft =
    tenant.status === 'trialing' && tenant.trialEndsAt
      ? Math.max(0, Math.ceil((tenant.trialEndsAt.getTime() - now.getTime()) / 86_400_000))
      : null;
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale },
    tenant: { ...tenant, trialDaysLeft },
  };
}

export const setLocaleInputSchema = z.strictObject({ locale: z.enum(locales) });

export async function setUserLocale(
  deps: { db: Db },
  user: CurrentUser,
  input: z.infer<typeof setLocaleInputSchema>,
): Promise<{ locale: string }> {
  await deps.db.update(users).set({ locale: input.locale, updatedAt: new Date() }).where(eq(users.id, user.id));
  return { locale: input.locale };
}
