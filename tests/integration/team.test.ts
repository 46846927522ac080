import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptInvite, changeMemberRole, inspectInvite, inviteMember, removeMember } from '~/server/domain/accounts/team';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { teamInvites, users } from '~/server/infra/db/schema';
import { createMailTransport } from '~/server/infra/mail/transport';
import { callerFor, makeUser, setupTestDeps, uniqueEmail } from '../helpers/deps';

const deps = setupTestDeps();
const tokenOf = (link: string) => link.split('/invite/')[1]!;

/** A local server speaking Resend's POST /emails, recording what was sent. */
const sent: { to: unknown; subject: string; text: string }[] = [];
const resend: Server = createServer((req, res) => {
  let data = '';
  req.on('data', (c: Buffer) => (data += c.toString('utf8')));
  req.on('end', () => {
    const body = JSON.parse(data || '{}') as { to: unknown; subject: string; text: string };
    sent.push(body);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `email-${sent.length}` }));
  });
});
await new Promise<void>((resolve) => resend.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((r) => resend.close(() => r())));
const mail = createMailTransport({ resendApiKey: 're_test_key_123', resendBaseUrl: `http://127.0.0.1:${(resend.address() as AddressInfo).port}`, from: 'Levqor <team@example.test>' });

async function owner() {
  const made = await makeUser(deps.db, { name: 'Olga Owner' });
  return { made, user: (await loadCurrentUser(deps, made.id))! };
}

describe('teams (SPEC P4)', () => {
  it('an owner invites without a mail transport, gets the link, and the invitee joins that workspace once', async () => {
    const { made } = await owner();
    const api = callerFor(deps, made);
    const email = uniqueEmail('invitee');
    const invited = await api.team.invite({ email, role: 'member' });
    expect(invited).toMatchObject({ sent: false, invite: { email, role: 'member' } });
    expect(invited.link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    // Only the token's hash is stored.
    const [row] = await deps.db.select().from(teamInvites).where(eq(teamInvites.id, invited.invite.id));
    expect(row!.tokenHash).not.toContain(tokenOf(invited.link!));

    const anonymous = callerFor(deps, null);
    const token = tokenOf(invited.link!);
    expect(await anonymous.team.inspectInvite({ token })).toMatchObject({ state: 'valid', email, role: 'member', workspace: `Tenant ${made.email}` });
    await expect(anonymous.team.acceptInvite({ token, name: 'Ivy', password: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await anonymous.team.acceptInvite({ token, name: 'Ivy Invitee', password: 'a-long-enough-password' })).toEqual({ email });

    const [joined] = await deps.db.select().from(users).where(eq(users.email, email));
    expect(joined).toMatchObject({ tenantId: made.tenantId, role: 'member', name: 'Ivy Invitee' });
    expect(joined!.emailVerified).not.toBeNull();
    // Single use.
    await expect(anonymous.team.acceptInvite({ token, name: 'Again', password: 'a-long-enough-password' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'This invitation has already been used. Sign in instead.' });
    expect(await anonymous.team.inspectInvite({ token })).toEqual({ state: 'used', email: null, workspace: null, role: null });

    // The member sees the team but not the invitations, and cannot change it.
    const member = callerFor(deps, { id: joined!.id });
    const seen = await member.team.list();
    expect(seen.members.map((m) => [m.email, m.role])).toEqual([
      [made.email, 'owner'],
      [email, 'member'],
    ]);
    expect(seen).toMatchObject({ canManage: false, invites: [] });
    await expect(member.team.invite({ email: uniqueEmail('x') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(member.team.changeRole({ userId: made.id, role: 'member' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(member.team.remove({ userId: made.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('e-mails the link in the inviter’s language when a transport is configured, and does not return it', async () => {
    const { user } = await owner();
    const email = uniqueEmail('mailed');
    const result = await inviteMember({ db: deps.db, mail, appUrl: 'https://levqor.example' }, { ...user, locale: 'de' }, { email });
    expect(result).toMatchObject({ sent: true, link: null });
    const message = sent.find((m) => JSON.stringify(m.to).includes(email))!;
    expect(message.subject).toBe(`Olga Owner hat Sie zu Tenant ${user.email} auf Levqor eingeladen`);
    const link = /https:\/\/levqor\.example\/invite\/\S+/.exec(message.text)![0];
    expect(await inspectInvite(deps, { token: tokenOf(link) })).toMatchObject({ state: 'valid', email });
  });

  it('refuses expired, withdrawn, replaced and forged links, changing nothing', async () => {
    const { made, user } = await owner();
    const now = new Date();
    const email = uniqueEmail('late');
    const first = await inviteMember({ db: deps.db, now: () => now }, user, { email });
    const later = () => new Date(now.getTime() + 8 * 86_400_000);
    expect((await inspectInvite({ db: deps.db, now: later }, { token: tokenOf(first.link!) })).state).toBe('expired');
    await expect(acceptInvite({ db: deps.db, now: later }, { token: tokenOf(first.link!), name: 'Late', password: 'a-long-enough-password' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'This invitation has expired. Ask for a new one.' });

    // A new invitation to the same address replaces the first link.
    const second = await inviteMember({ db: deps.db }, user, { email });
    expect((await inspectInvite(deps, { token: tokenOf(first.link!) })).state).toBe('revoked');
    const api = callerFor(deps, made);
    expect((await api.team.list()).invites.map((i) => i.email)).toEqual([email]);
    await api.team.revokeInvite({ id: second.invite.id });
    await expect(callerFor(deps, null).team.acceptInvite({ token: tokenOf(second.link!), name: 'N', password: 'a-long-enough-password' })).rejects.toMatchObject({ code: 'CONFLICT' });

    await expect(callerFor(deps, null).team.acceptInvite({ token: 'f'.repeat(43), name: 'Forger', password: 'a-long-enough-password' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'This invitation link is not valid.' });
    expect(await deps.db.select().from(users).where(eq(users.email, email))).toEqual([]);

    // An address that already has an account anywhere is refused.
    const other = await makeUser(deps.db);
    await expect(api.team.invite({ email: other.email })).rejects.toMatchObject({ code: 'CONFLICT', message: 'This address already has a Levqor account in another workspace.' });
  });

  it('keeps at least one owner; another workspace cannot touch the team', async () => {
    const { made, user } = await owner();
    const api = callerFor(deps, made);
    await expect(api.team.changeRole({ userId: made.id, role: 'member' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api.team.remove({ userId: made.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    const invite = await inviteMember({ db: deps.db }, user, { email: uniqueEmail('second'), role: 'owner' });
    const second = await acceptInvite(deps, { token: tokenOf(invite.link!), name: 'Second Owner', password: 'a-long-enough-password' });
    expect(second.role).toBe('owner');
    // With two owners, one may step down; then the other is the last one again.
    expect(await changeMemberRole(deps, user, { userId: made.id, role: 'member' })).toEqual({ userId: made.id, role: 'member' });
    const secondUser = (await loadCurrentUser(deps, second.userId))!;
    await expect(removeMember(deps, secondUser, { userId: second.userId })).rejects.toMatchObject({ code: 'CONFLICT' });

    const stranger = await makeUser(deps.db);
    const strangerApi = callerFor(deps, stranger);
    await expect(strangerApi.team.changeRole({ userId: made.id, role: 'owner' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(strangerApi.team.remove({ userId: made.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await strangerApi.team.list()).members.map((m) => m.id)).toEqual([stranger.id]);

    // Removing a member deletes the account: its session no longer opens anything.
    await removeMember(deps, secondUser, { userId: made.id });
    await expect(callerFor(deps, made).account.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
