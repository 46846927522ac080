import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '~/server/infra/db/client';
import { marketingDrafts, tenants, users } from '~/server/infra/db/schema';
import { createMailTransport, type MailTransport } from '~/server/infra/mail/transport';
import { decideDrafts, listDrafts, sendApprovedDrafts } from '~/server/domain/marketing/drafts';
import { decideDraftsInputSchema } from '~/server/domain/marketing/schemas';
import { renderDraft } from '~/server/domain/marketing/content';
import { runMarketingCycle } from '~/server/domain/marketing/cycle';
import { type MarketingSegment } from '~/server/domain/marketing/segments';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { startSmtp as startSmtpServer } from '../helpers/smtp';

/**
 * Approval of marketing drafts (SPEC J2, DEV_SAFETY §2): nothing is sent without an admin's
 * approval and a transport; with SMTP (a local smtp-server) or Resend (the real SDK against a
 * local HTTP server speaking POST /emails) each approved draft is sent exactly once, to the
 * tenant's owner (else its earliest user).
 */
const deps = setupTestDeps();
const DAY = 24 * 60 * 60 * 1000;
const tmp = mkdtempSync(path.join(tmpdir(), 'levqor-marketing-approval-'));
const cleanups: (() => Promise<unknown> | unknown)[] = [() => rmSync(tmp, { recursive: true, force: true })];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

// ---- local mail servers ----

const startSmtp = () => startSmtpServer(cleanups);

async function startResend() {
  const requests: { path: string; headers: IncomingMessage['headers']; body: { to?: string[]; subject?: string; text?: string; from?: string } }[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ path: `${req.method} ${req.url}`, headers: req.headers, body: JSON.parse(data || '{}') as (typeof requests)[number]['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `re_${requests.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return { requests, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Header value with RFC 2047 encoded words decoded (nodemailer encodes non-ASCII subjects). */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  const value = line.slice(name.length + 1).trim().replace(/\?=\s+=\?/g, '?==?');
  const bytes: Buffer[] = [];
  let rest = value;
  const word = /^=\?[^?]+\?([QqBb])\?([^?]*)\?=/;
  while (rest.length) {
    const m = word.exec(rest);
    if (m) {
      bytes.push(
        m[1]!.toUpperCase() === 'B'
          ? Buffer.from(m[2]!, 'base64')
          : Buffer.from(m[2]!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'),
      );
      rest = rest.slice(m[0].length);
    } else {
      bytes.push(Buffer.from(rest[0]!, 'utf8'));
      rest = rest.slice(1);
    }
  }
  return Buffer.concat(bytes).toString('utf8');
}

/** The text part, quoted-printable decoded. */
function textBody(raw: string): string {
  const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n').replace(/=\r?\n/g, '');
  return Buffer.from(body.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

// ---- seed ----

const tag = randomUUID().slice(0, 8);
const email = (label: string) => `mkt-${label}-${tag}@example.test`;

async function seedTenant(db: Db, label: string, people: { label: string; role: 'member' | 'owner'; ageDays: number }[], opts: { locale?: string } = {}) {
  const [tenant] = await db
    .insert(tenants)
    .values({ name: `Approval ${label} ${tag}`, status: 'active', locale: opts.locale ?? 'en', lastActivityAt: new Date() })
    .returning({ id: tenants.id, name: tenants.name });
  for (const p of people) {
    await db.insert(users).values({
      tenantId: tenant!.id,
      email: email(p.label),
      role: p.role,
      name: p.label,
      createdAt: new Date(Date.now() - p.ageDays * DAY),
    });
  }
  return tenant!;
}

let cycleCounter = 0;
async function insertDraft(db: Db, tenant: { id: string; name: string }, opts: { status?: 'pending_approval' | 'approved' | 'rejected' | 'sent'; segment?: MarketingSegment; createdAt?: Date } = {}) {
  const segment = opts.segment ?? 'winback';
  const cycle = new Date(Date.UTC(2045, 0, 1) + cycleCounter++ * DAY).toISOString().slice(0, 10);
  const { feature: _feature, ...content } = renderDraft({ tenantId: tenant.id, tenantName: tenant.name, segment, locale: 'en' });
  const [row] = await db
    .insert(marketingDrafts)
    .values({ tenantId: tenant.id, segment, cycle, status: opts.status ?? 'pending_approval', createdAt: opts.createdAt ?? new Date(), ...content })
    .returning();
  return row!;
}

async function statusOf(ids: string[]) {
  const rows = await deps.db.select().from(marketingDrafts).where(inArray(marketingDrafts.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Send passes until nothing approved and sendable is left (other files may leave approved drafts). */
async function drain(mail: MailTransport) {
  for (let i = 0; i < 20; i++) {
    const pass = await sendApprovedDrafts({ db: deps.db, mail }, { limit: 200 });
    if (pass.attempted === 0) return;
  }
}

const admin = await makeUser(deps.db, { role: 'admin' });
const none = createMailTransport({ resendApiKey: undefined, smtpUrl: undefined });
// Owner created after a member: the owner is chosen. Without an owner: the earliest user.
const withOwner = await seedTenant(deps.db, 'with-owner', [
  { label: 'early-member', role: 'member', ageDays: 30 },
  { label: 'owner', role: 'owner', ageDays: 10 },
]);
const withoutOwner = await seedTenant(deps.db, 'no-owner', [
  { label: 'later-member', role: 'member', ageDays: 5 },
  { label: 'first-member', role: 'member', ageDays: 20 },
]);
const plain = await seedTenant(deps.db, 'plain', [{ label: 'plain-owner', role: 'owner', ageDays: 1 }]);

describe('marketing drafts: list and decide (SPEC J2)', () => {
  it('lists drafts newest first with the tenant name, filtered by status and segment', async () => {
    // A century ahead of the real clock, a millisecond apart: at the top of the list.
    const base = Date.now() + 100 * 365 * DAY;
    const older = await insertDraft(deps.db, plain, { segment: 'active_trial', createdAt: new Date(base) });
    const newer = await insertDraft(deps.db, plain, { segment: 'active_trial', createdAt: new Date(base + 1) });
    await insertDraft(deps.db, plain, { segment: 'new_signup', createdAt: new Date(base + 2) });
    const list = await listDrafts(deps, { status: 'pending_approval', segment: 'active_trial', limit: 100, offset: 0 });
    const times = list.items.map((d) => d.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(list.items.every((d) => d.status === 'pending_approval' && d.segment === 'active_trial')).toBe(true);
    const ids = list.items.map((d) => d.id);
    expect(ids).toContain(newer.id);
    expect(ids.indexOf(newer.id)).toBe(ids.indexOf(older.id) - 1);
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect(list.items[ids.indexOf(newer.id)]).toMatchObject({
      tenantId: plain.id,
      tenantName: plain.name,
      segment: 'active_trial',
      action: 'nurture_case_study',
      locale: 'en',
      status: 'pending_approval',
      decidedAt: null,
      sentAt: null,
    });
    expect(list.items[ids.indexOf(newer.id)]!.body).toContain(plain.name);
    const page = await listDrafts(deps, { status: 'pending_approval', segment: 'active_trial', limit: 1, offset: ids.indexOf(older.id) });
    expect(page.items.map((d) => d.id)).toEqual([older.id]);
    const all = await listDrafts(deps);
    expect(all.items.length).toBeLessThanOrEqual(50);
  });

  it('validates decision input for the router: 1..200 uuids', () => {
    expect(decideDraftsInputSchema.safeParse({ ids: [], decision: 'approve' }).success).toBe(false);
    expect(decideDraftsInputSchema.safeParse({ ids: ['nope'], decision: 'approve' }).success).toBe(false);
    expect(decideDraftsInputSchema.safeParse({ ids: Array.from({ length: 201 }, () => randomUUID()), decision: 'reject' }).success).toBe(false);
    expect(decideDraftsInputSchema.safeParse({ ids: [randomUUID()], decision: 'send' }).success).toBe(false);
    expect(decideDraftsInputSchema.safeParse({ ids: [randomUUID()], decision: 'approve' }).success).toBe(true);
  });

  it('rejecting marks the draft rejected with who and when, and sends nothing even with a transport', async () => {
    const smtp = await startSmtp();
    const draft = await insertDraft(deps.db, withOwner);
    const now = new Date('2026-12-01T10:00:00Z');
    const result = await decideDrafts(
      { db: deps.db, now: () => now, mail: createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url }) },
      { ids: [draft.id], decision: 'reject', adminUserId: admin.id },
    );
    expect(result).toMatchObject({ decision: 'reject', updated: [draft.id], skipped: [], sent: [], failed: [] });
    const row = (await statusOf([draft.id])).get(draft.id)!;
    expect(row).toMatchObject({ status: 'rejected', decidedBy: admin.id, decidedAt: now, sentAt: null });
    expect(smtp.received).toHaveLength(0);
  });

  it('approving without a transport sends nothing and leaves the draft approved', async () => {
    const draft = await insertDraft(deps.db, plain);
    const result = await decideDrafts({ db: deps.db, mail: none }, { ids: [draft.id], decision: 'approve', adminUserId: admin.id });
    expect(result).toMatchObject({ decision: 'approve', updated: [draft.id], transport: 'none', sent: [], failed: [] });
    const row = (await statusOf([draft.id])).get(draft.id)!;
    expect(row).toMatchObject({ status: 'approved', decidedBy: admin.id, sentAt: null });
    expect(await sendApprovedDrafts({ db: deps.db, mail: none }, { limit: 10 })).toEqual({ transport: 'none', attempted: 0, sent: [], failed: [] });
    expect((await statusOf([draft.id])).get(draft.id)!.status).toBe('approved');
  });

  it('changes nothing for drafts that are not pending approval (or do not exist)', async () => {
    const rejected = await insertDraft(deps.db, plain, { status: 'rejected' });
    const approved = await insertDraft(deps.db, plain, { status: 'approved' });
    const sent = await insertDraft(deps.db, plain, { status: 'sent' });
    const unknown = randomUUID();
    const smtp = await startSmtp();
    const ids = [rejected.id, approved.id, sent.id, unknown, 'not-a-uuid', rejected.id];
    const result = await decideDrafts(
      { db: deps.db, mail: createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url }) },
      { ids, decision: 'approve', adminUserId: admin.id },
    );
    expect(result.updated).toEqual([]);
    expect(result.skipped.sort()).toEqual([rejected.id, approved.id, sent.id, unknown, 'not-a-uuid'].sort());
    expect(result.sent).toEqual([]);
    const rows = await statusOf([rejected.id, approved.id, sent.id]);
    expect(rows.get(rejected.id)).toMatchObject({ status: 'rejected', decidedBy: null });
    expect(rows.get(approved.id)).toMatchObject({ status: 'approved', decidedBy: null, sentAt: null });
    expect(rows.get(sent.id)).toMatchObject({ status: 'sent', decidedBy: null });
    expect(smtp.received).toHaveLength(0);
    const rejectAgain = await decideDrafts({ db: deps.db, mail: none }, { ids: [approved.id], decision: 'reject', adminUserId: admin.id });
    expect(rejectAgain).toMatchObject({ updated: [], skipped: [approved.id] });
  });
});

describe('sending approved drafts (DEV_SAFETY §2)', () => {
  it('with SMTP: a cycle’s drafts, once approved, go out once each to the owner (else earliest user); a second pass sends nothing', async () => {
    const logFile = path.join(tmp, 'cycle', 'auto_marketing.log');
    // Far enough ahead that the seeded tenants (active "now") are inactive: winback drafts.
    const now = new Date('2033-03-01T08:00:00Z');
    await runMarketingCycle({ db: deps.db, now: () => now, logFile });
    const drafts = await deps.db
      .select()
      .from(marketingDrafts)
      .where(and(eq(marketingDrafts.cycle, '2033-03-01'), inArray(marketingDrafts.tenantId, [withOwner.id, withoutOwner.id])));
    expect(drafts).toHaveLength(2);
    expect(drafts.every((d) => d.segment === 'winback' && d.status === 'pending_approval')).toBe(true);

    const smtp = await startSmtp();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url, from: 'Levqor <hello@levqor.test>' });
    const result = await decideDrafts({ db: deps.db, mail }, { ids: drafts.map((d) => d.id), decision: 'approve', adminUserId: admin.id });
    expect(result.transport).toBe('smtp');
    expect(result.failed).toEqual([]);
    expect(result.sent.sort()).toEqual(drafts.map((d) => d.id).sort());

    expect(smtp.received).toHaveLength(2);
    const toOwner = smtp.to(email('owner'));
    const toFirst = smtp.to(email('first-member'));
    expect(toOwner).toHaveLength(1);
    expect(toFirst).toHaveLength(1);
    expect(smtp.to(email('early-member'))).toHaveLength(0);
    expect(smtp.to(email('later-member'))).toHaveLength(0);
    const ownerDraft = drafts.find((d) => d.tenantId === withOwner.id)!;
    expect(header(toOwner[0]!.raw, 'Subject')).toBe(ownerDraft.subject);
    expect(textBody(toOwner[0]!.raw)).toContain(withOwner.name);

    const rows = await statusOf(drafts.map((d) => d.id));
    for (const d of drafts) expect(rows.get(d.id)).toMatchObject({ status: 'sent', decidedBy: admin.id, sentAt: expect.any(Date) as Date });

    await drain(mail);
    const again = await sendApprovedDrafts({ db: deps.db, mail }, { limit: 200 });
    expect(again.sent).not.toContain(ownerDraft.id);
    expect(smtp.to(email('owner'))).toHaveLength(1);
    expect(smtp.to(email('first-member'))).toHaveLength(1);

    // Neither the marketing log nor the app log holds the recipients' addresses.
    const marketingLog = readFileSync(logFile, 'utf8');
    expect(marketingLog).not.toContain('@');
    const appLog = readFileSync(process.env.LOG_FILE!, 'utf8');
    for (const label of ['owner', 'first-member', 'early-member', 'later-member']) expect(appLog).not.toContain(email(label));
  });

  it('sends drafts approved earlier once a transport exists, exactly once even with two concurrent senders', async () => {
    const drafts = await Promise.all([insertDraft(deps.db, withOwner), insertDraft(deps.db, withOwner), insertDraft(deps.db, withoutOwner)]);
    await decideDrafts({ db: deps.db, mail: none }, { ids: drafts.map((d) => d.id), decision: 'approve', adminUserId: admin.id });
    expect([...(await statusOf(drafts.map((d) => d.id))).values()].every((r) => r.status === 'approved')).toBe(true);

    const smtp = await startSmtp();
    const a = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    const b = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    const [ra, rb] = await Promise.all([
      sendApprovedDrafts({ db: deps.db, mail: a }, { limit: 200 }),
      sendApprovedDrafts({ db: deps.db, mail: b }, { limit: 200 }),
    ]);
    await drain(a);
    const mine = drafts.map((d) => d.id);
    const sentByA = ra.sent.filter((id) => mine.includes(id));
    const sentByB = rb.sent.filter((id) => mine.includes(id));
    expect(sentByA.filter((id) => sentByB.includes(id))).toEqual([]);
    expect(smtp.to(email('owner'))).toHaveLength(2);
    expect(smtp.to(email('first-member'))).toHaveLength(1);
    const rows = await statusOf(mine);
    expect([...rows.values()].every((r) => r.status === 'sent' && r.sentAt)).toBe(true);
  });

  it('puts a draft back to approved when sending fails, and reports why', async () => {
    const closed = await startSmtp();
    await closed.close();
    const draft = await insertDraft(deps.db, plain);
    const broken = createMailTransport({ resendApiKey: undefined, smtpUrl: closed.url, timeoutMs: 2000 });
    const result = await decideDrafts({ db: deps.db, mail: broken }, { ids: [draft.id], decision: 'approve', adminUserId: admin.id });
    expect(result.updated).toEqual([draft.id]);
    expect(result.sent).toEqual([]);
    expect(result.failed).toEqual([{ id: draft.id, error: expect.stringContaining('SMTP') as string }]);
    expect((await statusOf([draft.id])).get(draft.id)).toMatchObject({ status: 'approved', sentAt: null });

    const smtp = await startSmtp();
    await drain(createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url }));
    expect(smtp.to(email('plain-owner')).length).toBeGreaterThanOrEqual(1);
    expect((await statusOf([draft.id])).get(draft.id)!.status).toBe('sent');
  });

  it('never sends to a soft-deleted tenant: reported, left approved, skipped by send passes', async () => {
    const gone = await seedTenant(deps.db, 'gone', [{ label: 'gone-owner', role: 'owner', ageDays: 3 }]);
    const draft = await insertDraft(deps.db, gone);
    await deps.db.update(tenants).set({ deletedAt: new Date() }).where(eq(tenants.id, gone.id));
    const smtp = await startSmtp();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    const result = await decideDrafts({ db: deps.db, mail }, { ids: [draft.id], decision: 'approve', adminUserId: admin.id });
    expect(result.failed).toEqual([{ id: draft.id, error: 'The tenant was deleted' }]);
    await drain(mail);
    expect(smtp.to(email('gone-owner'))).toHaveLength(0);
    expect((await statusOf([draft.id])).get(draft.id)!.status).toBe('approved');
  });

  it('with Resend: sends through the real SDK to the owner, with the draft’s subject and body', async () => {
    const resend = await startResend();
    const mail = createMailTransport({ resendApiKey: 're_test_marketing', resendBaseUrl: resend.url, smtpUrl: undefined, from: 'Levqor <hello@levqor.test>' });
    const german = await seedTenant(deps.db, 'resend', [{ label: 'resend-owner', role: 'owner', ageDays: 2 }], { locale: 'de' });
    const draft = await insertDraft(deps.db, german);
    const result = await decideDrafts({ db: deps.db, mail }, { ids: [draft.id], decision: 'approve', adminUserId: admin.id });
    expect(result).toMatchObject({ transport: 'resend', sent: [draft.id], failed: [] });
    const mine = resend.requests.filter((r) => r.body.to?.includes(email('resend-owner')));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.path).toBe('POST /emails');
    expect(mine[0]!.headers.authorization).toBe('Bearer re_test_marketing');
    expect(mine[0]!.headers['idempotency-key']).toBe(`marketing-draft/${draft.id}`);
    expect(mine[0]!.body).toMatchObject({ from: 'Levqor <hello@levqor.test>', to: [email('resend-owner')], subject: draft.subject, text: draft.body });
    expect((await statusOf([draft.id])).get(draft.id)!.status).toBe('sent');
  });
});
