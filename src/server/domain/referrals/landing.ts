import type { Redis } from 'ioredis';
import { hashIp, ipHashSalt, ipSubject } from '~/server/domain/abuse/hash';
import type { Db } from '~/server/infra/db/client';
import { logger, type Logger } from '~/server/infra/logger';
import { redisKey } from '~/server/infra/redis';
import { normaliseUtm, recordGrowthEvent } from '../growth/events';
import { normaliseReferralCode, parseReferralCookie } from './code';
import { recordReferralClick, utcDay, type ClickResult } from './referrals';

/**
 * A visitor landing on the home page (SPEC G2/G4): a referral click when the query has `ref`,
 * and a 'visit' growth event (once per visitor and UTC day) with its utm source — 'referral'
 * for a referral link without one, else 'direct'. Nothing here stores an IP: visitors are
 * known by a salted hash of the first-party visitor id in the attribution cookie or, without
 * one, of IP + user agent.
 */
export type LandingDeps = { db: Db; redis?: Redis | null; now?: () => Date; log?: Pick<Logger, 'warn'> };

export function visitorHash(
  input: { visitorId?: string | null; ip?: string | null; userAgent?: string | null },
  salt: string = ipHashSalt(),
): string {
  if (input.visitorId) return hashIp(`visitor:${input.visitorId}`, salt);
  return hashIp(`ipua:${ipSubject(input.ip) ?? ''}|${(input.userAgent ?? '').slice(0, 512)}`, salt);
}

const VISIT_DEDUPE_SECONDS = 2 * 24 * 60 * 60;

export type LandingInput = {
  visitorHash: string;
  ref?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
};

export async function recordLandingVisit(
  deps: LandingDeps,
  input: LandingInput,
): Promise<{ click: ClickResult | null; visit: boolean }> {
  const now = deps.now?.() ?? new Date();
  const code = normaliseReferralCode(input.ref);
  const click = code ? await recordReferralClick(deps, { code, visitorHash: input.visitorHash }) : null;

  // One visit per visitor and day. Without Redis the visit is recorded anyway (over- rather
  // than under-counting while Redis is down).
  let first = true;
  if (deps.redis) {
    try {
      const key = redisKey('growth', 'visit', utcDay(now), input.visitorHash);
      first = (await deps.redis.set(key, '1', 'EX', VISIT_DEDUPE_SECONDS, 'NX')) === 'OK';
    } catch (error) {
      (deps.log ?? logger).warn({ err: error instanceof Error ? error.message : String(error) }, 'visit dedupe unavailable');
    }
  }
  if (!first) return { click, visit: false };
  await recordGrowthEvent(deps, {
    type: 'visit',
    visitorHash: input.visitorHash,
    source: normaliseUtm(input.utmSource) ?? (code ? 'referral' : 'direct'),
    utmMedium: input.utmMedium,
    utmCampaign: input.utmCampaign,
    occurredAt: now,
  });
  return { click, visit: true };
}

type SearchParams = Record<string, string | string[] | undefined>;
const BOT = /bot|crawler|spider|slurp|facebookexternalhit|preview/i;

const firstParam = (sp: SearchParams, key: string): string | undefined => {
  const v = sp[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.length <= 200 ? s : undefined;
};

/**
 * What a home-page view counts as (SPEC G2/G4), from what the transport read off the request:
 * nothing for bots and prefetches; otherwise the visitor (attribution cookie's visitor id, else a
 * salted hash of IP and user agent) with the referral code and utm tags of the link.
 */
export function landingVisitFrom(request: {
  attributionCookie: string | null | undefined;
  ip: string | null;
  userAgent: string;
  prefetch: boolean;
  searchParams: SearchParams;
}): LandingInput | null {
  if (BOT.test(request.userAgent) || request.prefetch) return null;
  const attribution = parseReferralCookie(request.attributionCookie);
  const sp = request.searchParams;
  return {
    visitorHash: visitorHash({ visitorId: attribution?.visitorId, ip: request.ip, userAgent: request.userAgent }),
    ref: firstParam(sp, 'ref'),
    utmSource: firstParam(sp, 'utm_source'),
    utmMedium: firstParam(sp, 'utm_medium'),
    utmCampaign: firstParam(sp, 'utm_campaign'),
  };
}
