import { and, asc, eq, getTableColumns, gt, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import {
  aiUsage,
  referralCodes,
  referrals,
  subscriptions,
  supportMessages,
  supportTickets,
  teamInvites,
  tenants,
  tenantSecrets,
  usageCounters,
  usageEvents,
  users,
  workflowRuns,
  workflowRunSteps,
  workflows,
  workflowVersions,
} from '~/server/infra/db/schema';
import type { ZipEntry } from '~/server/infra/zip';
import { AppError } from '~/server/errors';
import { recordPurges, transitionTenant } from './lifecycle';
import { ownerIdsOf } from './team';
import { verifyPassword } from './password';
import type { CurrentUser } from './users';

/**
 * Privacy rights (SPEC P5). Export: everything Levqor holds about the caller — and, for an
 * owner, about the workspace — as JSON files in a ZIP, read page by page (keyset on the primary
 * key) so a workspace with many workflows or runs streams without being loaded into memory.
 * Never another workspace's rows, never a password hash, never a secret's value. Deletion: the
 * account is marked deleted at once (every request and sign-in refuses it) and purged after the
 * grace period; a last owner's deletion takes the workspace with it, after saying so.
 */
export const DELETION_GRACE_DAYS = 30;
const PAGE = 500;

type Columns = Record<string, PgColumn>;
/** `key`: a unique column to page on; absent for small tables read in one query. */
type Source = { file: string; table: PgTable; key?: PgColumn; columns: Columns; where: SQL };

const omit = (columns: Columns, ...names: string[]) => Object.fromEntries(Object.entries(columns).filter(([k]) => !names.includes(k))) as Columns;

/** A JSON array of every row of a source, one page at a time. */
async function* jsonRows(db: Db, source: Source): AsyncGenerator<string> {
  yield '[';
  let after: unknown = undefined;
  let first = true;
  for (;;) {
    const key = source.key;
    const query = db
      .select(source.columns)
      .from(source.table as never)
      .where(after === undefined || !key ? source.where : and(source.where, gt(key, after)));
    const rows: Record<string, unknown>[] = key ? await query.orderBy(asc(key)).limit(PAGE) : await query;
    for (const row of rows) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
      first = false;
    }
    if (!key || rows.length < PAGE) break;
    const keyName = Object.entries(source.columns).find(([, c]) => c === key)![0];
    after = rows.at(-1)![keyName];
  }
  yield first ? ']\n' : '\n]\n';
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** What the archive holds for this caller: their own rows, and the workspace's for an owner. */
export function exportSources(user: CurrentUser): Source[] {
  const owner = user.role === 'owner' || user.role === 'admin';
  const inTenant = <T extends { tenantId: PgColumn }>(t: T) => eq(t.tenantId, user.tenantId);
  const mine: Source[] = [
    { file: 'profile.json', table: users, key: users.id, columns: omit(getTableColumns(users), 'passwordHash'), where: eq(users.id, user.id) },
    { file: 'referral_codes.json', table: referralCodes, key: referralCodes.code, columns: getTableColumns(referralCodes), where: eq(referralCodes.userId, user.id) },
    { file: 'referrals_made.json', table: referrals, key: referrals.id, columns: getTableColumns(referrals), where: eq(referrals.referrerUserId, user.id) },
    { file: 'ai_usage.json', table: aiUsage, key: aiUsage.id, columns: getTableColumns(aiUsage), where: owner ? inTenant(aiUsage) : and(inTenant(aiUsage), eq(aiUsage.userId, user.id))! },
  ];
  // Support tickets (SPEC P6): an owner's archive holds the workspace's, a member's the ones they opened.
  const tickets = owner ? inTenant(supportTickets) : and(inTenant(supportTickets), eq(supportTickets.userId, user.id))!;
  const ticketIds = owner
    ? sql`${supportMessages.ticketId} in (select id from support_tickets where tenant_id = ${user.tenantId})`
    : sql`${supportMessages.ticketId} in (select id from support_tickets where tenant_id = ${user.tenantId} and user_id = ${user.id})`;
  mine.push(
    { file: 'support_tickets.json', table: supportTickets, key: supportTickets.id, columns: getTableColumns(supportTickets), where: tickets },
    { file: 'support_messages.json', table: supportMessages, key: supportMessages.id, columns: getTableColumns(supportMessages), where: ticketIds },
  );
  if (!owner) {
    // A member's own work: the workflows they created and the runs they started.
    return [
      ...mine,
      { file: 'workflows.json', table: workflows, key: workflows.id, columns: omit(getTableColumns(workflows), 'webhookSecretHash'), where: and(inTenant(workflows), eq(workflows.createdBy, user.id))! },
      { file: 'runs.json', table: workflowRuns, key: workflowRuns.id, columns: getTableColumns(workflowRuns), where: and(inTenant(workflowRuns), eq(workflowRuns.startedBy, user.id))! },
    ];
  }
  return [
    ...mine,
    { file: 'workspace.json', table: tenants, key: tenants.id, columns: getTableColumns(tenants), where: eq(tenants.id, user.tenantId) },
    {
      file: 'team.json',
      table: users,
      key: users.id,
      columns: { id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt },
      where: and(inTenant(users), isNull(users.deletedAt))!,
    },
    { file: 'team_invites.json', table: teamInvites, key: teamInvites.id, columns: omit(getTableColumns(teamInvites), 'tokenHash'), where: inTenant(teamInvites) },
    { file: 'workflows.json', table: workflows, key: workflows.id, columns: omit(getTableColumns(workflows), 'webhookSecretHash'), where: inTenant(workflows) },
    { file: 'workflow_versions.json', table: workflowVersions, key: workflowVersions.id, columns: getTableColumns(workflowVersions), where: inTenant(workflowVersions) },
    { file: 'runs.json', table: workflowRuns, key: workflowRuns.id, columns: getTableColumns(workflowRuns), where: inTenant(workflowRuns) },
    { file: 'run_steps.json', table: workflowRunSteps, key: workflowRunSteps.id, columns: getTableColumns(workflowRunSteps), where: inTenant(workflowRunSteps) },
    { file: 'usage_counters.json', table: usageCounters, columns: getTableColumns(usageCounters), where: inTenant(usageCounters) },
    { file: 'usage_events.json', table: usageEvents, key: usageEvents.id, columns: getTableColumns(usageEvents), where: inTenant(usageEvents) },
    { file: 'subscriptions.json', table: subscriptions, key: subscriptions.id, columns: getTableColumns(subscriptions), where: inTenant(subscriptions) },
    // Names and dates only: a secret's value never leaves the server, not even to its owner.
    {
      file: 'secrets.json',
      table: tenantSecrets,
      key: tenantSecrets.id,
      columns: { id: tenantSecrets.id, name: tenantSecrets.name, keyVersion: tenantSecrets.keyVersion, createdAt: tenantSecrets.createdAt, updatedAt: tenantSecrets.updatedAt },
      where: inTenant(tenantSecrets),
    },
  ];
}

const README = (user: CurrentUser, sources: Source[], now: Date) =>
  [
    `Levqor data export for ${user.email}, made ${now.toISOString()}.`,
    '',
    'Each .json file is an array of records, one per row Levqor stores:',
    ...sources.map((s) => `- ${s.file}`),
    '',
    'Not included: your password (only a one-way hash is stored), the values of workspace secrets',
    '(encrypted; names only), webhook secrets (hashed), and other workspaces\u2019 data.',
    '',
  ].join('\n');

/** The archive's files, each streamed from the database when the ZIP writer reaches it. */
export function exportEntries(deps: { db: Db; now?: () => Date }, user: CurrentUser): ZipEntry[] {
  const sources = exportSources(user);
  const now = deps.now?.() ?? new Date();
  return [{ name: 'README.txt', content: once(README(user, sources, now)) }, ...sources.map((s) => ({ name: s.file, content: jsonRows(deps.db, s) }))];
}

export const deleteAccountInputSchema = z.strictObject({
  password: z.string().max(200, 'Password must be at most 200 characters').optional(),
  confirm: z.string().max(50),
});

/** What deleting the account would take with it, for the confirmation step. */
const isLastOwner = (user: CurrentUser, ownerIds: string[]) => (user.role === 'owner' || user.role === 'admin') && ownerIds.every((id) => id === user.id);

export async function deletionImpact(deps: { db: Db }, user: CurrentUser) {
  return { lastOwner: isLastOwner(user, await ownerIdsOf(deps.db, user.tenantId)), graceDays: DELETION_GRACE_DAYS };
}

/**
 * Deletes the caller's account: the password again (accounts without one, e.g. OAuth, skip it)
 * and the word DELETE typed. A last owner's deletion also deletes the workspace (every member
 * loses access at once). Nothing is removed for `DELETION_GRACE_DAYS`, then the purge job does it.
 */
export async function deleteAccount(deps: { db: Db; now?: () => Date }, user: CurrentUser, input: z.input<typeof deleteAccountInputSchema>) {
  const { password, confirm } = deleteAccountInputSchema.parse(input);
  if (confirm.trim() !== 'DELETE') throw new AppError('BAD_REQUEST', 'Type DELETE to confirm.');
  const [row] = await deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Account not found');
  if (row.passwordHash && !(password && (await verifyPassword(row.passwordHash, password)))) {
    throw new AppError('FORBIDDEN', 'That password is not right. Nothing was deleted.');
  }
  const now = deps.now?.() ?? new Date();
  return deps.db.transaction(async (tx) => {
    // The last-owner check and the deletion under one lock of the workspace's owners.
    const lastOwner = isLastOwner(user, await ownerIdsOf(tx, user.tenantId, { lock: true }));
    await tx.update(users).set({ deletedAt: now, updatedAt: now }).where(eq(users.id, user.id));
    if (lastOwner) {
      await transitionTenant(tx, { tenantId: user.tenantId, to: 'soft_deleted', actor: 'user', actorUserId: user.id, reason: 'the last owner deleted their account', now });
    }
    return { deleted: true as const, workspaceDeleted: lastOwner, purgeAfter: new Date(now.getTime() + DELETION_GRACE_DAYS * 86_400_000) };
  });
}

/**
 * The purge job: accounts and workspaces deleted more than the grace period ago are removed for
 * good (a workspace's rows go with it by cascade). Idempotent: a second run finds nothing.
 */
export async function purgeDeletedAccounts(deps: { db: Db; now?: () => Date }) {
  const cutoff = new Date((deps.now?.() ?? new Date()).getTime() - DELETION_GRACE_DAYS * 86_400_000);
  return deps.db.transaction(async (tx) => {
    const goneTenants = await tx.delete(tenants).where(and(isNotNull(tenants.deletedAt), lt(tenants.deletedAt, cutoff))).returning({ id: tenants.id });
    // The lifecycle keeps the record of each purge (SPEC P4).
    await recordPurges(tx, goneTenants.map((t) => t.id), deps.now?.() ?? new Date());
    const goneUsers = await tx.delete(users).where(and(isNotNull(users.deletedAt), lt(users.deletedAt, cutoff))).returning({ id: users.id });
    return { tenants: goneTenants.length, users: goneUsers.length };
  });
}
