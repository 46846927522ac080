'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { env } from '~/env';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getLocale, getTranslations } from 'next-intl/server';
import { signUpInputSchema } from '~/server/domain/accounts/schemas';
import { registerAccount } from '~/server/domain/accounts/register';
import { acceptInvite, acceptInviteInputSchema } from '~/server/domain/accounts/team';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { changePassword, PasswordChangeRefused } from '~/server/domain/accounts/password-change';
import { getCurrentUser } from '~/server/transport/auth/current-user';
import { createCheckoutSession } from '~/server/domain/billing/checkout';
import { billingConfigFromEnv } from '~/server/domain/billing/config';
import { BILLING_INTERVALS, PLANS } from '~/server/domain/billing/pricing';
import { getStripe, signupTrial } from '~/server/domain/billing/stripe';
import { signIn } from '~/server/transport/auth/next-auth';
import { getDb } from '~/server/infra/db/client';
import { isAppError, safeErrorSummary } from '~/server/errors';
import { signupRequestContext } from '~/server/transport/auth/request-context';
import { safeReturnPath } from '~/server/transport/auth/return-path';
import { clientIp } from '~/server/transport/rest/client-ip';
import { logger } from '~/server/infra/logger';
import { getRedis } from '~/server/infra/redis';
import { getRateLimiter } from '~/server/domain/scaling/rate-limit';
import { localizedPath } from '~/i18n/paths';

export type { AuthErrorKey, AuthFormState } from '~/components/auth/auth-forms';
export type { PasswordChangeState } from '~/components/settings/change-password';
import type { PasswordChangeState } from '~/components/settings/change-password';
import type { ForgotState, ResetErrorKey, ResetState } from '~/components/auth/password-reset-forms';
import { requestPasswordReset, resetPassword } from '~/server/domain/accounts/password-reset';
import { createMailTransport } from '~/server/infra/mail/transport';
import type { AuthErrorKey, AuthFormState } from '~/components/auth/auth-forms';

/** Sign-in and sign-up share the strict "auth" rate class, per IP (SPEC H5). */
async function authRateLimited(): Promise<boolean> {
  const ip = clientIp(await headers());
  const decision = await getRateLimiter().check('auth', { ip });
  return !decision.allowed;
}

/** Signs in and redirects to `redirectTo`; `false` signs in without redirecting (the caller does). */
async function signInWithPassword(email: string, password: string, redirectTo: string | false): Promise<AuthFormState> {
  try {
    await signIn('credentials', redirectTo === false ? { email, password, redirect: false } : { email, password, redirectTo });
    return {};
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must propagate.
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { error: code === 'too_many_attempts' ? 'tooManyAttempts' : 'invalidCredentials', email };
    }
    throw error;
  }
}

export async function signInAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const locale = await getLocale();
  const email = String(formData.get('email') ?? '').slice(0, 254);
  const password = String(formData.get('password') ?? '').slice(0, 200);
  const redirectTo = safeReturnPath(formData.get('callbackUrl'), localizedPath('/dashboard', locale));
  if (!email || !password) return { error: 'invalidCredentials', email };
  if (await authRateLimited()) return { error: 'tooManyAttempts', email };
  return signInWithPassword(email, password, redirectTo);
}

const trialChoiceSchema = z.object({ plan: z.enum(PLANS), interval: z.enum(BILLING_INTERVALS) });

const ISSUE_KEYS: Record<string, AuthErrorKey> = {
  name: 'nameRequired',
  email: 'invalidEmail',
};

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const locale = await getLocale();
  const raw = {
    name: String(formData.get('name') ?? ''),
    email: String(formData.get('email') ?? ''),
    password: String(formData.get('password') ?? ''),
    companyName: String(formData.get('companyName') ?? '') || undefined,
    locale,
    source: String(formData.get('utm_source') ?? '') || undefined,
    utmMedium: String(formData.get('utm_medium') ?? '') || undefined,
    utmCampaign: String(formData.get('utm_campaign') ?? '') || undefined,
  };
  const echo = { email: raw.email.slice(0, 254), name: raw.name.slice(0, 100), companyName: raw.companyName?.slice(0, 100) };
  if (await authRateLimited()) return { error: 'tooManyAttempts', ...echo };
  const parsed = signUpInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const error: AuthErrorKey =
      field === 'password'
        ? issue?.code === 'too_big'
          ? 'passwordTooLong'
          : 'passwordTooShort'
        : (ISSUE_KEYS[field] ?? 'generic');
    return { error, ...echo };
  }
  const trial = signupTrial();
  let account: Awaited<ReturnType<typeof registerAccount>>;
  try {
    const context = await signupRequestContext();
    account = await registerAccount({ db: getDb(), redis: getRedis(), log: logger, trial }, { kind: 'password', input: parsed.data }, context);
    if (account.referralUsed) await context.clearReferral();
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') return { error: 'emailTaken', ...echo };
    if (isAppError(error) && error.code === 'TOO_MANY_REQUESTS') return { error: 'tooManyAttempts', ...echo };
    // Class and database code only: never the query, its parameters or what the user typed.
    logger.error({ err: safeErrorSummary(error) }, 'sign-up failed');
    return { error: 'generic', ...echo };
  }
  if (trial === 'now') return signInWithPassword(parsed.data.email, parsed.data.password, localizedPath('/dashboard', locale));
  // "Card required" (decision 019): signed in, the new owner goes straight to Stripe Checkout for
  // the plan picked on /pricing (Starter monthly otherwise); the trial starts when it has a card.
  const signedIn = await signInWithPassword(parsed.data.email, parsed.data.password, false);
  if (signedIn.error) return signedIn;
  redirect(await trialCheckoutUrl(account.userId, { plan: formData.get('plan'), interval: formData.get('interval') }, locale));
}

/** Where a new owner starts the trial: Checkout's page, or Billing (which says why) if Stripe refused. */
async function trialCheckoutUrl(userId: string, picked: { plan: unknown; interval: unknown }, locale: string): Promise<string> {
  const billingPage = localizedPath('/dashboard/billing', locale);
  const choice = trialChoiceSchema.safeParse(picked);
  const { plan, interval } = choice.success ? choice.data : { plan: 'starter' as const, interval: 'month' as const };
  try {
    const db = getDb();
    const user = await loadCurrentUser({ db }, userId);
    if (!user) return billingPage;
    const deps = { db, redis: getRedis(), stripe: getStripe(), config: billingConfigFromEnv(), autoApplyDiscounts: env.PRICING_AUTO_APPLY, ip: clientIp(await headers()), log: logger };
    return (await createCheckoutSession(deps, user, { kind: 'plan', plan, interval })).url;
  } catch (error) {
    logger.warn({ err: safeErrorSummary(error) }, 'sign-up: the trial checkout could not open; sending the owner to Billing');
    return `${billingPage}?plan=${plan}&interval=${interval}`;
  }
}

/** OAuth sign-in with one provider (the page binds the provider and the return path). */
export async function oauthSignInAction(providerId: string, redirectTo: string) {
  const locale = await getLocale();
  await signIn(providerId, { redirectTo: safeReturnPath(redirectTo, localizedPath('/dashboard', locale)) });
}

/**
 * Accepting a team invitation (SPEC P4): creates the account in the inviting workspace, then
 * signs it in. Errors come back as text in the page's language.
 */
export async function acceptInviteAction(token: string, _prev: { error?: string }, formData: FormData): Promise<{ error?: string }> {
  const locale = await getLocale();
  const [ta, ti] = await Promise.all([getTranslations('Auth'), getTranslations('Invite')]);
  if (await authRateLimited()) return { error: ta('errors.tooManyAttempts') };
  const parsed = acceptInviteInputSchema.safeParse({
    token,
    name: String(formData.get('name') ?? '').slice(0, 200),
    password: String(formData.get('password') ?? '').slice(0, 300),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    if (field === 'name') return { error: ta('errors.nameRequired') };
    if (field === 'password') return { error: ta(issue?.code === 'too_big' ? 'errors.passwordTooLong' : 'errors.passwordTooShort') };
    return { error: ti('states.unknown') };
  }
  let email: string;
  try {
    email = (await acceptInvite({ db: getDb() }, parsed.data)).email;
  } catch (error) {
    const reason = isAppError(error) ? error.details?.reason : undefined;
    if (reason === 'taken') return { error: ta('errors.emailTaken') };
    if (reason === 'expired' || reason === 'used' || reason === 'revoked' || reason === 'unknown') return { error: ti(`states.${reason}`) };
    logger.error({ err: safeErrorSummary(error) }, 'invitation acceptance failed');
    return { error: ta('errors.generic') };
  }
  const signedIn = await signInWithPassword(email, parsed.data.password, localizedPath('/dashboard', locale));
  return signedIn.error ? { error: ta(`errors.${signedIn.error}`) } : {};
}

/**
 * Settings: change the password (decision 024). Sessions signed in before the change are signed
 * out at their next request; this browser is signed in again with the new password at once.
 */
export async function changePasswordAction(_prev: PasswordChangeState, formData: FormData): Promise<PasswordChangeState> {
  const user = await getCurrentUser();
  if (!user) return { error: 'signedOut' };
  const currentPassword = String(formData.get('currentPassword') ?? '').slice(0, 201);
  const newPassword = String(formData.get('newPassword') ?? '').slice(0, 201);
  if (newPassword !== String(formData.get('confirmPassword') ?? '').slice(0, 201)) return { error: 'mismatch' };
  if (await authRateLimited()) return { error: 'tooManyAttempts' };
  try {
    await changePassword({ db: getDb() }, user, { currentPassword, newPassword });
  } catch (error) {
    if (error instanceof PasswordChangeRefused) return { error: error.reason };
    logger.error({ err: safeErrorSummary(error) }, 'password change failed');
    return { error: 'generic' };
  }
  const signedIn = await signInWithPassword(user.email, newPassword, false);
  if (signedIn.error) return { error: 'signedOut' };
  // A navigation, not a re-render: the page must be rendered with the new session cookie (the
  // old one was signed out by the change).
  redirect(`${localizedPath('/dashboard/settings', await getLocale())}?password=changed`);
}

/** "Forgot password" (decision 025): the same answer whether or not the address has an account. */
export async function requestPasswordResetAction(_prev: ForgotState, formData: FormData): Promise<ForgotState> {
  const email = String(formData.get('email') ?? '').trim().slice(0, 254);
  if (await authRateLimited()) return { error: 'tooManyAttempts', email };
  try {
    const { mailConfigured } = await requestPasswordReset(
      { db: getDb(), mail: createMailTransport(), appUrl: env.APP_URL, log: logger },
      { email, locale: await getLocale() },
    );
    return mailConfigured ? { sentTo: email.toLowerCase() } : { noMail: true };
  } catch (error) {
    if (isAppError(error) && error.details?.reason === 'invalidEmail') return { error: 'invalidEmail', email };
    logger.error({ err: safeErrorSummary(error) }, 'password reset request failed');
    return { error: 'generic', email };
  }
}

/** The link's form: sets the new password once, then signs this browser in with it. */
export async function resetPasswordAction(token: string, _prev: ResetState, formData: FormData): Promise<ResetState> {
  const locale = await getLocale();
  const newPassword = String(formData.get('newPassword') ?? '').slice(0, 201);
  if (newPassword !== String(formData.get('confirmPassword') ?? '').slice(0, 201)) return { error: 'mismatch' };
  if (await authRateLimited()) return { error: 'tooManyAttempts' };
  let email: string;
  try {
    email = (await resetPassword({ db: getDb() }, { token, newPassword })).email;
  } catch (error) {
    const reason = isAppError(error) ? (error.details?.reason as ResetErrorKey | undefined) : undefined;
    if (reason) return { error: reason };
    logger.error({ err: safeErrorSummary(error) }, 'password reset failed');
    return { error: 'generic' };
  }
  const signedIn = await signInWithPassword(email, newPassword, localizedPath('/dashboard', locale));
  return signedIn.error ? { error: 'generic' } : {};
}
