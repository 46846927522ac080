import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTenantWithOwner, signUp } from '~/server/domain/accounts/signup';
import { growthEvents, referralClicks, referralCodes, referrals, tenants, users } from '~/server/infra/db/schema';
import {
  BURST_THRESHOLD,
  completeSignupGrowth,
  getOrCreateReferralCode,
  recordReferralClick,
  recordReferralSignup,
} from '~/server/domain/referrals/referrals';
import { recordLandingVisit } from '~/server/domain/referrals/landing';
import { callerFor, makeUser, setupTestDeps, uniqueEmail, type TestUser } from '../helpers/deps';

const deps = setupTestDeps();

/** A logger that keeps what it was given, to check reasons (and that no e-mail is logged). */
function recordingLog() {
  const lines: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg?: string) => void lines.push({ level, obj, msg });
  return { log: { info: at('info'), warn: at('warn'), error: at('error') } as never, lines };
}

async function codeOf(user: TestUser) {
  return (await callerFor(deps, user).referrals.mine()).code;
}

describe('referral codes (SPEC G2)', () => {
  it('gives each user one code, even to 20 concurrent first calls, and a link under APP_URL', async () => {
    const user = await makeUser(deps.db);
    const api = callerFor(deps, user);
    const results = await Promise.all(Array.from({ length: 20 }, () => api.referrals.mine()));
    const codes = new Set(results.map((r) => r.code));
    expect(codes.size).toBe(1);
    const [code] = [...codes];
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8,}$/);
    expect(results[0]!.link).toBe(`${process.env.APP_URL}/?ref=${code}`);
    const [rows] = await deps.db.select({ n: count() }).from(referralCodes).where(eq(referralCodes.userId, user.id));
    expect(rows!.n).toBe(1);
    // Stable afterwards.
    expect((await api.referrals.mine()).code).toBe(code);
  });

  it('draws another code when one is already taken by someone else', async () => {
    const [a, b] = [await makeUser(deps.db), await makeUser(deps.db)];
    const taken = await codeOf(a);
    const fresh = 'FRESH' + randomUUID().replace(/[^a-hj-km-np-z2-9]/gi, '').toUpperCase().replace(/[01ILO]/g, '').slice(0, 5).padEnd(5, 'Z');
    const draws = [taken, taken, fresh];
    const link = await getOrCreateReferralCode({ db: deps.db, generateCode: () => draws.shift()! }, b);
    expect(link.code).toBe(fresh);
    expect(draws).toEqual([]);
  });
});

describe('referral sign-ups (SPEC G2)', () => {
  it('records 100 concurrent sign-ups with the same code exactly once each', async () => {
    const referrer = await makeUser(deps.db);
    const code = await codeOf(referrer);
    const referred: TestUser[] = [];
    for (let i = 0; i < 100; i += 10) referred.push(...(await Promise.all(Array.from({ length: 10 }, () => makeUser(deps.db)))));

    const { log } = recordingLog();
    const signup = (u: TestUser) => recordReferralSignup({ db: deps.db, log }, { code, userId: u.id, tenantId: u.tenantId, email: u.email });
    const results = await Promise.all(referred.map(signup));
    expect(results.filter((r) => r.recorded)).toHaveLength(100);

    // Again, concurrently: nobody is referred twice.
    const again = await Promise.all(referred.map(signup));
    expect(again.every((r) => !r.recorded && r.reason === 'already_referred')).toBe(true);

    const rows = await deps.db
      .select({ referred: referrals.referredUserId, status: referrals.status, flagReason: referrals.flagReason })
      .from(referrals)
      .where(eq(referrals.referrerUserId, referrer.id));
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.referred)).size).toBe(100);
    // 100 sign-ups within minutes from one link: a burst, flagged for the admins but still counted.
    // Every one of them, however the concurrent checks interleaved.
    expect(rows.filter((r) => r.status === 'flagged' && r.flagReason === 'burst')).toHaveLength(100);

    expect(await callerFor(deps, referrer).referrals.stats()).toEqual({ clicks: 0, signups: 100, conversions: 0 });

    const admin = await makeUser(deps.db, { role: 'admin' });
    const board = await callerFor(deps, admin).referrals.leaderboard({ limit: 100 });
    const mine = board.items.find((r) => r.userId === referrer.id);
    expect(mine).toMatchObject({ code, signups: 100, conversions: 0 });
    expect(mine!.flagged).toBe(100);
    expect(mine!.email).not.toBe(referrer.email);
    expect(mine!.email).toMatch(/^\w\*\*\*@example\.test$/);
  });

  it('flags a burst only from the threshold on, and flags the whole window then', async () => {
    const referrer = await makeUser(deps.db);
    const code = await codeOf(referrer);
    const statuses: string[] = [];
    for (let i = 0; i < BURST_THRESHOLD; i++) {
      const u = await makeUser(deps.db);
      const r = await recordReferralSignup({ db: deps.db }, { code, userId: u.id, tenantId: u.tenantId, email: u.email });
      statuses.push(r.recorded ? r.status : r.reason);
    }
    expect(statuses).toEqual([...Array(BURST_THRESHOLD - 1).fill('signed_up'), 'flagged']);
    const rows = await deps.db.select({ status: referrals.status }).from(referrals).where(eq(referrals.referrerUserId, referrer.id));
    expect(rows.map((r) => r.status)).toEqual(Array(BURST_THRESHOLD).fill('flagged'));
  });

  it('refuses self-referrals: same user, same workspace, same inbox', async () => {
    const referrer = await makeUser(deps.db);
    const code = await codeOf(referrer);
    const { log, lines } = recordingLog();
    const self = await recordReferralSignup({ db: deps.db, log }, { code, userId: referrer.id, tenantId: referrer.tenantId, email: referrer.email });
    expect(self).toEqual({ recorded: false, reason: 'self_referral_user' });

    const [colleague] = await deps.db
      .insert(users)
      .values({ tenantId: referrer.tenantId, email: uniqueEmail('colleague'), role: 'member' })
      .returning();
    const sameTenant = await recordReferralSignup({ db: deps.db, log }, { code, userId: colleague!.id, tenantId: referrer.tenantId, email: colleague!.email });
    expect(sameTenant).toEqual({ recorded: false, reason: 'self_referral_tenant' });

    const [local, domain] = referrer.email.split('@') as [string, string];
    const aliasEmail = `${local.toUpperCase()}+again@${domain}`;
    const twin = await createTenantWithOwner({ db: deps.db }, { name: 'Twin', email: aliasEmail, passwordHash: null });
    const sameInbox = await recordReferralSignup({ db: deps.db, log }, { code, userId: twin.userId, tenantId: twin.tenantId, email: aliasEmail });
    expect(sameInbox).toEqual({ recorded: false, reason: 'self_referral_email' });

    const [n] = await deps.db.select({ n: count() }).from(referrals).where(eq(referrals.referrerUserId, referrer.id));
    expect(n!.n).toBe(0);
    expect(lines.map((l) => l.obj.reason)).toEqual(['self_referral_user', 'self_referral_tenant', 'self_referral_email']);
    expect(JSON.stringify(lines)).not.toContain('@');
  });

  it('refers a user only once, even through a second code', async () => {
    const [first, second, newcomer] = [await makeUser(deps.db), await makeUser(deps.db), await makeUser(deps.db)];
    const input = { userId: newcomer.id, tenantId: newcomer.tenantId, email: newcomer.email };
    expect(await recordReferralSignup({ db: deps.db }, { ...input, code: await codeOf(first) })).toMatchObject({ recorded: true, status: 'signed_up' });
    expect(await recordReferralSignup({ db: deps.db }, { ...input, code: await codeOf(second) })).toEqual({ recorded: false, reason: 'already_referred' });
    const rows = await deps.db.select({ referrer: referrals.referrerUserId }).from(referrals).where(eq(referrals.referredUserId, newcomer.id));
    expect(rows).toEqual([{ referrer: first.id }]);
  });

  it('flags a referral to an alias at the referrer’s domain and lists it for admins', async () => {
    const referrer = await makeUser(deps.db);
    const code = await codeOf(referrer);
    const aliasEmail = `someone+${randomUUID().slice(0, 6)}@example.test`;
    const alias = await createTenantWithOwner({ db: deps.db }, { name: 'Alias', email: aliasEmail, passwordHash: null });
    const result = await recordReferralSignup({ db: deps.db }, { code, userId: alias.userId, tenantId: alias.tenantId, email: aliasEmail });
    expect(result).toMatchObject({ recorded: true, status: 'flagged', flagReason: 'alias_email' });

    const admin = await makeUser(deps.db, { role: 'admin' });
    const flagged = await callerFor(deps, admin).referrals.flagged({ limit: 100, offset: 0 });
    const row = flagged.items.find((r) => r.id === (result as { referralId: string }).referralId);
    expect(row).toMatchObject({ code, flagReason: 'alias_email', referredEmail: 's***@example.test' });
    expect(flagged.total).toBeGreaterThanOrEqual(1);
    // Flagged referrals still count as sign-ups for the referrer.
    expect((await callerFor(deps, referrer).referrals.stats()).signups).toBe(1);

    // Billing marks the referral converted when the referred workspace first pays (as its
    // webhook does): it counts as a conversion and stays on the flagged list.
    await deps.db.update(referrals).set({ status: 'converted', convertedAt: new Date() }).where(eq(referrals.referredTenantId, alias.tenantId));
    expect(await callerFor(deps, referrer).referrals.stats()).toEqual({ clicks: 0, signups: 1, conversions: 1 });
    const again = await callerFor(deps, admin).referrals.flagged({ limit: 100, offset: 0 });
    expect(again.items.find((r) => r.id === row!.id)).toMatchObject({ flagReason: 'alias_email', converted: true });
  });

  it('never blocks sign-up with a bad code, logs the reason without the e-mail, and records growth events', async () => {
    for (const [refCode, reason] of [
      ['not a code!', 'malformed_code'],
      ['ZZZZZZZZ', 'unknown_code'],
    ] as const) {
      const email = uniqueEmail('badcode');
      const account = await signUp({ db: deps.db }, { name: 'Bad Code', email, password: 'a-long-enough-password', locale: 'en' });
      const { log, lines } = recordingLog();
      const result = await completeSignupGrowth({ db: deps.db, log }, { ...account, refCode });
      expect(result.referral).toEqual({ recorded: false, reason });
      expect(lines.find((l) => l.obj.reason === reason)).toBeDefined();
      expect(JSON.stringify(lines)).not.toContain(email);
      expect(JSON.stringify(lines)).not.toContain('@');
      // The account exists and its sign-up and trial start were counted, source 'direct'.
      const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.id, account.userId));
      expect(user).toBeDefined();
      const events = await deps.db
        .select({ type: growthEvents.type, source: growthEvents.source })
        .from(growthEvents)
        .where(eq(growthEvents.tenantId, account.tenantId));
      expect(events.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
        { type: 'signup', source: 'direct' },
        { type: 'trial_start', source: 'direct' },
      ]);
    }
  });

  it('attributes a referred sign-up to the referral source (utm source wins when given)', async () => {
    const referrer = await makeUser(deps.db);
    const code = await codeOf(referrer);
    const plain = await signUp({ db: deps.db }, { name: 'Referred', email: uniqueEmail('referred'), password: 'a-long-enough-password', locale: 'de' });
    expect((await completeSignupGrowth({ db: deps.db }, { ...plain, refCode: code.toLowerCase() })).referral).toMatchObject({ recorded: true });
    const [tenant] = await deps.db.select({ source: tenants.signupSource }).from(tenants).where(eq(tenants.id, plain.tenantId));
    expect(tenant!.source).toBe('referral');
    const sources = await deps.db.select({ source: growthEvents.source }).from(growthEvents).where(eq(growthEvents.tenantId, plain.tenantId));
    expect(sources.map((s) => s.source)).toEqual(['referral', 'referral']);

    const campaign = await signUp(
      { db: deps.db },
      { name: 'Campaign', email: uniqueEmail('campaign'), password: 'a-long-enough-password', locale: 'en', source: 'Newsletter', utmCampaign: 'Spring' },
    );
    await completeSignupGrowth({ db: deps.db }, { ...campaign, refCode: code });
    const events = await deps.db
      .select({ source: growthEvents.source, campaign: growthEvents.utmCampaign })
      .from(growthEvents)
      .where(and(eq(growthEvents.tenantId, campaign.tenantId), eq(growthEvents.type, 'signup')));
    expect(events).toEqual([{ source: 'newsletter', campaign: 'spring' }]);
    expect((await callerFor(deps, referrer).referrals.stats()).signups).toBe(2);
  });
});

describe('referral clicks and visits (SPEC G2)', () => {
  it('counts one click per visitor and day; unknown codes record nothing', async () => {
    const referrer = await makeUser(deps.db);
    const code = await codeOf(referrer);
    const day1 = new Date('2030-03-01T10:00:00Z');
    const day2 = new Date('2030-03-02T09:00:00Z');
    const [v1, v2] = [`v1-${randomUUID()}`, `v2-${randomUUID()}`];
    const click = (visitorHash: string, now: Date, c = code) => recordReferralClick({ db: deps.db, now: () => now }, { code: c, visitorHash });

    expect(await click(v1, day1)).toBe('recorded');
    expect(await click(v1, new Date('2030-03-01T23:59:00Z'))).toBe('duplicate');
    expect(await Promise.all(Array.from({ length: 10 }, () => click(v1, day1)))).toEqual(Array(10).fill('duplicate'));
    expect(await click(v1, day2)).toBe('recorded');
    expect(await click(v2, day1)).toBe('recorded');
    expect(await click(v1, day1, code.toLowerCase())).toBe('duplicate');
    expect(await click(v1, day1, 'ZZZZZZZZ')).toBe('unknown_code');
    expect(await click(v1, day1, 'bad')).toBe('malformed_code');

    const rows = await deps.db.select({ day: referralClicks.day }).from(referralClicks).where(eq(referralClicks.code, code));
    expect(rows.map((r) => r.day).sort()).toEqual(['2030-03-01', '2030-03-01', '2030-03-02']);
    expect((await callerFor(deps, referrer).referrals.stats()).clicks).toBe(3);
  });

  it('records a landing visit once per visitor and day, with its source', async () => {
    const referrer = await makeUser(deps.db);
    const code = await codeOf(referrer);
    const visitorHash = `landing-${randomUUID()}`;
    const now = () => new Date('2030-04-01T12:00:00Z');
    const landing = { db: deps.db, redis: deps.redis, now };
    expect(await recordLandingVisit(landing, { visitorHash, ref: code })).toEqual({ click: 'recorded', visit: true });
    expect(await recordLandingVisit(landing, { visitorHash, ref: code })).toEqual({ click: 'duplicate', visit: false });
    const other = `landing-${randomUUID()}`;
    expect(await recordLandingVisit(landing, { visitorHash: other, utmSource: ' Google ', utmMedium: 'cpc' })).toEqual({ click: null, visit: true });
    const events = await deps.db
      .select({ source: growthEvents.source, medium: growthEvents.utmMedium, visitor: growthEvents.visitorHash, tenant: growthEvents.tenantId })
      .from(growthEvents)
      .where(eq(growthEvents.type, 'visit'));
    expect(events.filter((e) => e.visitor === visitorHash)).toEqual([{ source: 'referral', medium: null, visitor: visitorHash, tenant: null }]);
    expect(events.filter((e) => e.visitor === other)).toEqual([{ source: 'google', medium: 'cpc', visitor: other, tenant: null }]);
  });
});
