import type { Redis } from 'ioredis';
import { assertNotBlocked, recordAbuseEvent } from '~/server/domain/abuse/signals';
import { completeSignupGrowth } from '~/server/domain/referrals/referrals';
import type { Db } from '~/server/infra/db/client';
import type { Logger } from '~/server/infra/logger';
import type { SignUpInput } from './schemas';
import { createTenantWithOwner, signUp, type NewAccount } from './signup';

/**
 * The one sign-up use case (SPEC F1, G2, H8), shared by the e-mail sign-up form and by OAuth's
 * first sign-in: refuse a network that abuse signals block (only with ABUSE_ENFORCE), create the
 * tenant on a trial with its owner, record the referral from the attribution (if any) and the
 * growth events — which never fail the sign-up — and count the sign-up for abuse signals.
 * Transports hand in what they read from the request (IP, the referral cookie's code) and clear
 * the cookie when `referralUsed` says so.
 */
export type RegisterDeps = {
  db: Db;
  redis: Redis;
  log: Logger;
  now?: () => Date;
  /** 'at_checkout' when Stripe is configured: the trial starts once Checkout has a card (decision 019). */
  trial: 'now' | 'at_checkout';
};

export type Registration =
  | { kind: 'password'; input: SignUpInput }
  | {
      kind: 'oauth';
      input: { name: string | null; email: string; emailVerified: Date | null; image: string | null };
    };

export type RegisterContext = { ip: string | null; refCode: string | null };

export async function registerAccount(
  deps: RegisterDeps,
  registration: Registration,
  context: RegisterContext,
): Promise<NewAccount & { referralUsed: boolean }> {
  await assertNotBlocked({ redis: deps.redis, log: deps.log }, { ip: context.ip });
  const account =
    registration.kind === 'password'
      ? await signUp({ db: deps.db, now: deps.now, trial: deps.trial }, registration.input)
      : await createTenantWithOwner(
          { db: deps.db, now: deps.now, trial: deps.trial },
          { ...registration.input, passwordHash: null, source: 'oauth' },
        ).then(({ user: _user, ...rest }) => rest);
  await completeSignupGrowth({ db: deps.db, log: deps.log }, { ...account, refCode: context.refCode });
  await recordAbuseEvent({ db: deps.db, redis: deps.redis, log: deps.log }, { kind: 'signup', ip: context.ip });
  return { ...account, referralUsed: context.refCode !== null };
}
