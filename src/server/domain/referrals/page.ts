import 'server-only';
import { cookies, headers } from 'next/headers';
import { after } from 'next/server';
import { getDb } from '~/server/infra/db/client';
import { clientIp } from '~/server/transport/rest/client-ip';
import { logger } from '~/server/infra/logger';
import { getRedis } from '~/server/infra/redis';
import { completeSignupGrowth } from './referrals';
import { parseReferralCookie, REFERRAL_COOKIE } from './code';
import { recordLandingVisit, visitorHash } from './landing';

type SearchParams = Record<string, string | string[] | undefined>;
const BOT = /bot|crawler|spider|slurp|facebookexternalhit|preview/i;

const first = (sp: SearchParams, key: string): string | undefined => {
  const v = sp[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.length <= 200 ? s : undefined;
};

/**
 * For the home page (SPEC G2/G4): records the referral click and the day's visit after the
 * response is sent (`after`), so rendering never waits for or fails because of it. The proxy
 * has already set the attribution cookie for a `?ref=` link (and passed it on to this request).
 */
export async function trackLandingVisit(searchParams: SearchParams): Promise<void> {
  try {
    const [cookieStore, h] = await Promise.all([cookies(), headers()]);
    const userAgent = h.get('user-agent') ?? '';
    if (BOT.test(userAgent) || h.get('next-router-prefetch') || h.get('purpose') === 'prefetch') return;
    const attribution = parseReferralCookie(cookieStore.get(REFERRAL_COOKIE)?.value);
    const input = {
      visitorHash: visitorHash({ visitorId: attribution?.visitorId, ip: clientIp(h), userAgent }),
      ref: first(searchParams, 'ref'),
      utmSource: first(searchParams, 'utm_source'),
      utmMedium: first(searchParams, 'utm_medium'),
      utmCampaign: first(searchParams, 'utm_campaign'),
    };
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

/**
 * For the sign-up action (SPEC G2): after a successful sign-up, the referral from the
 * attribution cookie (if any) and the 'signup' / 'trial_start' growth events. Never throws; the
 * cookie is cleared once used.
 */
export async function recordSignupGrowth(account: { userId: string; tenantId: string; email: string }): Promise<void> {
  try {
    const cookieStore = await cookies();
    const raw = cookieStore.get(REFERRAL_COOKIE)?.value;
    // A cookie that does not parse is still passed on, so it is refused and logged as malformed.
    const refCode = parseReferralCookie(raw)?.code ?? (raw ? raw.split('.')[0]!.slice(0, 64) : null);
    await completeSignupGrowth({ db: getDb(), log: logger }, { ...account, refCode });
    if (raw) cookieStore.delete(REFERRAL_COOKIE);
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'sign-up growth not recorded');
  }
}
