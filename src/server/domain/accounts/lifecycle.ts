import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { localizedPath } from '~/i18n/paths';
import type { Locale } from '~/i18n/locales';
import { resolveLocale } from '~/server/domain/ai/help/catalog';
import { CATALOGS, fillMessage } from '~/server/domain/i18n/catalogs';
import { forgetTenantPlan } from '~/server/domain/usage/plans';
import type { Db } from '~/server/infra/db/client';
import { subscriptions, TENANT_STATES, tenants, tenantTransitions, users, type TenantState } from '~/server/infra/db/schema';
import type { Logger } from '~/server/infra/logger';
import type { MailTransport } from '~/server/infra/mail/transport';
import { AppError } from '~/server/errors';

/**
 * The workspace lifecycle (SPEC P4) as one state machine. Every change of `tenants.status` goes
 * through `transitionTenant`: it refuses an illegal move with a clear error, and records who or
 * what made it, from, to and why. What each state allows is decided here too (`TENANT_ALLOWS`)
 * and enforced where runs, AI calls and sign-ins are admitted.
 *
 *   trialing ──► active ◄──► past_due          (Stripe)
 *      │           │  ▲          │
 *      │           ▼  │          ▼
 *      └──────► suspended ◄──────┘             (trial expired / payment overdue: job; admin)
 *   any live state ──► soft_deleted ──► restored (admin) / purged (job, after 30 days)
 *   canceled: the subscription ended (Stripe); a new one makes the workspace active again.
 *   awaiting_card ──► trialing / active        (Stripe: Checkout took a card; decision 019)
 *   A workspace signed up on a server with Stripe starts in awaiting_card: its 7-day trial
 *   begins when Checkout has a card ("Card required"), not at sign-up.
 */
export { TENANT_STATES, type TenantState };
export type TransitionActor = 'stripe' | 'job' | 'admin' | 'user';

const LIVE: readonly TenantState[] = ['trialing', 'active', 'past_due', 'canceled', 'suspended', 'awaiting_card'];
export const TRANSITIONS: Record<TenantState, readonly TenantState[]> = {
  awaiting_card: ['trialing', 'active', 'past_due', 'canceled', 'suspended', 'soft_deleted'],
  trialing: ['active', 'past_due', 'canceled', 'suspended', 'soft_deleted'],
  active: ['past_due', 'canceled', 'suspended', 'soft_deleted'],
  past_due: ['active', 'canceled', 'suspended', 'soft_deleted'],
  canceled: ['active', 'trialing', 'past_due', 'suspended', 'soft_deleted'],
  suspended: ['active', 'trialing', 'past_due', 'canceled', 'soft_deleted', 'awaiting_card'],
  // Restoring returns to the state the workspace was deleted from.
  soft_deleted: LIVE,
};

/** What a workspace in each state may do: one table, read wherever it matters. */
export const TENANT_ALLOWS: Record<TenantState, { signIn: boolean; run: boolean; ai: boolean }> = {
  trialing: { signIn: true, run: true, ai: true },
  active: { signIn: true, run: true, ai: true },
  past_due: { signIn: true, run: true, ai: true },
  canceled: { signIn: true, run: false, ai: false },
  suspended: { signIn: true, run: false, ai: false },
  soft_deleted: { signIn: false, run: false, ai: false },
  // Signed in to add the card; nothing runs on a trial that has not started.
  awaiting_card: { signIn: true, run: false, ai: false },
};

const isState = (s: string): s is TenantState => (TENANT_STATES as readonly string[]).includes(s);

export function canTransition(from: string, to: string): boolean {
  return isState(from) && isState(to) && TRANSITIONS[from].includes(to);
}

const REFUSALS: Record<'run' | 'ai', Partial<Record<TenantState, string>>> = {
  run: {
    suspended: 'This workspace is suspended: runs are paused until an admin resumes it or a payment goes through.',
    canceled: 'This workspace has no active plan: runs are paused until you subscribe again.',
    soft_deleted: 'This workspace was deleted.',
    awaiting_card: 'Your 7-day trial starts once a card is on file: add one from Billing to run workflows.',
  },
  ai: {
    suspended: 'This workspace is suspended: AI helpers are paused.',
    canceled: 'This workspace has no active plan: AI helpers are paused until you subscribe again.',
    soft_deleted: 'This workspace was deleted.',
    awaiting_card: 'Your 7-day trial starts once a card is on file: add one from Billing to use the AI helpers.',
  },
};

/** Refuses what the workspace's state does not allow (403 with a plain reason). */
export function assertTenantAllows(status: string, capability: 'run' | 'ai'): void {
  const state: TenantState = isState(status) ? status : 'suspended';
  if (TENANT_ALLOWS[state][capability]) return;
  throw new AppError('FORBIDDEN', REFUSALS[capability][state] ?? 'This workspace cannot do that right now.', { details: { tenantStatus: state } });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Moves a workspace to `to`, inside the caller's transaction or its own. The same state again
 * changes nothing and records nothing (jobs and webhooks may repeat themselves).
 */
export async function transitionTenant(
  db: Db | Tx,
  input: { tenantId: string; to: TenantState; actor: TransitionActor; actorUserId?: string | null; reason: string; now?: Date },
): Promise<{ from: TenantState; to: TenantState; changed: boolean }> {
  const run = async (tx: Tx) => {
    const [row] = await tx.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, input.tenantId)).for('update').limit(1);
    if (!row) throw new AppError('NOT_FOUND', 'Workspace not found');
    const from = row.status as TenantState;
    if (from === input.to) return { from, to: input.to, changed: false };
    if (!canTransition(from, input.to)) {
      throw new AppError('CONFLICT', `A workspace cannot go from ${from.replace('_', ' ')} to ${input.to.replace('_', ' ')}.`, { details: { from, to: input.to } });
    }
    const now = input.now ?? new Date();
    await tx
      .update(tenants)
      .set({
        status: input.to,
        updatedAt: now,
        ...(input.to === 'soft_deleted' ? { deletedAt: now } : from === 'soft_deleted' ? { deletedAt: null } : {}),
      })
      .where(eq(tenants.id, input.tenantId));
    await tx.insert(tenantTransitions).values({
      tenantId: input.tenantId,
      fromStatus: from,
      toStatus: input.to,
      actor: input.actor,
      actorUserId: input.actorUserId ?? null,
      reason: input.reason.slice(0, 500),
      createdAt: now,
    });
    return { from, to: input.to, changed: true };
  };
  // Inside a caller's transaction this is a savepoint: the move and its record stay together.
  const result = await (db as Db).transaction(run);
  if (result.changed) forgetTenantPlan(input.tenantId);
  return result;
}

/** The last recorded move into a state (who suspended it, what it was before deletion). */
async function lastTransitionInto(db: Db | Tx, tenantId: string, to: TenantState) {
  const [row] = await db
    .select({ fromStatus: tenantTransitions.fromStatus, actor: tenantTransitions.actor, createdAt: tenantTransitions.createdAt })
    .from(tenantTransitions)
    .where(and(eq(tenantTransitions.tenantId, tenantId), eq(tenantTransitions.toStatus, to)))
    .orderBy(desc(tenantTransitions.createdAt), desc(tenantTransitions.id))
    .limit(1);
  return row ?? null;
}

/** Whether a suspension was an admin's decision (Stripe does not lift those). */
export async function suspendedByAdmin(db: Db | Tx, tenantId: string): Promise<boolean> {
  return (await lastTransitionInto(db, tenantId, 'suspended'))?.actor === 'admin';
}

// ---- Admin actions ----

export const tenantActionSchema = z.strictObject({
  tenantId: z.uuid('Unknown workspace'),
  reason: z.string().trim().min(3, 'Say why, in a few words').max(500, 'Use at most 500 characters'),
});

export async function suspendTenant(deps: { db: Db; now?: () => Date }, admin: { id: string }, input: z.input<typeof tenantActionSchema>) {
  const { tenantId, reason } = tenantActionSchema.parse(input);
  return transitionTenant(deps.db, { tenantId, to: 'suspended', actor: 'admin', actorUserId: admin.id, reason, now: deps.now?.() });
}

/** Where a resumed workspace goes: its subscription's state, or its trial if that still runs. */
async function resumeTarget(db: Db | Tx, tenantId: string, now: Date): Promise<TenantState | null> {
  const subs = await db.select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
  for (const wanted of ['active', 'trialing', 'past_due'] as const) if (subs.some((s) => s.status === wanted)) return wanted;
  const [tenant] = await db.select({ trialEndsAt: tenants.trialEndsAt }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (!tenant) return null;
  // A trial that never started (no card yet) goes back to waiting for one.
  if (!tenant.trialEndsAt) return 'awaiting_card';
  return tenant.trialEndsAt > now ? 'trialing' : null;
}

export async function resumeTenant(deps: { db: Db; now?: () => Date }, admin: { id: string }, input: z.input<typeof tenantActionSchema>) {
  const { tenantId, reason } = tenantActionSchema.parse(input);
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Workspace not found');
  if (row.status !== 'suspended') throw new AppError('CONFLICT', 'Only a suspended workspace can be resumed.');
  const to = await resumeTarget(deps.db, tenantId, now);
  if (!to) throw new AppError('CONFLICT', 'Nothing to resume to: the trial is over and there is no subscription.');
  return transitionTenant(deps.db, { tenantId, to, actor: 'admin', actorUserId: admin.id, reason, now });
}

/** Restores a soft-deleted workspace to the state it was deleted from (before the purge). */
export async function restoreTenant(deps: { db: Db; now?: () => Date }, admin: { id: string }, input: z.input<typeof tenantActionSchema>) {
  const { tenantId, reason } = tenantActionSchema.parse(input);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenantId)).for('update').limit(1);
    if (!row) throw new AppError('NOT_FOUND', 'Workspace not found (it may have been purged).');
    if (row.status !== 'soft_deleted') throw new AppError('CONFLICT', 'Only a deleted workspace can be restored.');
    const before = await lastTransitionInto(tx, tenantId, 'soft_deleted');
    const to = before && isState(before.fromStatus) && before.fromStatus !== 'soft_deleted' ? before.fromStatus : 'suspended';
    const result = await transitionTenant(tx, { tenantId, to, actor: 'admin', actorUserId: admin.id, reason, now: deps.now?.() });
    // Back to waiting for its card: a fresh notice period, with a fresh e-mail, before any new deletion.
    if (to === 'awaiting_card') await tx.update(tenants).set({ deletionRemindedAt: null }).where(eq(tenants.id, tenantId));
    // The owner whose deletion took the workspace with it comes back with it (members who left
    // before stay gone).
    if (before) await tx.execute(sql`update users set deleted_at = null where tenant_id = ${tenantId} and deleted_at >= ${before.createdAt.toISOString()}::timestamptz`);
    return result;
  });
}

// ---- The daily lifecycle job ----

export const PAST_DUE_GRACE_DAYS = 7;
/** Days a workspace may wait for its card (awaiting_card) before the lifecycle job deletes it. */
export const ABANDONED_SIGNUP_DAYS = 30;
/** The owners of such a workspace are told this many days before it is deleted (never fewer). */
export const DELETION_NOTICE_DAYS = 7;

const DAY_MS = 86_400_000;

type LifecycleDeps = { db: Db; now?: () => Date; log?: Logger; mail?: MailTransport; appUrl?: string };

/**
 * Trials that ended without a subscription are suspended (the pricing page's 7 days); workspaces
 * past due for more than `PAST_DUE_GRACE_DAYS` are suspended; sign-ups still without a card
 * are told `DELETION_NOTICE_DAYS` before `ABANDONED_SIGNUP_DAYS` pass, and deleted (soft, then
 * purged) once both the days and the notice period have passed. Idempotent: a second run on the
 * same day finds nothing to do. Each workspace moves in its own transaction.
 */
export async function runLifecycle(deps: LifecycleDeps) {
  const now = deps.now?.() ?? new Date();
  const reminded = await remindAbandonedSignups(deps, now);
  const expired = await deps.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(
      and(
        eq(tenants.status, 'trialing'),
        lt(tenants.trialEndsAt, now),
        sql`not exists (select 1 from subscriptions s where s.tenant_id = ${tenants.id} and s.status in ('active', 'trialing'))`,
      ),
    );
  const pastDue = await deps.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(
      and(
        eq(tenants.status, 'past_due'),
        sql`coalesce((select max(t.created_at) from tenant_transitions t where t.tenant_id = ${tenants.id} and t.to_status = 'past_due'), ${tenants.updatedAt}) < ${new Date(now.getTime() - PAST_DUE_GRACE_DAYS * 86_400_000).toISOString()}::timestamptz`,
      ),
    );
  // A sign-up that never added its card (decision 019) holds data for a trial that never began:
  // deleted (restorable by an admin, purged after the grace period) once ABANDONED_SIGNUP_DAYS
  // pass and its owners were told at least DELETION_NOTICE_DAYS before.
  const abandoned = await deps.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(
      and(
        eq(tenants.status, 'awaiting_card'),
        lt(tenants.createdAt, new Date(now.getTime() - ABANDONED_SIGNUP_DAYS * DAY_MS)),
        lt(tenants.deletionRemindedAt, new Date(now.getTime() - DELETION_NOTICE_DAYS * DAY_MS + 1)),
      ),
    );
  let suspended = 0;
  let deleted = 0;
  for (const [rows, reason, to] of [
    [expired, 'trial_expired: the 7-day trial ended without a subscription', 'suspended'],
    [pastDue, `payment_overdue: past due for more than ${PAST_DUE_GRACE_DAYS} days`, 'suspended'],
    [abandoned, `abandoned_signup: no card added within ${ABANDONED_SIGNUP_DAYS} days of sign-up`, 'soft_deleted'],
  ] as const) {
    for (const { id } of rows) {
      try {
        if (!(await transitionTenant(deps.db, { tenantId: id, to, actor: 'job', reason, now })).changed) continue;
        if (to === 'suspended') suspended++;
        else deleted++;
      } catch (error) {
        // Moved meanwhile (a payment arrived): the next run sees the new state.
        deps.log?.warn({ tenantId: id, err: { message: (error as Error).message } }, 'lifecycle: transition skipped');
      }
    }
  }
  return { suspended, deleted, reminded };
}

/** The day a workspace told at `remindedAt` is deleted: 30 days after sign-up, never under 7 days' notice. */
export function abandonedDeletionDate(createdAt: Date, remindedAt: Date): Date {
  return new Date(Math.max(createdAt.getTime() + ABANDONED_SIGNUP_DAYS * DAY_MS, remindedAt.getTime() + DELETION_NOTICE_DAYS * DAY_MS));
}

/**
 * Tells the owners of each workspace still waiting for its card, `DELETION_NOTICE_DAYS` before
 * its deletion, in the workspace's language. Each workspace is claimed (its `deletion_reminded_at`
 * set) before its e-mail goes out, so a re-run or a second worker never sends twice; a failed
 * send is logged, not retried (the dashboard says the same thing to whoever signs in). Without a
 * mail transport the claim alone starts the notice period.
 */
async function remindAbandonedSignups(deps: LifecycleDeps, now: Date): Promise<number> {
  const claimed = await deps.db
    .update(tenants)
    .set({ deletionRemindedAt: now })
    .where(
      and(
        eq(tenants.status, 'awaiting_card'),
        isNull(tenants.deletionRemindedAt),
        lt(tenants.createdAt, new Date(now.getTime() - (ABANDONED_SIGNUP_DAYS - DELETION_NOTICE_DAYS) * DAY_MS)),
      ),
    )
    .returning({ id: tenants.id, name: tenants.name, locale: tenants.locale, createdAt: tenants.createdAt });
  const mail = deps.mail;
  if (!mail || mail.kind === 'none') return claimed.length;
  for (const workspace of claimed) {
    const owners = await deps.db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.tenantId, workspace.id), eq(users.role, 'owner'), isNull(users.deletedAt)));
    if (owners.length === 0) continue;
    const locale = resolveLocale(workspace.locale);
    const { subject, text } = renderDeletionReminderMail(locale, { ...workspace, deletesAt: abandonedDeletionDate(workspace.createdAt, now) }, deps.appUrl ?? '');
    try {
      await mail.send({ to: owners.map((o) => o.email), subject, text, idempotencyKey: `abandoned-signup-${workspace.id}` });
    } catch (error) {
      deps.log?.warn({ tenantId: workspace.id, err: { name: (error as Error).name } }, 'lifecycle: deletion reminder not sent');
    }
  }
  return claimed.length;
}

/** The e-mail telling owners that a workspace without a card will be deleted (messages/, LifecycleEmails). */
export function renderDeletionReminderMail(
  locale: Locale,
  workspace: { name: string; createdAt: Date; deletesAt: Date },
  appUrl: string,
): { subject: string; text: string } {
  const t = CATALOGS[locale].LifecycleEmails;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const values = {
    workspace: workspace.name,
    signedUp: day.format(workspace.createdAt),
    date: day.format(workspace.deletesAt),
    url: `${appUrl.replace(/\/+$/, '')}${localizedPath('/dashboard/billing', locale)}`,
  };
  return { subject: fillMessage(t.subject, values), text: fillMessage(t.body, values) };
}

/** Records the purge of workspaces (the rows themselves are deleted by the caller's transaction). */
export async function recordPurges(tx: Tx, tenantIds: string[], now: Date) {
  if (!tenantIds.length) return;
  await tx.insert(tenantTransitions).values(
    tenantIds.map((tenantId) => ({ tenantId, fromStatus: 'soft_deleted', toStatus: 'purged', actor: 'job' as const, reason: 'retention period over', createdAt: now })),
  );
}

export const transitionsInputSchema = z
  .strictObject({ tenantId: z.uuid('Unknown workspace').optional(), limit: z.number().int().min(1).max(200).default(50) })
  .default({ limit: 50 });

/** The recorded transitions, newest first (admins). */
export async function listTransitions(deps: { db: Db }, input: z.input<typeof transitionsInputSchema>) {
  const { tenantId, limit } = transitionsInputSchema.parse(input);
  const rows = await deps.db
    .select({
      id: tenantTransitions.id,
      tenantId: tenantTransitions.tenantId,
      tenantName: tenants.name,
      from: tenantTransitions.fromStatus,
      to: tenantTransitions.toStatus,
      actor: tenantTransitions.actor,
      reason: tenantTransitions.reason,
      createdAt: tenantTransitions.createdAt,
    })
    .from(tenantTransitions)
    .leftJoin(tenants, eq(tenants.id, tenantTransitions.tenantId))
    .where(tenantId ? eq(tenantTransitions.tenantId, tenantId) : undefined)
    .orderBy(desc(tenantTransitions.createdAt), desc(tenantTransitions.id))
    .limit(limit);
  return { items: rows };
}

