import { sql } from 'drizzle-orm';
import type { Db } from '~/server/infra/db/client';
import { tenants, users } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { hashPassword } from './password';
import { signUpInputSchema, type SignUpInput } from './schemas';

export const TRIAL_DAYS = 7;

/**
 * `trial`: 'now' starts the 7-day trial at sign-up (a server without Stripe); 'at_checkout'
 * leaves the workspace awaiting a card — Stripe Checkout starts the trial (decision 019).
 */
type Deps = { db: Db; now?: () => Date; trial?: 'now' | 'at_checkout' };

export type NewAccount = { userId: string; tenantId: string; email: string; trialEndsAt: Date | null };

/**
 * Creates a tenant and its owner, in one transaction (SPEC F1/F2), on a 7-day trial or awaiting
 * the card that starts it. Used by the e-mail sign-up and by OAuth first sign-in (without a password).
 */
export async function createTenantWithOwner(
  deps: Deps,
  input: {
    name: string | null;
    email: string;
    passwordHash: string | null;
    companyName?: string;
    locale?: string;
    source?: string;
    utmMedium?: string;
    utmCampaign?: string;
    emailVerified?: Date | null;
    image?: string | null;
  },
): Promise<NewAccount & { user: typeof users.$inferSelect }> {
  const now = deps.now?.() ?? new Date();
  const atCheckout = deps.trial === 'at_checkout';
  const trialEndsAt = atCheckout ? null : new Date(now.getTime() + TRIAL_DAYS * 24 * 60 * 60 * 1000);
  const tenantName = input.companyName?.trim() || `${input.name?.trim() || input.email.split('@')[0]}'s workspace`;
  try {
    return await deps.db.transaction(async (tx) => {
      const [tenant] = await tx
        .insert(tenants)
        .values({
          name: tenantName,
          status: atCheckout ? 'awaiting_card' : 'trialing',
          trialEndsAt,
          locale: input.locale ?? 'en',
          signupSource: input.source ?? 'direct',
          utmSource: input.source,
          utmMedium: input.utmMedium,
          utmCampaign: input.utmCampaign,
          lastActivityAt: now,
          createdAt: now,
        })
        .returning({ id: tenants.id });
      const [user] = await tx
        .insert(users)
        .values({
          tenantId: tenant!.id,
          name: input.name,
          email: input.email.toLowerCase(),
          passwordHash: input.passwordHash,
          role: 'owner',
          locale: input.locale ?? 'en',
          emailVerified: input.emailVerified ?? null,
          image: input.image ?? null,
          createdAt: now,
        })
        .returning();
      return { user: user!, userId: user!.id, tenantId: tenant!.id, email: user!.email, trialEndsAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'An account with this e-mail already exists. Sign in instead.', {
        cause: error,
      });
    }
    throw error;
  }
}

/** E-mail + password sign-up. Validates, hashes, creates tenant + owner. */
export async function signUp(deps: Deps, raw: SignUpInput): Promise<NewAccount> {
  const parsed = signUpInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('UNPROCESSABLE', parsed.error.issues[0]?.message ?? 'Invalid sign-up details');
  }
  const input = parsed.data;
  // Cheap pre-check so a taken e-mail does not cost a password hash; the unique index decides.
  const existing = await deps.db.execute(sql`select 1 from users where lower(email) = ${input.email} limit 1`);
  if (existing.length > 0) {
    throw new AppError('CONFLICT', 'An account with this e-mail already exists. Sign in instead.');
  }
  const passwordHash = await hashPassword(input.password);
  const { user: _user, ...account } = await createTenantWithOwner(deps, { ...input, passwordHash });
  return account;
}

export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
