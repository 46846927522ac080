import { createHash } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { hashIp, ipHashSalt } from '~/server/domain/abuse/hash';
import { monthlyRevenuePence, type Plan } from '~/server/domain/billing/pricing';
import { runMarketingCycle } from '~/server/domain/marketing/cycle';
import { lastCompleteWeek } from '~/server/domain/reports/iso-week';
import { runTenantReports } from '~/server/domain/reports/tenant';
import { runWeeklyReport } from '~/server/domain/reports/weekly';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { closeTicket, contactSupport, openTicket, rateTicket, staffReply } from '~/server/domain/support/tickets';
import { createMailTransport } from '~/server/infra/mail/transport';
import type { Db } from '~/server/infra/db/client';
import {
  growthEvents,
  incidents,
  referralCodes,
  referrals,
  subscriptions,
  tenants,
  tenantTransitions,
  users,
  workflowRuns,
  workflowRunSteps,
  workflowVersions,
} from '~/server/infra/db/schema';

/**
 * A fresh install that looks alive (issue 16): six weeks of history, made once with the demo
 * accounts, so that every surface shows something real on first start — the growth charts and
 * cohorts (visits, sign-ups, trials, conversions, churn and daily activity of ~40 demo
 * workspaces), referrals, runs of the demo workspace's workflows, incidents in the timeline,
 * marketing drafts waiting for approval, and last week's reports (the admins' and each
 * workspace's). Everything goes through the same tables the product writes; the marketing
 * cycle and the reports are the real jobs, run once. Deterministic: the same clock gives the
 * same data. Demo workspaces use @demo.levqor.local addresses and have no password.
 */
/** The demo customer workspace, and (optionally) the admin who answers its support tickets. */
export type DemoWorkspace = { tenantId: string; userId: string; workflowIds: string[]; adminUserId?: string };

const DAY = 86_400_000;
const SOURCES = ['google', 'google', 'newsletter', 'partner-blog', 'direct', 'direct', 'referral'] as const;
const COMPANIES = [
  'Northwind Bakery', 'Bluebird Dental', 'Harbour Lettings', 'Copperleaf Studio', 'Fenwick & Hale', 'Orchard Vets', 'Kestrel Logistics',
  'Pine Street Books', 'Maple Physio', 'Granite Builders', 'Lumen Yoga', 'Tidewater Travel', 'Saffron Kitchen', 'Quayside Legal',
  'Brightpath Tutors', 'Willow Florists', 'Ironbridge Motors', 'Cobalt Cleaners', 'Meadowlark Events', 'Summit Accountants',
  'Riverside Dentistry', 'Atlas Removals', 'Juniper Salon', 'Beacon Insurance', 'Foxglove Gardens', 'Hillcrest Opticians',
  'Wren & Co Interiors', 'Ember Coffee', 'Sterling Recruitment', 'Oakridge Pharmacy', 'Lighthouse Cafe', 'Nimbus IT',
  'Thistle Print', 'Rowan Architects', 'Silverline Fitness', 'Marigold Nursery', 'Harper Photography', 'Glenview Hotel',
  'Bramble Bikes', 'Cedar Vets', 'Puffin Tours', 'Larkspur Law',
];
const PLAN_MIX: Plan[] = ['starter', 'starter', 'growth', 'growth', 'pro', 'business'];

/** A small deterministic generator (mulberry32) so that the demo is the same for the same clock. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hex = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export async function seedDemoHistory(
  db: Db,
  opts: { now: Date; workspace: DemoWorkspace; logsDir: string; days?: number },
): Promise<{ tenants: number; events: number; runs: number; drafts: number; tickets: number }> {
  const now = opts.now;
  const days = opts.days ?? 42;
  const rand = rng(Math.floor(now.getTime() / DAY));
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const salt = ipHashSalt();
  // Day 0 is (days - 1) days ago; the last day is today.
  const startDay = Math.floor(now.getTime() / DAY) - (days - 1);
  const at = (day: number, hour: number) => new Date((startDay + day) * DAY + hour * 3_600_000 + Math.floor(rand() * 3_600_000));
  const events: (typeof growthEvents.$inferInsert)[] = [];

  // Visits: anonymous visitors, most days a few dozen, from the sources above.
  for (let d = 0; d < days; d++) {
    const visits = 14 + Math.floor(rand() * 30) + Math.floor(d / 3);
    for (let v = 0; v < visits; v++) {
      events.push({ type: 'visit', visitorHash: hex(`demo-visitor-${d}-${v}`), source: pick(SOURCES), occurredAt: at(d, 7 + rand() * 14) });
    }
  }

  // The Acme demo workspace's referral code: some demo sign-ups come through it.
  const code = `ACME${hex(opts.workspace.userId).slice(0, 6).toUpperCase()}`;
  await db.insert(referralCodes).values({ code, userId: opts.workspace.userId, tenantId: opts.workspace.tenantId }).onConflictDoNothing();

  // Demo workspaces signing up over the period: trial at sign-up, some convert on day 7, a few churn.
  let created = 0;
  for (let d = 0; d < days - 1 && created < COMPANIES.length; d++) {
    const signups = rand() < 0.35 ? 0 : rand() < 0.75 ? 1 : 2;
    for (let k = 0; k < signups && created < COMPANIES.length; k++) {
      const name = COMPANIES[created]!;
      const n = created++;
      const source = pick(SOURCES);
      const signedUp = at(d, 8 + rand() * 10);
      const trialEnds = new Date(signedUp.getTime() + 7 * DAY);
      const converts = rand() < 0.4;
      const convertedAt = converts ? new Date(trialEnds.getTime() - 3_600_000 * rand()) : null;
      const converted = convertedAt !== null && convertedAt < now;
      const churnedAt = converted && rand() < 0.2 ? new Date(convertedAt.getTime() + (10 + rand() * 10) * DAY) : null;
      const churned = churnedAt !== null && churnedAt < now;
      const trialOver = trialEnds < now;
      const plan = pick(PLAN_MIX);
      const status = churned ? 'canceled' : converted ? 'active' : trialOver ? 'suspended' : 'trialing';
      const [tenant] = await db
        .insert(tenants)
        .values({
          name,
          plan,
          status,
          trialEndsAt: trialEnds,
          locale: pick(['en', 'en', 'en', 'de', 'fr', 'es', 'nl']),
          signupSource: source,
          utmSource: source,
          createdAt: signedUp,
          updatedAt: signedUp,
          lastActivityAt: signedUp,
        })
        .returning({ id: tenants.id });
      const tenantId = tenant!.id;
      const slug = name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
      const [owner] = await db
        .insert(users)
        .values({ tenantId, name: `${name} owner`, email: `owner@${slug}.${hex(opts.workspace.tenantId).slice(0, 6)}.demo.levqor.local`, role: 'owner', passwordHash: null, createdAt: signedUp })
        .returning({ id: users.id });
      const growth = { tenantId, source };
      events.push({ ...growth, type: 'signup', occurredAt: signedUp }, { ...growth, type: 'trial_start', occurredAt: new Date(signedUp.getTime() + 60_000) });
      if (source === 'referral' || n % 7 === 3) {
        await db.insert(referrals).values({
          code,
          referrerUserId: opts.workspace.userId,
          referredUserId: owner!.id,
          referredTenantId: tenantId,
          status: converted ? 'converted' : 'signed_up',
          createdAt: signedUp,
          convertedAt: converted ? convertedAt : null,
        });
      }
      if (converted) {
        events.push({ ...growth, type: 'conversion', amountPence: monthlyRevenuePence(plan, 'month'), occurredAt: convertedAt });
        await db.insert(subscriptions).values({
          tenantId,
          stripeSubscriptionId: `sub_demo_${hex(tenantId).slice(0, 18)}`,
          stripeCustomerId: null,
          plan,
          interval: 'month',
          status: churned ? 'canceled' : 'active',
          currentPeriodEnd: new Date(convertedAt.getTime() + 30 * DAY),
          startedAt: convertedAt,
          canceledAt: churned ? churnedAt : null,
          createdAt: convertedAt,
          updatedAt: churned ? churnedAt : convertedAt,
        });
        await db.insert(tenantTransitions).values({ tenantId, fromStatus: 'trialing', toStatus: 'active', actor: 'stripe', reason: 'subscription active', createdAt: convertedAt });
      } else if (trialOver) {
        await db.insert(tenantTransitions).values({ tenantId, fromStatus: 'trialing', toStatus: 'suspended', actor: 'job', reason: 'trial_expired: the 7-day trial ended without a subscription', createdAt: trialEnds });
      }
      if (churned) {
        events.push({ ...growth, type: 'churn', amountPence: monthlyRevenuePence(plan, 'month'), occurredAt: churnedAt });
        await db.insert(tenantTransitions).values({ tenantId, fromStatus: 'active', toStatus: 'canceled', actor: 'stripe', reason: 'subscription canceled', createdAt: churnedAt });
      }
      // Daily activity: busy during the trial, steady for paying workspaces, fading otherwise.
      const actor = hashIp(`user:${owner!.id}`, salt);
      let last = signedUp;
      for (let day = d; day < days; day++) {
        const when = at(day, 9 + rand() * 8);
        if (when < signedUp || when > now) continue;
        const paying = converted && (!churnedAt || when < churnedAt);
        const inTrial = when < trialEnds;
        if (rand() < (paying ? 0.7 : inTrial ? 0.6 : 0.08)) {
          events.push({ ...growth, type: 'active', visitorHash: actor, occurredAt: when });
          last = when;
        }
      }
      await db.update(tenants).set({ lastActivityAt: last }).where(eq(tenants.id, tenantId));
    }
  }
  for (let i = 0; i < events.length; i += 500) await db.insert(growthEvents).values(events.slice(i, i + 500)).onConflictDoNothing();

  // The Acme workspace's runs over the last two weeks: mostly fine, a few failures to explain.
  let runs = 0;
  for (const workflowId of opts.workspace.workflowIds) {
    const [version] = await db
      .select({ id: workflowVersions.id, version: workflowVersions.version, steps: workflowVersions.steps })
      .from(workflowVersions)
      .where(eq(workflowVersions.workflowId, workflowId))
      .limit(1);
    if (!version) continue;
    const steps = version.steps as { id: string; type: string }[];
    for (let d = days - 14; d < days; d++) {
      const perDay = 1 + Math.floor(rand() * 3);
      for (let r = 0; r < perDay; r++) {
        const queuedAt = at(d, 8 + rand() * 9);
        if (queuedAt > now) continue;
        const fails = rand() < 0.12;
        const failAt = fails ? steps.length - 1 : -1;
        const startedAt = new Date(queuedAt.getTime() + 200);
        const durationMs = 400 + Math.floor(rand() * 2500);
        const finishedAt = new Date(startedAt.getTime() + durationMs);
        const error = fails ? 'HTTP 503 from shop.example.com: Service Unavailable' : null;
        const [run] = await db
          .insert(workflowRuns)
          .values({
            tenantId: opts.workspace.tenantId,
            workflowId,
            versionId: version.id,
            version: version.version,
            trigger: 'manual',
            triggerPayload: {},
            status: fails ? 'failed' : 'succeeded',
            startedBy: opts.workspace.userId,
            dispatches: 1,
            stepAttempts: fails ? failAt + 1 : steps.length,
            error,
            errorStepId: fails ? steps[failAt]!.id : null,
            queuedAt,
            startedAt,
            finishedAt,
            durationMs,
            updatedAt: finishedAt,
          })
          .returning({ id: workflowRuns.id });
        runs++;
        const attempts = steps.slice(0, fails ? failAt + 1 : steps.length).map((s, i) => ({
          tenantId: opts.workspace.tenantId,
          runId: run!.id,
          stepId: s.id,
          stepIndex: i,
          stepType: s.type,
          attempt: 1,
          status: i === failAt ? ('failed' as const) : ('succeeded' as const),
          input: {},
          output: i === failAt ? null : { ok: true },
          error: i === failAt ? error : null,
          retryable: i === failAt ? true : null,
          idempotencyKey: `${run!.id}:${s.id}:1`,
          startedAt: new Date(startedAt.getTime() + i * 50),
          finishedAt: new Date(startedAt.getTime() + i * 50 + 40),
          durationMs: 40,
        }));
        if (attempts.length) await db.insert(workflowRunSteps).values(attempts);
      }
    }
  }

  // A few incidents in the timeline, all resolved.
  await db.insert(incidents).values([
    { check: 'redis', severity: 'major', summary: 'Redis unreachable', openedAt: new Date(now.getTime() - 15 * DAY), resolvedAt: new Date(now.getTime() - 15 * DAY + 6 * 60_000) },
    { check: 'queue', severity: 'major', summary: 'Workers not sending heartbeats', openedAt: new Date(now.getTime() - 9 * DAY), resolvedAt: new Date(now.getTime() - 9 * DAY + 3 * 60_000) },
    { check: 'stripe', severity: 'minor', summary: 'Stripe API unreachable', openedAt: new Date(now.getTime() - 4 * DAY), resolvedAt: new Date(now.getTime() - 4 * DAY + 12 * 60_000) },
  ]);

  // Support (SPEC P6), through the domain on the demo clock: an answered, closed and rated
  // ticket, one waiting for us, and a prospect's message from the contact form.
  const tickets = await seedDemoTickets(db, opts.workspace, now);

  // The real jobs, once: today's marketing drafts, last week's reports.
  const cycle = await runMarketingCycle({ db, now: () => now, logFile: path.join(opts.logsDir, 'auto_marketing.log') });
  const week = lastCompleteWeek(now);
  await runWeeklyReport({ db, now: () => now, reportsDir: opts.logsDir }, { week: week.label });
  await runTenantReports({ db, now: () => now }, { week: week.label });
  return { tenants: created, events: events.length, runs, drafts: cycle.created, tickets };
}

async function seedDemoTickets(db: Db, workspace: DemoWorkspace, now: Date): Promise<number> {
  const user = await loadCurrentUser({ db }, workspace.userId);
  if (!user) return 0;
  const at = (hoursAgo: number) => ({ db, now: () => new Date(now.getTime() - hoursAgo * 3_600_000) });
  const noMail = createMailTransport({ resendApiKey: undefined, smtpUrl: undefined });
  const solved = await openTicket(at(5 * 24), user, {
    subject: 'Webhook answers 401',
    body: 'Our form tool gets 401 Unauthorized when it calls the lead webhook. What does it need?',
  });
  if (workspace.adminUserId) {
    await staffReply({ ...at(5 * 24 - 3), mail: noMail, appUrl: '' }, { id: workspace.adminUserId }, {
      ticketId: solved.id,
      body: 'The webhook needs its secret: send it as "Authorization: Bearer <secret>". You can rotate the secret from the workflow page if it leaked.',
    });
  }
  await closeTicket(at(5 * 24 - 5), user, { ticketId: solved.id });
  await rateTicket(at(5 * 24 - 5), user, { ticketId: solved.id, score: 5 });
  await openTicket(at(3), user, { subject: 'Approval before sending invoices', body: 'Can a manager approve each invoice e-mail before the workflow sends it?' });
  await contactSupport(at(7), {
    name: 'Priya Prospect',
    email: 'priya@prospect.demo.levqor.local',
    subject: 'Before we sign up',
    body: 'Can Levqor call our own API every weekday at 7 and e-mail the finance team the result?',
  });
  return 3;
}
