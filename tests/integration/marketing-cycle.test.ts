import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray, isNull, lte } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '~/server/infra/db/client';
import { marketingDrafts, tenants } from '~/server/infra/db/schema';
import { pickFeature } from '~/server/domain/marketing/content';
import { runMarketingCycle } from '~/server/domain/marketing/cycle';
import { type MarketingSegment } from '~/server/domain/marketing/segments';
import de from '../../messages/de.json';
import en from '../../messages/en.json';
import ja from '../../messages/ja.json';
import pt from '../../messages/pt.json';
import { setupTestDeps } from '../helpers/deps';

/**
 * The marketing cycle (SPEC J2) against the real test database.
 *
 * The database is shared with other test files whose tenants were created "now" (2026). The
 * cycles here run at a clock far in the future (June 2031), so only the tenants seeded below,
 * dated relative to that clock, can be new sign-ups or active trials; every other file's
 * tenant is inactive by then and lands in winback. Assertions therefore look at the drafts of
 * the seeded tenants (by id) and at totals measured in the same database, never at fixed totals.
 * Each test uses its own cycle day (NOW + 0..2 days), so tests do not see each other's drafts;
 * the seeds keep their segment throughout those days.
 */
const deps = setupTestDeps();
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2031-06-15T09:00:00Z');
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const clock = (days: number) => () => at(days);
const tmp = mkdtempSync(path.join(tmpdir(), 'levqor-marketing-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const logPath = (name: string) => path.join(tmp, name, 'auto_marketing.log');

type Seed = {
  label: string;
  expected: MarketingSegment[];
  locale: string;
  status: 'trialing' | 'active' | 'past_due' | 'canceled' | 'suspended';
  createdAt: Date;
  trialEndsAt?: Date | null;
  lastActivityAt?: Date | null;
  deletedAt?: Date | null;
};

const SEEDS: Seed[] = [
  // A sign-up on its 7-day trial is a new sign-up and an active trial (issue 16 #4).
  { label: 'new sign-up', expected: ['new_signup', 'active_trial'], locale: 'de', status: 'trialing', createdAt: at(-2), trialEndsAt: at(5), lastActivityAt: at(-1) },
  { label: 'new sign-up pt-BR', expected: ['new_signup', 'active_trial'], locale: 'pt-BR', status: 'trialing', createdAt: at(-3), trialEndsAt: at(4), lastActivityAt: null },
  { label: 'new, paid at once', expected: ['new_signup'], locale: 'en', status: 'active', createdAt: at(-1), lastActivityAt: at(-1) },
  { label: 'extended trial', expected: ['active_trial'], locale: 'fr', status: 'trialing', createdAt: at(-10), trialEndsAt: at(10), lastActivityAt: at(-1) },
  // Canceled wins over recent activity.
  { label: 'canceled', expected: ['winback'], locale: 'es', status: 'canceled', createdAt: at(-60), lastActivityAt: at(-1) },
  { label: 'inactive 20 days', expected: ['winback'], locale: 'ja', status: 'active', createdAt: at(-90), lastActivityAt: at(-20) },
  { label: 'never active', expected: ['winback'], locale: 'xx', status: 'active', createdAt: at(-30), lastActivityAt: null },
  { label: 'paying and active', expected: [], locale: 'en', status: 'active', createdAt: at(-90), lastActivityAt: at(-1) },
  { label: 'trial over, active', expected: [], locale: 'en', status: 'trialing', createdAt: at(-10), trialEndsAt: at(-3), lastActivityAt: at(-1) },
  { label: 'soft-deleted', expected: [], locale: 'en', status: 'canceled', createdAt: at(-90), lastActivityAt: at(-20), deletedAt: at(-5) },
];
const expectedDrafts = SEEDS.reduce((n, s) => n + s.expected.length, 0);

async function seedTenants(db: Db) {
  const suffix = randomUUID().slice(0, 8);
  const rows = await db
    .insert(tenants)
    .values(
      SEEDS.map((s) => ({
        name: `Mkt ${s.label} ${suffix}`,
        status: s.status,
        locale: s.locale,
        createdAt: s.createdAt,
        updatedAt: s.createdAt,
        trialEndsAt: s.trialEndsAt ?? null,
        lastActivityAt: s.lastActivityAt ?? null,
        deletedAt: s.deletedAt ?? null,
      })),
    )
    .returning({ id: tenants.id, name: tenants.name });
  return SEEDS.map((s, i) => ({ ...s, id: rows[i]!.id, name: rows[i]!.name }));
}

const seeded = await seedTenants(deps.db);
const seededIds = seeded.map((s) => s.id);
const byLabel = (label: string) => seeded.find((s) => s.label === label)!;

async function draftsOf(cycle: string) {
  return deps.db
    .select()
    .from(marketingDrafts)
    .where(and(eq(marketingDrafts.cycle, cycle), inArray(marketingDrafts.tenantId, seededIds)));
}
async function draftCount(cycle: string) {
  const [row] = await deps.db.select({ n: count() }).from(marketingDrafts).where(eq(marketingDrafts.cycle, cycle));
  return row!.n;
}
async function consideredTenants(now: Date) {
  const [row] = await deps.db
    .select({ n: count() })
    .from(tenants)
    .where(and(isNull(tenants.deletedAt), lte(tenants.createdAt, now)));
  return row!.n;
}
const readLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('marketing cycle (SPEC J2)', () => {
  it('puts each tenant in the segments its rules match and drafts once per tenant and action', async () => {
    const logFile = logPath('segments');
    const before = await draftCount('2031-06-15');
    const result = await runMarketingCycle({ db: deps.db, now: clock(0), logFile });
    expect(result.cycle).toBe('2031-06-15');
    expect(result.dryRun).toBe(false);
    expect(result.logFile).toBe(logFile);

    const drafts = await draftsOf('2031-06-15');
    const segmentsOf = (id: string) => drafts.filter((d) => d.tenantId === id).map((d) => d.segment).sort();
    for (const s of seeded) expect({ tenant: s.label, segments: segmentsOf(s.id) }).toEqual({ tenant: s.label, segments: [...s.expected].sort() });
    expect(drafts).toHaveLength(expectedDrafts);
    const actions = { new_signup: 'welcome_sequence', active_trial: 'nurture_case_study', winback: 'winback' };
    for (const d of drafts) {
      expect(d.action).toBe(actions[d.segment]);
      expect(d.status).toBe('pending_approval');
      expect(d.decidedAt).toBeNull();
      expect(d.sentAt).toBeNull();
    }

    // Totals agree with the database: every considered tenant scanned, one draft per segmented one.
    expect(result.scanned).toBe(await consideredTenants(NOW));
    const segmented = result.segments.new_signup + result.segments.active_trial + result.segments.winback;
    expect(result.created + result.skipped).toBe(segmented);
    expect(result.created).toBe((await draftCount('2031-06-15')) - before);
    expect(result.created).toBeGreaterThanOrEqual(drafts.length);
    // Earlier runs of this file left tenants with the same dates, hence "at least".
    expect(result.segments.new_signup).toBeGreaterThanOrEqual(3);
    expect(result.segments.active_trial).toBeGreaterThanOrEqual(3);
    expect(result.segments.winback).toBeGreaterThanOrEqual(3);
  });

  it('writes drafts in the tenant’s locale (fallback English) that name the tenant and a feature', async () => {
    const drafts = await draftsOf('2031-06-15');
    // Each tenant's first segment's draft (the welcome for new sign-ups).
    const draftOf = (label: string) => drafts.find((d) => d.tenantId === byLabel(label).id && d.segment === byLabel(label).expected[0])!;

    const german = draftOf('new sign-up');
    const t = byLabel('new sign-up');
    const feature = de.MarketingEmails.features[pickFeature('new_signup', t.id) as keyof typeof de.MarketingEmails.features];
    expect(german.locale).toBe('de');
    expect(german.subject).toBe(de.MarketingEmails.welcome_sequence.subject.replace('{tenant}', t.name).replace('{feature}', feature));
    expect(german.subject.startsWith(`Willkommen bei Levqor, ${t.name}`)).toBe(true);
    expect(german.body).toContain(t.name);
    expect(german.body).toContain(feature);

    expect(draftOf('new sign-up pt-BR').locale).toBe('pt');
    expect(draftOf('new sign-up pt-BR').subject.startsWith(pt.MarketingEmails.welcome_sequence.subject.split('{tenant}')[0]!)).toBe(true);
    expect(draftOf('inactive 20 days').locale).toBe('ja');
    expect(draftOf('inactive 20 days').body).toContain(ja.MarketingEmails.winback.body.split('\n')[2]!.slice(0, 8));
    const fallback = draftOf('never active');
    expect(fallback.locale).toBe('en');
    expect(fallback.subject.startsWith(`${byLabel('never active').name}, we’ve missed you`)).toBe(true);
    expect(en.MarketingEmails.winback.subject.startsWith('{tenant}, we’ve missed you')).toBe(true);

    for (const d of drafts) {
      expect(d.subject).not.toMatch(/[{}]/);
      expect(d.body).not.toMatch(/[{}]/);
      expect(d.body).toContain(seeded.find((s) => s.id === d.tenantId)!.name);
    }
  });

  it('appends one JSON line per draft and a summary, without addresses or bodies', async () => {
    const lines = readLines(logPath('segments'));
    const draftLines = lines.filter((l) => l.event === 'draft_created');
    const summary = lines.filter((l) => l.event === 'cycle_summary');
    expect(summary).toHaveLength(1);
    expect(draftLines.length).toBe(summary[0]!.created);
    const mine = draftLines.filter((l) => seededIds.includes(l.tenant_id as string));
    expect(mine).toHaveLength(expectedDrafts);
    for (const line of mine) {
      expect(Object.keys(line).sort()).toEqual(
        ['event', 'ts', 'cycle', 'tenant_id', 'segment', 'action', 'locale', 'subject_length', 'body_length'].sort(),
      );
      expect(line).toMatchObject({ cycle: '2031-06-15', ts: NOW.toISOString() });
      expect(line.subject_length).toBeGreaterThan(10);
      expect(line.body_length).toBeGreaterThan(100);
    }
    expect(Object.keys(summary[0]!).sort()).toEqual(['event', 'ts', 'cycle', 'scanned', 'segments', 'created', 'skipped'].sort());
    expect(summary[0]).toMatchObject({ cycle: '2031-06-15', scanned: expect.any(Number) as number });
    const text = readFileSync(logPath('segments'), 'utf8');
    expect(text).not.toContain('@');
    for (const s of seeded) expect(text).not.toContain(s.name);
    expect(text).not.toContain('Levqor team');
  });

  it('creates nothing on a second run the same day (retry), only a summary line', async () => {
    const before = await draftCount('2031-06-15');
    const logFile = logPath('segments');
    const linesBefore = readLines(logFile).length;
    // Later the same day (Europe/London): the same cycle.
    const again = await runMarketingCycle({ db: deps.db, now: () => new Date(NOW.getTime() + 6 * 3600 * 1000), logFile });
    expect(again.cycle).toBe('2031-06-15');
    expect(again.created).toBe(0);
    expect(again.skipped).toBe(again.segments.new_signup + again.segments.active_trial + again.segments.winback);
    expect(again.skipped).toBeGreaterThan(0);
    expect(await draftCount('2031-06-15')).toBe(before);
    const added = readLines(logFile).slice(linesBefore);
    expect(added.map((l) => l.event)).toEqual(['cycle_summary']);
  });

  it('two concurrent runs of the same cycle create each draft once', async () => {
    const logFile = logPath('concurrent');
    const before = await draftCount('2031-06-16');
    const [a, b] = await Promise.all([
      runMarketingCycle({ db: deps.db, now: clock(1), logFile }, { batchSize: 3 }),
      runMarketingCycle({ db: deps.db, now: clock(1), logFile }, { batchSize: 3 }),
    ]);
    expect(a.cycle).toBe('2031-06-16');
    const total = (await draftCount('2031-06-16')) - before;
    expect(a.created + b.created).toBe(total);
    expect(a.created + a.skipped).toBe(b.created + b.skipped);
    expect(a.created + a.skipped).toBe(a.segments.new_signup + a.segments.active_trial + a.segments.winback);
    expect(total).toBeGreaterThanOrEqual(6);
    const drafts = await draftsOf('2031-06-16');
    expect(drafts).toHaveLength(expectedDrafts);
    expect(new Set(drafts.map((d) => `${d.tenantId}/${d.action}`)).size).toBe(drafts.length);
    // The log holds one line per draft actually created, whichever run created it.
    const lines = readLines(logFile);
    expect(lines.filter((l) => l.event === 'draft_created')).toHaveLength(total);
    expect(lines.filter((l) => l.event === 'cycle_summary')).toHaveLength(2);
  });

  it('dry run computes the same counts and writes nothing; batches of 3 give the same result', async () => {
    const logFile = logPath('dry');
    const before = await draftCount('2031-06-17');
    const progress: [number, string][] = [];
    const dryDefault = await runMarketingCycle({ db: deps.db, now: clock(2), logFile }, { dryRun: true });
    const dry3 = await runMarketingCycle(
      { db: deps.db, now: clock(2), logFile },
      { dryRun: true, batchSize: 3, onProgress: (pct, step) => progress.push([pct, step]) },
    );
    expect(dryDefault).toMatchObject({ cycle: '2031-06-17', dryRun: true, logFile: null });
    expect(dryDefault.created).toBeGreaterThanOrEqual(6);
    expect(dry3).toEqual(dryDefault);
    expect(await draftCount('2031-06-17')).toBe(before);
    expect(await draftsOf('2031-06-17')).toHaveLength(0);
    expect(existsSync(logFile)).toBe(false);
    expect(existsSync(path.dirname(logFile))).toBe(false);

    // Progress per batch of 3, increasing, ending at 100.
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(dry3.scanned / 3));
    const pcts = progress.map(([p]) => p);
    expect(pcts).toEqual([...pcts].sort((x, y) => x - y));
    expect(pcts.at(-1)).toBe(100);

    const real = await runMarketingCycle({ db: deps.db, now: clock(2), logFile }, { batchSize: 3 });
    expect({ ...real, logFile: null, dryRun: true }).toEqual(dryDefault);
    expect(await draftCount('2031-06-17')).toBe(before + dryDefault.created);
    const byBatch3 = new Map((await draftsOf('2031-06-17')).map((d) => [d.tenantId, d.segment]));
    const byDefault = new Map((await draftsOf('2031-06-15')).map((d) => [d.tenantId, d.segment]));
    expect(byBatch3).toEqual(byDefault);

    // A dry run after the real one: everything exists already.
    const dryAfter = await runMarketingCycle({ db: deps.db, now: clock(2), logFile }, { dryRun: true });
    expect(dryAfter).toMatchObject({ created: 0, skipped: real.created + real.skipped });
  });

  it('dates the cycle in Europe/London and skips tenants created after the clock', async () => {
    // 23:30 UTC on 17 June 2031 is 00:30 on the 18th in London (BST).
    const late = new Date('2031-06-17T23:30:00Z');
    const result = await runMarketingCycle({ db: deps.db, now: () => late }, { dryRun: true });
    expect(result.cycle).toBe('2031-06-18');
    const early = await runMarketingCycle({ db: deps.db, now: () => new Date('2020-01-01T00:00:00Z') }, { dryRun: true });
    expect(early).toMatchObject({ scanned: 0, created: 0 });
  });

  it('rejects a batch size out of range', async () => {
    await expect(runMarketingCycle({ db: deps.db, now: clock(3) }, { dryRun: true, batchSize: 0 })).rejects.toThrow();
  });
});
