import type { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { abandonedDeletionDate, ABANDONED_SIGNUP_DAYS, DELETION_NOTICE_DAYS, renderDeletionReminderMail, runLifecycle, transitionTenant, TENANT_ALLOWS, TENANT_STATES, type TenantState } from '~/server/domain/accounts/lifecycle';
import { deleteAccount } from '~/server/domain/accounts/privacy';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { subscriptions, tenants, tenantTransitions } from '~/server/infra/db/schema';
import { locales } from '~/i18n/locales';
import { createMailTransport } from '~/server/infra/mail/transport';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';
import { decodedText, startSmtp } from '../helpers/smtp';

const deps = setupTestDeps();
const DAY = 86_400_000;
const hook = { id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } } as const;

/** The lifecycle as the issue draws it, written out by hand: every move not listed is illegal. */
const LEGAL: Record<TenantState, TenantState[]> = {
  trialing: ['active', 'past_due', 'canceled', 'suspended', 'soft_deleted'],
  active: ['past_due', 'canceled', 'suspended', 'soft_deleted'],
  past_due: ['active', 'canceled', 'suspended', 'soft_deleted'],
  canceled: ['active', 'trialing', 'past_due', 'suspended', 'soft_deleted'],
  suspended: ['active', 'trialing', 'past_due', 'canceled', 'soft_deleted', 'awaiting_card'],
  soft_deleted: ['trialing', 'active', 'past_due', 'canceled', 'suspended', 'awaiting_card'],
  // Card-required trial (decision 019): Checkout starts the trial (or a paid plan at once).
  awaiting_card: ['trialing', 'active', 'past_due', 'canceled', 'suspended', 'soft_deleted'],
};
const statusOf = async (tenantId: string) => (await deps.db.select({ s: tenants.status }).from(tenants).where(eq(tenants.id, tenantId)))[0]!.s;
const transitionsOf = (tenantId: string) => deps.db.select().from(tenantTransitions).where(eq(tenantTransitions.tenantId, tenantId));

describe('workspace lifecycle (SPEC P4)', () => {
  it('allows exactly the legal transitions, records each, and refuses the rest with a clear error', async () => {
    const { tenantId } = await makeUser(deps.db);
    for (const from of TENANT_STATES) {
      for (const to of TENANT_STATES) {
        if (from === to) continue;
        await deps.db.update(tenants).set({ status: from }).where(eq(tenants.id, tenantId));
        const attempt = transitionTenant(deps.db, { tenantId, to, actor: 'admin', reason: `${from} to ${to}` });
        if (LEGAL[from].includes(to)) {
          await expect(attempt, `${from} -> ${to}`).resolves.toEqual({ from, to, changed: true });
          expect(await statusOf(tenantId)).toBe(to);
        } else {
          await expect(attempt, `${from} -> ${to}`).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^A workspace cannot go from /) });
          expect(await statusOf(tenantId)).toBe(from);
        }
      }
    }
    const legalCount = Object.values(LEGAL).reduce((n, l) => n + l.length, 0);
    expect(await transitionsOf(tenantId)).toHaveLength(legalCount);
    // The same state again changes and records nothing.
    await deps.db.update(tenants).set({ status: 'active' }).where(eq(tenants.id, tenantId));
    expect(await transitionTenant(deps.db, { tenantId, to: 'active', actor: 'job', reason: 'again' })).toMatchObject({ changed: false });
    expect(await transitionsOf(tenantId)).toHaveLength(legalCount);
  });

  it('suspends a trial that ended without a subscription and an overdue workspace; twice is the same as once', async () => {
    const now = new Date();
    const expired = await makeUser(deps.db);
    const paying = await makeUser(deps.db);
    const running = await makeUser(deps.db);
    const overdue = await makeUser(deps.db);
    await deps.db.update(tenants).set({ trialEndsAt: new Date(now.getTime() - 3_600_000) }).where(eq(tenants.id, expired.tenantId));
    await deps.db.update(tenants).set({ trialEndsAt: new Date(now.getTime() - 3_600_000) }).where(eq(tenants.id, paying.tenantId));
    await deps.db.insert(subscriptions).values({ tenantId: paying.tenantId, stripeSubscriptionId: `sub_${crypto.randomUUID()}`, plan: 'growth', interval: 'month', status: 'trialing', startedAt: now });
    await deps.db.update(tenants).set({ status: 'past_due' }).where(eq(tenants.id, overdue.tenantId));
    await deps.db.insert(tenantTransitions).values({ tenantId: overdue.tenantId, fromStatus: 'active', toStatus: 'past_due', actor: 'stripe', reason: 'subscription past_due', createdAt: new Date(now.getTime() - 8 * 86_400_000) });

    const first = await runLifecycle({ db: deps.db, now: () => now });
    expect(first.suspended).toBeGreaterThanOrEqual(2);
    expect(await statusOf(expired.tenantId)).toBe('suspended');
    expect(await statusOf(overdue.tenantId)).toBe('suspended');
    expect(await statusOf(paying.tenantId)).toBe('trialing');
    expect(await statusOf(running.tenantId)).toBe('trialing');
    const recorded = await deps.db.select().from(tenantTransitions).where(and(eq(tenantTransitions.tenantId, expired.tenantId), eq(tenantTransitions.toStatus, 'suspended')));
    expect(recorded).toEqual([expect.objectContaining({ fromStatus: 'trialing', actor: 'job', reason: expect.stringMatching(/^trial_expired/) })]);

    await runLifecycle({ db: deps.db, now: () => now });
    expect(await deps.db.select().from(tenantTransitions).where(eq(tenantTransitions.tenantId, expired.tenantId))).toHaveLength(1);
  });

  it('tells the owners of a sign-up without a card 7 days ahead, in their language, once; deletes it after 30 days and the notice (restorable, then purged)', async () => {
    const smtp = await startSmtp();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    const job = (now: Date) => runLifecycle({ db: deps.db, now: () => now, mail, appUrl: 'https://levqor.example' });
    try {
      const now = new Date();
      const abandoned = await makeUser(deps.db);
      const recent = await makeUser(deps.db);
      const admin = await makeUser(deps.db, { role: 'admin' });
      const signedUp = new Date(now.getTime() - (ABANDONED_SIGNUP_DAYS + 1) * DAY);
      await deps.db.update(tenants).set({ status: 'awaiting_card', trialEndsAt: null, locale: 'de', createdAt: signedUp }).where(eq(tenants.id, abandoned.tenantId));
      await deps.db.update(tenants).set({ status: 'awaiting_card', trialEndsAt: null, createdAt: new Date(now.getTime() - 20 * DAY) }).where(eq(tenants.id, recent.tenantId));

      // Day 31 and never told (e.g. it signed up before reminders existed): told now, deleted no sooner than 7 days on.
      const first = await job(now);
      expect(first.reminded).toBeGreaterThanOrEqual(1);
      expect(await statusOf(abandoned.tenantId)).toBe('awaiting_card');
      const [told] = smtp.to(abandoned.email);
      const text = decodedText(told!);
      const german = new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'UTC' });
      expect(text).toContain(german.format(new Date(now.getTime() + DELETION_NOTICE_DAYS * DAY)));
      expect(text).toContain('https://levqor.example/de/dashboard/billing');
      expect(text).toContain('und alle seine Daten gelöscht');
      expect(smtp.to(recent.email)).toHaveLength(0);
      await job(now);
      expect(smtp.to(abandoned.email)).toHaveLength(1);

      const later = new Date(now.getTime() + DELETION_NOTICE_DAYS * DAY);
      const second = await job(later);
      expect(second.deleted).toBeGreaterThanOrEqual(1);
      expect(await statusOf(abandoned.tenantId)).toBe('soft_deleted');
      const [gone] = await deps.db.select({ deletedAt: tenants.deletedAt }).from(tenants).where(eq(tenants.id, abandoned.tenantId));
      expect(gone!.deletedAt).toEqual(later);
      expect(await transitionsOf(abandoned.tenantId)).toEqual([
        expect.objectContaining({ fromStatus: 'awaiting_card', toStatus: 'soft_deleted', actor: 'job', reason: expect.stringMatching(/^abandoned_signup/) }),
      ]);
      // The newer sign-up is at day 27 now: told, not deleted.
      expect(await statusOf(recent.tenantId)).toBe('awaiting_card');
      expect(smtp.to(recent.email)).toHaveLength(1);
      await job(later);
      expect(await transitionsOf(abandoned.tenantId)).toHaveLength(1);

      // Restored by an admin: waiting for its card again, with a fresh notice before any new deletion.
      await callerFor(deps, admin).lifecycle.restore({ tenantId: abandoned.tenantId, reason: 'the owner asked' });
      expect(await statusOf(abandoned.tenantId)).toBe('awaiting_card');
      await job(new Date(later.getTime() + DAY));
      expect(await statusOf(abandoned.tenantId)).toBe('awaiting_card');
      expect(smtp.to(abandoned.email)).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });

  it('renders the deletion notice in every language with nothing left unfilled', () => {
    for (const locale of locales) {
      const m = renderDeletionReminderMail(locale, { name: 'Acme', createdAt: new Date('2026-11-01T09:00:00Z'), deletesAt: new Date('2026-12-01T09:00:00Z') }, 'https://levqor.example/');
      expect(`${m.subject}\n${m.text}`).not.toMatch(/[{}]/);
      expect(m.text).toContain(`https://levqor.example/${locale === 'en' ? '' : `${locale}/`}dashboard/billing`);
      expect(m.subject).toContain('Acme');
    }
    expect(abandonedDeletionDate(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-24T00:00:00Z'))).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(abandonedDeletionDate(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-29T00:00:00Z'))).toEqual(new Date('2026-12-06T00:00:00Z'));
  });

  it('a suspended workspace signs in and reads its data but runs nothing and gets no AI', async () => {
    expect(TENANT_ALLOWS.suspended).toEqual({ signIn: true, run: false, ai: false });
    const owner = await makeUser(deps.db);
    const user = (await loadCurrentUser(deps, owner.id))!;
    const wf = await createWorkflow({ db: deps.db }, user, { name: 'Paused', steps: [hook] });
    await transitionTenant(deps.db, { tenantId: owner.tenantId, to: 'suspended', actor: 'admin', reason: 'abuse report' });
    const api = callerFor(deps, owner);
    expect((await api.workflows.get({ id: wf.id })).name).toBe('Paused');
    const refused = await api.runs.runNow({ workflowId: wf.id }).catch((e: unknown) => e as TRPCError);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'This workspace is suspended: runs are paused until an admin resumes it or a payment goes through.' });
    await expect(api.ai.chat({ query: 'How do I add a step?' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'This workspace is suspended: AI helpers are paused.' });
  });

  it('admins suspend, resume and restore; a deleted workspace comes back to where it was; members cannot', async () => {
    const admin = await makeUser(deps.db, { role: 'admin' });
    const owner = await makeUser(deps.db, { password: 'lifecycle-owner-1' });
    const api = callerFor(deps, admin);
    await expect(api.lifecycle.suspend({ tenantId: owner.tenantId, reason: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await api.lifecycle.suspend({ tenantId: owner.tenantId, reason: 'chargeback under review' })).toEqual({ from: 'trialing', to: 'suspended', changed: true });
    expect(await api.lifecycle.resume({ tenantId: owner.tenantId, reason: 'resolved' })).toEqual({ from: 'suspended', to: 'trialing', changed: true });
    await expect(api.lifecycle.restore({ tenantId: owner.tenantId, reason: 'nothing to restore' })).rejects.toMatchObject({ code: 'CONFLICT' });

    await deleteAccount(deps, (await loadCurrentUser(deps, owner.id))!, { password: 'lifecycle-owner-1', confirm: 'DELETE' });
    expect(await statusOf(owner.tenantId)).toBe('soft_deleted');
    expect(await loadCurrentUser(deps, owner.id)).toBeNull();
    expect(await api.lifecycle.restore({ tenantId: owner.tenantId, reason: 'deleted by mistake' })).toEqual({ from: 'soft_deleted', to: 'trialing', changed: true });
    expect(await loadCurrentUser(deps, owner.id)).not.toBeNull();

    const history = await api.lifecycle.transitions({ tenantId: owner.tenantId });
    expect(history.items.map((i) => [i.from, i.to, i.actor])).toEqual([
      ['soft_deleted', 'trialing', 'admin'],
      ['trialing', 'soft_deleted', 'user'],
      ['suspended', 'trialing', 'admin'],
      ['trialing', 'suspended', 'admin'],
    ]);
    await expect(callerFor(deps, owner).lifecycle.suspend({ tenantId: owner.tenantId, reason: 'self' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
