import 'server-only';
import { cookies, headers } from 'next/headers';
import { after } from 'next/server';
import type { RegisterContext } from '~/server/domain/accounts/register';
import { referralCodeFromCookie, REFERRAL_COOKIE } from '~/server/domain/referrals/code';
import { landingVisitFrom, recordLandingVisit } from '~/server/domain/referrals/landing';
import { CONSENT_COOKIE, optionalAllowed } from '~/lib/consent';
import { getDb } from '~/server/infra/db/client';
import { logger } from '~/server/infra/logger';
import { getRedis } from '~/server/infra/redis';
import { clientIp } from '~/server/transport/rest/client-ip';

/**
 * What the sign-up use case needs from the current Next request (server actions, Auth.js
 * callbacks): the caller's IP and the referral code of the attribution cookie, plus a way to
 * clear that cookie once the sign-up used it.
 */
export async function signupRequestContext(): Promise<RegisterContext & { clearReferral: () => Promise<void> }> {
  const [cookieStore, h] = await Promise.all([cookies(), headers()]);
  return {
    ip: clientIp(h),
    refCode: referralCodeFromCookie(cookieStore.get(REFERRAL_COOKIE)?.value),
    clearReferral: async () => {
      try {
        cookieStore.delete(REFERRAL_COOKIE);
      } catch {
        // Not writable here (Auth.js callback during a GET): the cookie expires by itself.
      }
    },
  };
}

/**
 * For the home page (SPEC G2/G4): the referral click and the day's visit are recorded after the
 * response is sent (`after`), so rendering never waits for or fails because of them. The proxy
 * has already set the attribution cookie for a `?ref=` link.
 */
export async function trackLandingVisit(searchParams: Record<string, string | string[] | undefined>): Promise<void> {
  try {
    const [cookieStore, h] = await Promise.all([cookies(), headers()]);
    // Referral attribution needs consent (SPEC P5): without it the visit counts, the click does not.
    const attributed = optionalAllowed(cookieStore.get(CONSENT_COOKIE)?.value);
    const { ref: _ref, ...withoutRef } = searchParams;
    const input = landingVisitFrom({
      attributionCookie: attributed ? cookieStore.get(REFERRAL_COOKIE)?.value : undefined,
      ip: clientIp(h),
      userAgent: h.get('user-agent') ?? '',
      prefetch: Boolean(h.get('next-router-prefetch')) || h.get('purpose') === 'prefetch',
      searchParams: attributed ? searchParams : withoutRef,
    });
    if (!input) return;
    after(async () => {
      try {
        await recordLandingVisit({ db: getDb(), redis: getRedis(), log: logger }, input);
      } catch (error) {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'landing visit not recorded');
      }
    });
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'landing visit not tracked');
  }
}
