import { and, count, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { env } from '~/env';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { isUniqueViolation } from '~/server/domain/accounts/signup';
import type { Db } from '~/server/infra/db/client';
import { referralClicks, referralCodes, referrals, tenants, users } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { logger, maskEmail, type Logger } from '~/server/infra/logger';
import { recordGrowthEvent } from '../growth/events';
import { generateReferralCode, normaliseReferralCode } from './code';

/**
 * Referrals (SPEC G2). One code per user, created on first use (race-safe); a click per visitor
 * and day; a referral per referred user, recorded once at sign-up, never for oneself. Suspicious
 * referrals are kept but flagged for the admins (see FLAG RULES below).
 */
type Log = Pick<Logger, 'info' | 'warn' | 'error'>;
export type ReferralDeps = {
  db: Db;
  now?: () => Date;
  log?: Log;
  /** Code generator (tests inject collisions); defaults to 8 random unambiguous characters. */
  generateCode?: () => string;
  /** Base of referral links; defaults to APP_URL. */
  appUrl?: string;
};

const MAX_CODE_ATTEMPTS = 8;

export const referralLinkSchema = z.object({ code: z.string(), link: z.string(), createdAt: z.date() });
export type ReferralLink = z.infer<typeof referralLinkSchema>;

export function referralLink(code: string, appUrl: string = env.APP_URL): string {
  return `${appUrl.replace(/\/+$/, '')}/?ref=${encodeURIComponent(code)}`;
}

/**
 * The caller's referral code and link, created on the first call. Concurrent first calls race
 * on the unique index on user_id (INSERT ... ON CONFLICT (user_id) DO NOTHING, then read), so
 * a user ends up with exactly one code; a collision with another user's code is retried.
 */
export async function getOrCreateReferralCode(deps: ReferralDeps, user: Pick<CurrentUser, 'id' | 'tenantId'>): Promise<ReferralLink> {
  const read = async () => {
    const [row] = await deps.db
      .select({ code: referralCodes.code, createdAt: referralCodes.createdAt })
      .from(referralCodes)
      .where(eq(referralCodes.userId, user.id))
      .limit(1);
    return row;
  };
  const toLink = (row: { code: string; createdAt: Date }) => ({ ...row, link: referralLink(row.code, deps.appUrl) });
  const existing = await read();
  if (existing) return toLink(existing);
  const generate = deps.generateCode ?? (() => generateReferralCode());
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
    const code = generate();
    try {
      await deps.db
        .insert(referralCodes)
        .values({ code, userId: user.id, tenantId: user.tenantId, createdAt: deps.now?.() ?? new Date() })
        .onConflictDoNothing({ target: referralCodes.userId });
    } catch (error) {
      // The code itself is taken (primary key): draw another one.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
    const row = await read();
    if (row) return toLink(row);
  }
  (deps.log ?? logger).error({ attempts: MAX_CODE_ATTEMPTS }, 'referral code: no free code found');
  throw new AppError('SERVICE_UNAVAILABLE', 'Your referral link could not be created. Please try again.');
}

export const referralStatsSchema = z.object({
  clicks: z.number().int(),
  signups: z.number().int(),
  conversions: z.number().int(),
});
export type ReferralStats = z.infer<typeof referralStatsSchema>;

/** Clicks on the caller's link, sign-ups through it (flagged ones included) and paying conversions. */
export async function getReferralStats(deps: { db: Db }, user: Pick<CurrentUser, 'id'>): Promise<ReferralStats> {
  const [[clicks], [refs]] = await Promise.all([
    deps.db
      .select({ n: count() })
      .from(referralClicks)
      .innerJoin(referralCodes, eq(referralCodes.code, referralClicks.code))
      .where(eq(referralCodes.userId, user.id)),
    deps.db
      .select({ signups: count(), conversions: count(referrals.convertedAt) })
      .from(referrals)
      .where(eq(referrals.referrerUserId, user.id)),
  ]);
  return { clicks: clicks?.n ?? 0, signups: refs?.signups ?? 0, conversions: refs?.conversions ?? 0 };
}

/** UTC calendar day (YYYY-MM-DD) of an instant: the dedupe period of clicks and visits. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export type ClickResult = 'recorded' | 'duplicate' | 'unknown_code' | 'malformed_code';

/**
 * One click per code, visitor and UTC day (unique index); an unknown code records nothing. The
 * visitor hash is already salted (see landing.ts); no IP reaches this function.
 */
export async function recordReferralClick(
  deps: { db: Db; now?: () => Date },
  input: { code: string; visitorHash: string },
): Promise<ClickResult> {
  const code = normaliseReferralCode(input.code);
  if (!code) return 'malformed_code';
  const day = utcDay(deps.now?.() ?? new Date());
  const inserted = await deps.db.execute<{ id: number }>(sql`
    insert into ${referralClicks} (code, visitor_hash, day)
    select ${referralCodes.code}, ${input.visitorHash}, ${day}::date from ${referralCodes} where ${referralCodes.code} = ${code}
    on conflict (code, visitor_hash, day) do nothing
    returning id`);
  if (inserted.length > 0) return 'recorded';
  const [known] = await deps.db.select({ code: referralCodes.code }).from(referralCodes).where(eq(referralCodes.code, code)).limit(1);
  return known ? 'duplicate' : 'unknown_code';
}

/*
 * FLAG RULES (kept, counted as sign-ups, shown to admins on /admin/referrals):
 * - burst: BURST_THRESHOLD or more referral sign-ups from one referrer within the last
 *   BURST_WINDOW_MINUTES — scripted sign-ups from one link. Every sign-up of the window is
 *   flagged (checked after each insert, so concurrent sign-ups are caught too).
 * - alias_email: the referred e-mail has the referrer's domain and either address uses a '+'
 *   alias (ada+1@x.com referring ada+2@x.com); identical inboxes are refused as self-referral.
 */
export const BURST_THRESHOLD = 5;
export const BURST_WINDOW_MINUTES = 10;
export const FLAG_REASONS = ['burst', 'alias_email'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const REFUSAL_REASONS = [
  'malformed_code',
  'unknown_code',
  'self_referral_user',
  'self_referral_tenant',
  'self_referral_email',
  'already_referred',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type ReferralSignupResult =
  | { recorded: true; referralId: string; status: 'signed_up' | 'flagged'; flagReason: FlagReason | null }
  | { recorded: false; reason: RefusalReason };

/** Split an address; the local part without a '+tag', and without dots for Gmail (same inbox). */
export function canonicalEmail(email: string): { local: string; domain: string; alias: boolean; canonical: string } {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  const rawLocal = at < 0 ? lower : lower.slice(0, at);
  let domain = at < 0 ? '' : lower.slice(at + 1);
  const alias = rawLocal.includes('+');
  let local = rawLocal.split('+')[0] ?? '';
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return { local, domain, alias, canonical: `${local}@${domain}` };
}

/**
 * Records that `userId` (of `tenantId`, with `email`) signed up through `code`. Never throws
 * for a bad code: malformed or unknown codes, self-referrals and second referrals are refused
 * with a reason (logged without any e-mail address). Exactly once per referred user (unique
 * index on referred_user_id, ON CONFLICT DO NOTHING).
 */
export async function recordReferralSignup(
  deps: ReferralDeps,
  input: { code: string | null | undefined; userId: string; tenantId: string; email: string },
): Promise<ReferralSignupResult> {
  const log = deps.log ?? logger;
  const refuse = (reason: RefusalReason, extra: Record<string, unknown> = {}): ReferralSignupResult => {
    log.info({ event: 'referral_ignored', reason, ...extra }, `referral ignored: ${reason}`);
    return { recorded: false, reason };
  };
  const code = normaliseReferralCode(input.code);
  if (!code) return refuse('malformed_code', { codeLength: typeof input.code === 'string' ? input.code.length : 0 });

  const [referrer] = await deps.db
    .select({ userId: referralCodes.userId, tenantId: referralCodes.tenantId, email: users.email })
    .from(referralCodes)
    .innerJoin(users, eq(users.id, referralCodes.userId))
    .where(eq(referralCodes.code, code))
    .limit(1);
  if (!referrer) return refuse('unknown_code', { code });
  if (referrer.userId === input.userId) return refuse('self_referral_user', { code });
  if (referrer.tenantId === input.tenantId) return refuse('self_referral_tenant', { code });
  const mine = canonicalEmail(referrer.email);
  const theirs = canonicalEmail(input.email);
  if (mine.canonical === theirs.canonical) return refuse('self_referral_email', { code });

  const now = deps.now?.() ?? new Date();
  const aliasFlag = mine.domain === theirs.domain && (mine.alias || theirs.alias);
  const [row] = await deps.db
    .insert(referrals)
    .values({
      code,
      referrerUserId: referrer.userId,
      referredUserId: input.userId,
      referredTenantId: input.tenantId,
      status: aliasFlag ? 'flagged' : 'signed_up',
      flagReason: aliasFlag ? 'alias_email' : null,
      createdAt: now,
    })
    .onConflictDoNothing({ target: referrals.referredUserId })
    .returning({ id: referrals.id });
  if (!row) return refuse('already_referred', { code });

  // Burst check after the insert, so concurrent sign-ups see each other: once the window holds
  // BURST_THRESHOLD sign-ups, every still-unflagged one in it is flagged (idempotent).
  let status: 'signed_up' | 'flagged' = aliasFlag ? 'flagged' : 'signed_up';
  let flagReason: FlagReason | null = aliasFlag ? 'alias_email' : null;
  const since = new Date(now.getTime() - BURST_WINDOW_MINUTES * 60_000);
  const inWindow = and(eq(referrals.referrerUserId, referrer.userId), gte(referrals.createdAt, since));
  const [recent] = await deps.db.select({ n: count() }).from(referrals).where(inWindow);
  if ((recent?.n ?? 0) >= BURST_THRESHOLD) {
    const flagged = await deps.db
      .update(referrals)
      .set({ status: 'flagged', flagReason: 'burst' })
      .where(and(inWindow, eq(referrals.status, 'signed_up')))
      .returning({ id: referrals.id });
    if (flagged.some((f) => f.id === row.id)) {
      status = 'flagged';
      flagReason = 'burst';
    }
  }
  log.info({ event: 'referral_recorded', code, status, flagReason }, 'referral recorded');
  return { recorded: true, referralId: row.id, status, flagReason };
}

/**
 * Everything growth does after a successful sign-up, for the sign-up action: the referral (when
 * an attribution code is present) and the 'signup' + 'trial_start' growth events with the
 * tenant's source ('referral' when the referral was recorded and no utm source was given).
 * Never throws: sign-up must not fail because of growth bookkeeping.
 */
export async function completeSignupGrowth(
  deps: ReferralDeps,
  input: { userId: string; tenantId: string; email: string; refCode: string | null | undefined },
): Promise<{ referral: ReferralSignupResult | null }> {
  const log = deps.log ?? logger;
  let referral: ReferralSignupResult | null = null;
  if (input.refCode) {
    try {
      referral = await recordReferralSignup(deps, { code: input.refCode, userId: input.userId, tenantId: input.tenantId, email: input.email });
    } catch (error) {
      log.error({ err: errorSummary(error) }, 'referral sign-up could not be recorded');
    }
  }
  try {
    const [tenant] = await deps.db
      .select({
        status: tenants.status,
        signupSource: tenants.signupSource,
        utmMedium: tenants.utmMedium,
        utmCampaign: tenants.utmCampaign,
      })
      .from(tenants)
      .where(eq(tenants.id, input.tenantId))
      .limit(1);
    if (!tenant) return { referral };
    let source = tenant.signupSource ?? 'direct';
    if (referral?.recorded && source === 'direct') {
      source = 'referral';
      await deps.db.update(tenants).set({ signupSource: source }).where(eq(tenants.id, input.tenantId));
    }
    const occurredAt = deps.now?.() ?? new Date();
    const event = { tenantId: input.tenantId, source, utmMedium: tenant.utmMedium, utmCampaign: tenant.utmCampaign, occurredAt };
    await recordGrowthEvent(deps, { type: 'signup', ...event });
    if (tenant.status === 'trialing') await recordGrowthEvent(deps, { type: 'trial_start', ...event });
  } catch (error) {
    log.error({ err: errorSummary(error) }, 'sign-up growth events could not be recorded');
  }
  return { referral };
}

const errorSummary = (error: unknown) => (error instanceof Error ? { name: error.name, message: error.message } : { value: String(error) });

// ---------------------------------------------------------------------------------------------
// Admin views

export const leaderboardInputSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(20),
    /** Only activity of the last N days; omitted = all time. */
    days: z.number().int().min(1).max(3650).optional(),
  })
  .default({ limit: 20 });

export const leaderboardRowSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  tenantName: z.string(),
  code: z.string(),
  clicks: z.number().int(),
  signups: z.number().int(),
  conversions: z.number().int(),
  flagged: z.number().int(),
});
export const leaderboardOutputSchema = z.object({ items: z.array(leaderboardRowSchema) });

/** Top referrers by sign-ups (then conversions, clicks); e-mails masked. */
export async function getReferralLeaderboard(deps: { db: Db; now?: () => Date }, input: z.infer<typeof leaderboardInputSchema>) {
  const since = input.days ? new Date((deps.now?.() ?? new Date()).getTime() - input.days * 86_400_000) : null;
  const sinceDay = since ? utcDay(since) : null;
  const clickCounts = deps.db
    .select({ code: referralClicks.code, n: count().as('clicks_n') })
    .from(referralClicks)
    .where(sinceDay ? gte(referralClicks.day, sinceDay) : undefined)
    .groupBy(referralClicks.code)
    .as('click_counts');
  const refCounts = deps.db
    .select({
      code: referrals.code,
      signups: count().as('signups_n'),
      conversions: count(referrals.convertedAt).as('conversions_n'),
      // By flag reason, not status: billing turns a flagged referral that pays into 'converted'.
      flagged: sql<number>`count(*) filter (where ${referrals.flagReason} is not null)`.mapWith(Number).as('flagged_n'),
    })
    .from(referrals)
    .where(since ? gte(referrals.createdAt, since) : undefined)
    .groupBy(referrals.code)
    .as('ref_counts');
  const signups = sql<number>`coalesce(${refCounts.signups}, 0)`.mapWith(Number);
  const conversions = sql<number>`coalesce(${refCounts.conversions}, 0)`.mapWith(Number);
  const clicks = sql<number>`coalesce(${clickCounts.n}, 0)`.mapWith(Number);
  const rows = await deps.db
    .select({
      userId: referralCodes.userId,
      name: users.name,
      email: users.email,
      tenantName: tenants.name,
      code: referralCodes.code,
      clicks,
      signups,
      conversions,
      flagged: sql<number>`coalesce(${refCounts.flagged}, 0)`.mapWith(Number),
    })
    .from(referralCodes)
    .innerJoin(users, eq(users.id, referralCodes.userId))
    .innerJoin(tenants, eq(tenants.id, referralCodes.tenantId))
    .leftJoin(refCounts, eq(refCounts.code, referralCodes.code))
    .leftJoin(clickCounts, eq(clickCounts.code, referralCodes.code))
    .where(sql`${refCounts.code} is not null or ${clickCounts.code} is not null`)
    .orderBy(desc(signups), desc(conversions), desc(clicks), referralCodes.code)
    .limit(input.limit);
  return { items: rows.map((r) => ({ ...r, email: maskEmail(r.email) })) };
}

export const flaggedInputSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(25),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .default({ limit: 25, offset: 0 });

export const flaggedRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  referrerName: z.string().nullable(),
  referrerEmail: z.string(),
  referredEmail: z.string(),
  referredTenantName: z.string(),
  flagReason: z.string().nullable(),
  converted: z.boolean(),
  createdAt: z.date(),
});
export const flaggedOutputSchema = z.object({ items: z.array(flaggedRowSchema), total: z.number().int() });

/** Flagged referrals (converted ones included), newest first; e-mails masked (the domain stays visible). */
export async function listFlaggedReferrals(deps: { db: Db }, input: z.infer<typeof flaggedInputSchema>) {
  const referrer = alias(users, 'referrer');
  const referred = alias(users, 'referred');
  // A flag reason stays when billing later marks the referral converted.
  const where = isNotNull(referrals.flagReason);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        id: referrals.id,
        code: referrals.code,
        referrerName: referrer.name,
        referrerEmail: referrer.email,
        referredEmail: referred.email,
        referredTenantName: tenants.name,
        flagReason: referrals.flagReason,
        converted: sql<boolean>`${referrals.convertedAt} is not null`.mapWith(Boolean),
        createdAt: referrals.createdAt,
      })
      .from(referrals)
      .innerJoin(referrer, eq(referrer.id, referrals.referrerUserId))
      .innerJoin(referred, eq(referred.id, referrals.referredUserId))
      .innerJoin(tenants, eq(tenants.id, referrals.referredTenantId))
      .where(where)
      .orderBy(desc(referrals.createdAt), desc(referrals.id))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: count() }).from(referrals).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, referrerEmail: maskEmail(r.referrerEmail), referredEmail: maskEmail(r.referredEmail) })),
    total: total?.n ?? 0,
  };
}
