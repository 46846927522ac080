import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appRouter } from '~/server/transport/trpc/root';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { setSecret } from '~/server/domain/secrets/store';
import { acceptInvite, inviteMember } from '~/server/domain/accounts/team';
import { secretsDeps } from '~/server/transport/engine-deps';
import { discountSuggestions, reports, supportMessages, supportTickets, upgradePlans } from '~/server/infra/db/schema';
import { runWeeklyReport } from '~/server/domain/reports/weekly';
import type { Access } from '~/server/transport/trpc/trpc';
import { callerFor, makeUser, setupTestDeps, uniqueEmail, type TestUser } from '../helpers/deps';

/**
 * Walks every procedure of the app router (SPEC §5): each must declare its access level, and
 * anonymous / member / admin / other-tenant callers must be answered as declared. A new
 * procedure fails this test until it is added to CASES with a valid input.
 */
const deps = setupTestDeps();

type Fixtures = { memberA: TestUser; admin: TestUser; memberB: TestUser };
type Case = {
  /** A valid input for a call made by `owner` (defaults to memberA). */
  input?: (f: Fixtures, owner: TestUser) => Promise<unknown> | unknown;
  /** The input names a row of memberA's tenant (a workflow or a run): other tenants must get NOT_FOUND. */
  tenantOwned?: boolean | 'run';
  /**
   * A code the domain may answer an authorised caller with (e.g. billing when Stripe is not
   * configured here): the call passed the access check, the feature itself said no.
   */
  refusal?: string | string[];
};

const newWorkflow = async (f: Fixtures, owner: TestUser) => {
  const created = await callerFor(deps, owner).workflows.create({
    name: 'Matrix workflow',
    steps: [{ id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } }, { id: 'log', name: 'Log', type: 'log', config: { message: 'hi' } }],
  });
  void f;
  return created.id;
};

/** An invitation into u's workspace (made by an owner of it), and a member who accepted one. */
const inviteInto = async (u: TestUser) => {
  const caller = (await loadCurrentUser(deps, u.id))!;
  return inviteMember({ db: deps.db }, { ...caller, role: 'owner' }, { email: uniqueEmail('matrix') });
};
const tokenOf = (link: string | null) => link!.split('/invite/')[1]!;
const memberOf = async (u: TestUser) =>
  (await acceptInvite(deps, { token: tokenOf((await inviteInto(u)).link), name: 'Matrix Member', password: 'matrix-password-1' })).userId;

const newRun = async (f: Fixtures, owner: TestUser, approvalClass: 'A' | 'B' = 'A') => {
  const created = await callerFor(deps, owner).workflows.create({
    name: 'Matrix workflow',
    approvalClass,
    steps: [{ id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } }, { id: 'log', name: 'Log', type: 'log', config: { message: 'hi' } }],
  });
  return (await callerFor(deps, owner).runs.runNow({ workflowId: created.id })).runId;
};

/** A ticket of u's workspace, written directly and dated two hours back (outside the hourly allowance). */
const newTicket = async (u: TestUser, status: 'open' | 'closed' = 'open') => {
  const at = new Date(Date.now() - 2 * 3_600_000);
  const [row] = await deps.db
    .insert(supportTickets)
    .values({ tenantId: u.tenantId, userId: u.id, subject: 'Matrix ticket', plan: 'starter', slaHours: 48, createdAt: at, lastMessageAt: at, status, dueAt: status === 'open' ? new Date(at.getTime() + 48 * 3_600_000) : null, closedAt: status === 'closed' ? at : null })
    .returning({ id: supportTickets.id });
  await deps.db.insert(supportMessages).values({ ticketId: row!.id, author: 'customer', authorUserId: u.id, body: 'A matrix question here.', createdAt: at });
  return row!.id;
};

/** A live upgrade plan with a fingerprint of its own. */
const newPlan = async () => {
  const now = new Date();
  const subject = `matrix-${crypto.randomUUID()}`;
  const [row] = await deps.db
    .insert(upgradePlans)
    .values({ kind: 'repeated_error', subject, fingerprint: `repeated_error:${subject}`, priority: 4, category: 'reliability', risk: 'low', source: 'anomaly:repeated_error', evidence: { occurrences: 3 }, firstSeenAt: now, lastSeenAt: now })
    .returning({ id: upgradePlans.id });
  return row!.id;
};

const CASES: Record<string, Case> = {
  'system.pulse': {},
  'health.summary': {},
  'admin.incidents': { input: () => ({ limit: 5, offset: 0 }) },
  'admin.scaling': {},
  'admin.abuseSignals': { input: () => ({ limit: 5, offset: 0 }) },
  'admin.telemetry': {},
  'admin.runJob': { input: () => ({ job: 'growth-rollup' }) },
  'reports.list': { input: () => ({ limit: 5, offset: 0 }) },
  'reports.mine': {},
  'marketing.drafts': { input: () => ({ limit: 5, offset: 0 }) },
  'marketing.transport': {},
  // An unknown draft id: answered (skipped), nothing changes.
  'marketing.decide': { input: () => ({ ids: [crypto.randomUUID()], decision: 'reject' }) },
  'marketing.sendApproved': { input: () => ({ limit: 1 }) },
  // SPEC G1-G3: the template catalog is public; using one creates a workflow in the caller's tenant.
  'growth.templates': { input: () => ({ category: 'billing', q: 'invoice', locale: 'en' }) },
  'growth.recommended': { input: () => ({ limit: 3 }) },
  'growth.useTemplate': { input: () => ({ templateId: 'lead-form-to-crm', locale: 'en' }) },
  'referrals.mine': {},
  'referrals.stats': {},
  'referrals.leaderboard': { input: () => ({ limit: 5, days: 30 }) },
  'referrals.flagged': { input: () => ({ limit: 5, offset: 0 }) },
  // SPEC G4/G5: far-away periods (nothing else lives there); a fresh pending suggestion to dismiss.
  'growthIntel.funnel': { input: () => ({ from: '2091-01-01', to: '2091-01-31' }) },
  'growthIntel.sources': { input: () => ({ from: '2091-01-01', to: '2091-01-31' }) },
  'growthIntel.activity': { input: () => ({ from: '2091-01-01', to: '2091-01-07' }) },
  'growthIntel.retention': { input: () => ({ to: '2091-01-31' }) },
  'growthIntel.discounts': {},
  'growthIntel.decideDiscount': {
    input: async () => {
      const [row] = await deps.db
        .insert(discountSuggestions)
        .values({ day: '2091-01-31', rule: 'matrix_rule', source: `matrix-${crypto.randomUUID()}`, percentOff: 10, reason: { note: 'matrix' } })
        .returning({ id: discountSuggestions.id });
      return { id: row!.id, decision: 'dismiss' };
    },
  },
  'reports.get': {
    input: async () => {
      const rows = await deps.db.select({ id: reports.id }).from(reports).limit(1);
      if (rows[0]) return { id: rows[0].id };
      const stored = await runWeeklyReport({ db: deps.db, reportsDir: mkdtempSync(path.join(tmpdir(), 'levqor-matrix-')) }, { week: '2025-W10' });
      return { id: stored.reportId! };
    },
  },
  'account.me': {},
  'account.setLocale': { input: () => ({ locale: 'de' }) },
  'account.deletionImpact': {},
  'workflows.list': { input: () => ({ limit: 10, offset: 0 }) },
  'workflows.get': { input: async (f, o) => ({ id: await newWorkflow(f, o) }), tenantOwned: true },
  'workflows.create': {
    input: () => ({ name: 'Created in matrix', steps: [{ id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } }, { id: 'log', name: 'Log', type: 'log', config: { message: 'x' } }] }),
  },
  'workflows.update': { input: async (f, o) => ({ id: await newWorkflow(f, o), name: 'Renamed' }), tenantOwned: true },
  'workflows.delete': { input: async (f, o) => ({ id: await newWorkflow(f, o) }), tenantOwned: true },
  'workflows.rotateWebhookSecret': { input: async (f, o) => ({ id: await newWorkflow(f, o) }), tenantOwned: true },
  // The editor (issue 13): live checks and "try it" touch no stored data; versions are the workflow's.
  'workflows.validate': { input: () => ({ steps: [{ id: 'log', name: 'Log', type: 'log', config: { message: 'x' } }] }) },
  'workflows.tryStep': { input: () => ({ step: { id: 't', name: 'T', type: 'transform', config: { mapping: { a: '{{ body.a }}' } } }, sample: { a: 1 } }) },
  'workflows.versions': { input: async (f, o) => ({ id: await newWorkflow(f, o) }), tenantOwned: true },
  'workflows.diff': { input: async (f, o) => ({ id: await newWorkflow(f, o), from: 1, to: 1 }), tenantOwned: true },
  'workflows.restore': { input: async (f, o) => ({ id: await newWorkflow(f, o), version: 1 }), tenantOwned: true },
  // SPEC P2: runs. Deciding on a run is for owners (and admins): a member is refused by the domain.
  'runs.list': { input: () => ({ limit: 5, offset: 0 }) },
  'runs.get': { input: async (f, o) => ({ id: await newRun(f, o) }), tenantOwned: 'run' },
  'runs.runNow': { input: async (f, o) => ({ workflowId: await newWorkflow(f, o) }), tenantOwned: true },
  'runs.testRun': { input: async (f, o) => ({ workflowId: await newWorkflow(f, o), payload: { sample: 1 } }), tenantOwned: true },
  'runs.cancel': { input: async (f, o) => ({ id: await newRun(f, o) }), tenantOwned: 'run' },
  'runs.decide': { input: async (f, o) => ({ id: await newRun(f, o, 'B'), decision: 'approve' }), tenantOwned: 'run', refusal: 'FORBIDDEN' },
  'runs.rerun': { input: async (f, o) => ({ id: await newRun(f, o), from: 'start' }), tenantOwned: 'run' },
  'runs.analytics': { input: async (f, o) => ({ workflowId: await newWorkflow(f, o) }), tenantOwned: true },
  // SPEC P3: usage of the caller's workspace; every workspace's for admins.
  'usage.summary': {},
  'usage.daily': {},
  'usage.run': { input: async (f, o) => ({ id: await newRun(f, o) }), tenantOwned: 'run' },
  'usage.tenants': {},
  // SPEC P4: teams. Everyone sees their team; owners (and admins) change it; invitation links need no account.
  'team.list': {},
  'team.invite': { input: () => ({ email: uniqueEmail('matrix') }), refusal: 'FORBIDDEN' },
  'team.revokeInvite': { input: async (_f, u) => ({ id: (await inviteInto(u)).invite.id }), refusal: 'FORBIDDEN' },
  'team.changeRole': { input: async (_f, u) => ({ userId: await memberOf(u), role: 'owner' }), refusal: 'FORBIDDEN' },
  'team.remove': { input: async (_f, u) => ({ userId: await memberOf(u) }), refusal: 'FORBIDDEN' },
  'team.inspectInvite': { input: async (f) => ({ token: tokenOf((await inviteInto(f.memberB)).link) }) },
  'team.acceptInvite': { input: async (f) => ({ token: tokenOf((await inviteInto(f.memberB)).link), name: 'Matrix Joiner', password: 'matrix-password-1' }) },
  // SPEC P4: the workspace lifecycle is for platform admins only.
  'lifecycle.transitions': {},
  'lifecycle.suspend': { input: async () => ({ tenantId: (await makeUser(deps.db)).tenantId, reason: 'matrix check' }) },
  'lifecycle.resume': { input: async () => ({ tenantId: (await makeUser(deps.db)).tenantId, reason: 'matrix check' }), refusal: 'CONFLICT' },
  'lifecycle.restore': { input: async () => ({ tenantId: (await makeUser(deps.db)).tenantId, reason: 'matrix check' }), refusal: 'CONFLICT' },
  // SPEC P1: secrets. Names for every member; changes for owners (and admins).
  'secrets.list': {},
  'secrets.set': { input: () => ({ name: 'MATRIX_KEY', value: 'matrix-value' }), refusal: 'FORBIDDEN' },
  'secrets.delete': {
    input: async (_f, u) => {
      const caller = (await loadCurrentUser(deps, u.id))!;
      await setSecret(secretsDeps(deps), { ...caller, role: 'owner' }, { name: 'MATRIX_GONE', value: 'v' });
      return { name: 'MATRIX_GONE' };
    },
    refusal: 'FORBIDDEN',
  },
  'admin.overview': {},
  'admin.tenants': { input: () => ({ limit: 5, offset: 0 }) },
  'billing.status': {},
  // Without STRIPE_SECRET_KEY (the test env) checkout and portal answer SERVICE_UNAVAILABLE.
  // Billing is for owners (and admins): a member is refused by the domain (issue 11 #10).
  'billing.checkout': { input: () => ({ kind: 'plan', plan: 'growth', interval: 'month' }), refusal: ['SERVICE_UNAVAILABLE', 'FORBIDDEN'] },
  'billing.portal': { input: () => ({ intent: 'manage' }), refusal: ['SERVICE_UNAVAILABLE', 'FORBIDDEN'] },
  // SPEC A1-A4: AI helpers answer locally here (no OPENAI_API_KEY); each call spends the caller's own credits.
  'ai.chat': { input: () => ({ query: 'How do I invite a teammate?', context: { page: '/dashboard' } }) },
  'ai.workflow': { input: () => ({ query: 'When a form is submitted, e-mail me and log it' }) },
  'ai.debug': { input: () => ({ error: 'getaddrinfo ENOTFOUND api.example.test' }) },
  'ai.onboarding': { input: () => ({}) },
  'ai.usage': {},
  // SPEC P6: every member follows the workspace's tickets; admins work the queue.
  'support.mine': {},
  'support.get': { input: async (_f, u) => ({ ticketId: await newTicket(u) }) },
  'support.open': { input: () => ({ subject: 'Matrix ticket', body: 'A matrix question here.' }) },
  'support.reply': { input: async (_f, u) => ({ ticketId: await newTicket(u), body: 'A matrix follow-up.' }) },
  'support.close': { input: async (_f, u) => ({ ticketId: await newTicket(u) }) },
  'support.rate': { input: async (_f, u) => ({ ticketId: await newTicket(u, 'closed'), score: 5 }) },
  'support.queue': { input: () => ({ status: 'open' }) },
  'support.staffGet': { input: async (_f, u) => ({ ticketId: await newTicket(u) }) },
  'support.staffReply': { input: async (_f, u) => ({ ticketId: await newTicket(u), body: 'A matrix answer for you.' }) },
  'support.staffClose': { input: async (_f, u) => ({ ticketId: await newTicket(u) }) },
  // SPEC P7: the upgrade planner's plans are for admins.
  'planner.plans': { input: () => ({}) },
  'planner.setStatus': { input: async () => ({ id: await newPlan(), status: 'in_progress' }) },
};

type AnyProcedure = { _def: { meta?: { access?: Access }; inputs: unknown[]; type: string } };
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const paths = Object.keys(procedures).sort();

async function call(user: TestUser | null, path: string, input: unknown): Promise<{ ok: true; data: unknown } | { ok: false; code: string; message: string }> {
  const caller = callerFor(deps, user) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [ns, name] = path.split('.') as [string, string];
  try {
    return { ok: true, data: await caller[ns]![name]!(input) };
  } catch (e) {
    if (e instanceof TRPCError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

let f: Fixtures;
beforeAll(async () => {
  f = {
    memberA: await makeUser(deps.db, { role: 'member' }),
    admin: await makeUser(deps.db, { role: 'admin' }),
    memberB: await makeUser(deps.db, { role: 'owner' }),
  };
});

describe('authorization matrix', () => {
  it('covers every procedure of the app router', () => {
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !(p in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it.each(paths)('%s declares an access level', (path) => {
    expect(['public', 'protected', 'admin']).toContain(procedures[path]!._def.meta?.access);
  });

  it.each(paths)('%s answers anonymous, member and admin callers as declared', async (path) => {
    const access = procedures[path]!._def.meta!.access!;
    const c = CASES[path]!;
    const anon = await call(null, path, await c.input?.(f, f.memberA));
    if (access === 'public') expect(anon.ok).toBe(true);
    else expect(anon).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });

    const refusals = c.refusal === undefined ? [] : Array.isArray(c.refusal) ? c.refusal : [c.refusal];
    const granted = (res: Awaited<ReturnType<typeof call>>) =>
      !res.ok && refusals.includes(res.code) ? { ok: false, code: res.code } : { ok: true };
    const member = await call(f.memberA, path, await c.input?.(f, f.memberA));
    if (access === 'admin') expect(member).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    else expect(member).toMatchObject(granted(member));

    const admin = await call(f.admin, path, await c.input?.(f, f.admin));
    expect(admin).toMatchObject(granted(admin));
  });

  it.each(paths.filter((p) => CASES[p]!.tenantOwned))('%s hides one tenant’s data from another', async (path) => {
    const input = await CASES[path]!.input!(f, f.memberA);
    const other = await call(f.memberB, path, input);
    expect(other).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // The owner's row is untouched by the other tenant's attempt.
    const id = (input as { id?: string; workflowId?: string }).id ?? (input as { workflowId: string }).workflowId;
    if (CASES[path]!.tenantOwned === 'run') {
      const mine = await call(f.memberA, 'runs.get', { id });
      expect(mine).toMatchObject({ ok: true, data: { id, workflowName: 'Matrix workflow' } });
    } else {
      const mine = await call(f.memberA, 'workflows.get', { id });
      expect(mine).toMatchObject({ ok: true, data: { id, name: 'Matrix workflow' } });
    }
  });

  it.each(paths.filter((p) => procedures[p]!._def.inputs.length > 0))('%s rejects malformed input with 400 and a message', async (path) => {
    const caller = procedures[path]!._def.meta!.access === 'admin' ? f.admin : f.memberA;
    for (const bad of [{ bogus: true }, 'a string', 42, { id: 'not-a-uuid', limit: -1, locale: 'xx', name: '' }]) {
      const res = await call(caller, path, bad);
      expect(res).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect((res as { message: string }).message.length).toBeGreaterThan(3);
    }
  });
});
