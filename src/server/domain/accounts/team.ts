import { hashLinkToken, newLinkToken } from './link-tokens';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { resolveLocale } from '~/server/domain/marketing/content';
import { CATALOGS, fillMessage } from '~/server/domain/i18n/catalogs';
import type { Db } from '~/server/infra/db/client';
import { teamInvites, tenants, users } from '~/server/infra/db/schema';
import type { Logger } from '~/server/infra/logger';
import type { MailTransport } from '~/server/infra/mail/transport';
import { AppError } from '~/server/errors';
import { hashPassword } from './password';
import { emailSchema, passwordSchema } from './schemas';
import type { CurrentUser } from './users';

/**
 * Teams (SPEC P4): owners invite people by e-mail into their workspace, change roles and remove
 * members. An invitation is a link with a random token (only its SHA-256 is stored) that works
 * once, until it expires or is revoked; accepting it creates the account inside the workspace.
 * Without a mail transport the owner gets the link to pass on. A workspace always keeps at least
 * one owner. Platform admins may act as owners of any workspace they belong to.
 */
export const INVITE_TTL_DAYS = 7;
const TEAM_ROLES = ['member', 'owner'] as const;

type Deps = { db: Db; now?: () => Date; log?: Logger; mail?: MailTransport; appUrl?: string };

export const inviteInputSchema = z.strictObject({ email: emailSchema, role: z.enum(TEAM_ROLES, 'Choose member or owner').default('member') });
export const inviteIdSchema = z.strictObject({ id: z.uuid('Unknown invitation') });
export const memberRoleInputSchema = z.strictObject({ userId: z.string().min(1, 'Unknown member').max(100, 'Unknown member'), role: z.enum(TEAM_ROLES, 'Choose member or owner') });
export const memberIdSchema = z.strictObject({ userId: z.string().min(1, 'Unknown member').max(100, 'Unknown member') });
export const inviteTokenSchema = z.strictObject({ token: z.string().min(20, 'This invitation link is not valid').max(200, 'This invitation link is not valid') });
export const acceptInviteInputSchema = inviteTokenSchema.extend({
  name: z.string().trim().min(1, 'Tell us your name').max(120, 'Use at most 120 characters'),
  password: passwordSchema,
});

const isManager = (user: CurrentUser) => user.role === 'owner' || user.role === 'admin';
function assertManager(user: CurrentUser) {
  if (!isManager(user)) throw new AppError('FORBIDDEN', 'Only workspace owners can manage the team.');
}

export const hashInviteToken = hashLinkToken;

export async function listTeam(deps: { db: Db; now?: () => Date }, user: CurrentUser) {
  const now = deps.now?.() ?? new Date();
  const [members, invites] = await Promise.all([
    deps.db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, lastLoginAt: users.lastLoginAt, createdAt: users.createdAt })
      .from(users)
      .where(and(eq(users.tenantId, user.tenantId), isNull(users.deletedAt)))
      .orderBy(asc(users.createdAt), asc(users.id)),
    isManager(user)
      ? deps.db
          .select({ id: teamInvites.id, email: teamInvites.email, role: teamInvites.role, createdAt: teamInvites.createdAt, expiresAt: teamInvites.expiresAt })
          .from(teamInvites)
          .where(and(eq(teamInvites.tenantId, user.tenantId), isNull(teamInvites.acceptedAt), isNull(teamInvites.revokedAt)))
          .orderBy(desc(teamInvites.createdAt))
      : Promise.resolve([]),
  ]);
  return {
    members: members.map((m) => ({ ...m, role: m.role === 'admin' ? ('owner' as const) : m.role, you: m.id === user.id })),
    invites: invites.map((i) => ({ ...i, role: i.role === 'admin' ? ('owner' as const) : i.role, expired: i.expiresAt <= now })),
    canManage: isManager(user),
  };
}

/**
 * Invites an address into the caller's workspace. An address that already has a Levqor account
 * is refused (one account belongs to one workspace). Sends the link when mail is configured;
 * otherwise returns it for the owner to pass on.
 */
export async function inviteMember(deps: Deps, user: CurrentUser, input: z.input<typeof inviteInputSchema>) {
  assertManager(user);
  const { email, role } = inviteInputSchema.parse(input);
  const now = deps.now?.() ?? new Date();
  const [existing] = await deps.db.select({ tenantId: users.tenantId }).from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  if (existing) {
    throw new AppError(
      'CONFLICT',
      existing.tenantId === user.tenantId ? 'This person is already in your team.' : 'This address already has a Levqor account in another workspace.',
    );
  }
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000);
  const invite = await deps.db.transaction(async (tx) => {
    // A new invitation to the same address replaces the pending one (its link stops working).
    await tx
      .update(teamInvites)
      .set({ revokedAt: now })
      .where(and(eq(teamInvites.tenantId, user.tenantId), sql`lower(${teamInvites.email}) = ${email}`, isNull(teamInvites.acceptedAt), isNull(teamInvites.revokedAt)));
    const [row] = await tx
      .insert(teamInvites)
      .values({ tenantId: user.tenantId, email, role, tokenHash: hashInviteToken(token), invitedBy: user.id, createdAt: now, expiresAt })
      .returning({ id: teamInvites.id, email: teamInvites.email, role: teamInvites.role, expiresAt: teamInvites.expiresAt });
    return row!;
  });
  const link = `${(deps.appUrl ?? '').replace(/\/$/, '')}/invite/${token}`;
  let sent = false;
  if (deps.mail && deps.mail.kind !== 'none') {
    const [tenant] = await deps.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, user.tenantId)).limit(1);
    const texts = CATALOGS[resolveLocale(user.locale)].Team.mail;
    const values = { inviter: user.name?.trim() || user.email, workspace: tenant?.name ?? '', link, days: INVITE_TTL_DAYS };
    try {
      await deps.mail.send({ to: email, subject: fillMessage(texts.subject, values), text: fillMessage(texts.body, values), idempotencyKey: `invite-${invite.id}` });
      sent = true;
    } catch (error) {
      deps.log?.warn({ inviteId: invite.id, err: { message: (error as Error).message } }, 'invitation e-mail not sent; the owner gets the link');
    }
  }
  // The link goes back to the owner only when no e-mail carried it.
  return { invite: { ...invite, role: invite.role === 'admin' ? ('owner' as const) : invite.role }, sent, link: sent ? null : link };
}

export async function revokeInvite(deps: { db: Db; now?: () => Date }, user: CurrentUser, input: { id: string }) {
  assertManager(user);
  const [row] = await deps.db
    .update(teamInvites)
    .set({ revokedAt: deps.now?.() ?? new Date() })
    .where(and(eq(teamInvites.id, input.id), eq(teamInvites.tenantId, user.tenantId), isNull(teamInvites.acceptedAt), isNull(teamInvites.revokedAt)))
    .returning({ id: teamInvites.id });
  if (!row) throw new AppError('NOT_FOUND', 'Invitation not found');
  return { id: row.id };
}

export type InviteState = 'valid' | 'expired' | 'used' | 'revoked' | 'unknown';

/** What an invitation link leads to, for the page that opens it (no account needed). */
export async function inspectInvite(deps: { db: Db; now?: () => Date }, input: { token: string }) {
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .select({ email: teamInvites.email, role: teamInvites.role, expiresAt: teamInvites.expiresAt, acceptedAt: teamInvites.acceptedAt, revokedAt: teamInvites.revokedAt, workspace: tenants.name })
    .from(teamInvites)
    .innerJoin(tenants, eq(tenants.id, teamInvites.tenantId))
    .where(eq(teamInvites.tokenHash, hashInviteToken(input.token)))
    .limit(1);
  if (!row) return { state: 'unknown' as InviteState, email: null, workspace: null, role: null };
  const state: InviteState = row.acceptedAt ? 'used' : row.revokedAt ? 'revoked' : row.expiresAt <= now ? 'expired' : 'valid';
  return state === 'valid'
    ? { state, email: row.email, workspace: row.workspace, role: row.role === 'admin' ? ('owner' as const) : row.role }
    : { state, email: null, workspace: null, role: null };
}

const STATE_MESSAGES: Record<Exclude<InviteState, 'valid'>, string> = {
  unknown: 'This invitation link is not valid.',
  expired: 'This invitation has expired. Ask for a new one.',
  used: 'This invitation has already been used. Sign in instead.',
  revoked: 'This invitation was withdrawn. Ask for a new one.',
};

/** Creates the account in the inviting workspace, once; the link is spent in the same transaction. */
export async function acceptInvite(deps: { db: Db; now?: () => Date }, input: z.input<typeof acceptInviteInputSchema>) {
  const parsed = acceptInviteInputSchema.parse(input);
  const now = deps.now?.() ?? new Date();
  const passwordHash = await hashPassword(parsed.password);
  return deps.db.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(teamInvites)
      .where(eq(teamInvites.tokenHash, hashInviteToken(parsed.token)))
      .for('update')
      .limit(1);
    const state: InviteState = !invite ? 'unknown' : invite.acceptedAt ? 'used' : invite.revokedAt ? 'revoked' : invite.expiresAt <= now ? 'expired' : 'valid';
    if (state !== 'valid') throw new AppError(state === 'unknown' ? 'NOT_FOUND' : 'CONFLICT', STATE_MESSAGES[state], { details: { reason: state } });
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${invite!.email.toLowerCase()}`).limit(1);
    if (taken) throw new AppError('CONFLICT', 'This address already has a Levqor account. Sign in instead.', { details: { reason: 'taken' } });
    const [tenant] = await tx.select({ locale: tenants.locale }).from(tenants).where(eq(tenants.id, invite!.tenantId)).limit(1);
    const [user] = await tx
      .insert(users)
      .values({
        tenantId: invite!.tenantId,
        name: parsed.name,
        email: invite!.email.toLowerCase(),
        passwordHash,
        role: invite!.role === 'owner' ? 'owner' : 'member',
        locale: tenant?.locale ?? 'en',
        // The link reached this inbox: the address is verified.
        emailVerified: now,
        createdAt: now,
      })
      .returning({ id: users.id, email: users.email, role: users.role });
    await tx.update(teamInvites).set({ acceptedAt: now, acceptedUserId: user!.id }).where(eq(teamInvites.id, invite!.id));
    return { userId: user!.id, email: user!.email, role: user!.role };
  });
}

/**
 * The workspace's current owners (admins count as owners), locked when `lock` is set: the one
 * reading behind the last-owner rule (role changes, removals, account deletion).
 */
export async function ownerIdsOf(tx: Pick<Db, 'select'>, tenantId: string, opts: { lock?: boolean } = {}): Promise<string[]> {
  const query = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), isNull(users.deletedAt), sql`${users.role} in ('owner', 'admin')`));
  return (await (opts.lock ? query.for('update') : query)).map((r) => r.id);
}

export async function changeMemberRole(deps: { db: Db }, user: CurrentUser, input: z.input<typeof memberRoleInputSchema>) {
  assertManager(user);
  const { userId, role } = memberRoleInputSchema.parse(input);
  return deps.db.transaction(async (tx) => {
    const [member] = await tx.select({ id: users.id, role: users.role }).from(users).where(and(eq(users.id, userId), eq(users.tenantId, user.tenantId), isNull(users.deletedAt))).for('update').limit(1);
    if (!member) throw new AppError('NOT_FOUND', 'Member not found');
    if (member.role === 'admin') throw new AppError('FORBIDDEN', 'A platform admin’s role is not changed here.');
    if (member.role === role) return { userId, role };
    if (role === 'member' && (await ownerIdsOf(tx, user.tenantId, { lock: true })).length <= 1) {
      throw new AppError('CONFLICT', 'A workspace needs at least one owner: make someone else an owner first.');
    }
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    return { userId, role };
  });
}

/** Removes a member's account from the workspace (their workflows and runs stay, unattributed). */
export async function removeMember(deps: { db: Db }, user: CurrentUser, input: z.input<typeof memberIdSchema>) {
  assertManager(user);
  const { userId } = memberIdSchema.parse(input);
  return deps.db.transaction(async (tx) => {
    const [member] = await tx.select({ id: users.id, role: users.role }).from(users).where(and(eq(users.id, userId), eq(users.tenantId, user.tenantId), isNull(users.deletedAt))).for('update').limit(1);
    if (!member) throw new AppError('NOT_FOUND', 'Member not found');
    if (member.role === 'admin') throw new AppError('FORBIDDEN', 'A platform admin is not removed here.');
    if (member.role === 'owner' && (await ownerIdsOf(tx, user.tenantId, { lock: true })).length <= 1) {
      throw new AppError('CONFLICT', 'A workspace needs at least one owner: the last owner cannot be removed.');
    }
    await tx.delete(users).where(eq(users.id, userId));
    return { userId };
  });
}
