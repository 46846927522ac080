import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as deleteAccountRoute } from '~/app/api/me/delete-account/route';
import { GET as exportRoute } from '~/app/api/me/export-data/route';
import { purgeDeletedAccounts } from '~/server/domain/accounts/privacy';
import { acceptInvite, inviteMember } from '~/server/domain/accounts/team';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { setSecret } from '~/server/domain/secrets/store';
import { openTicket } from '~/server/domain/support/tickets';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { tenants, users, workflows } from '~/server/infra/db/schema';
import { secretsDeps } from '~/server/transport/engine-deps';
import { callerFor, makeUser, sessionCookie, setupTestDeps } from '../helpers/deps';

const deps = setupTestDeps();
const hook = { id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } } as const;

/** Reads a ZIP the way an unzip tool does: central directory, then each entry, CRC checked. */
function readZip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const data = buf.subarray(dataStart, dataStart + size);
    expect(crc32(data) >>> 0).toBe(crc);
    files.set(name, data.toString('utf8'));
    at += 46 + nameLength;
  }
  return files;
}

async function exportOf(user: { id: string }) {
  const res = await exportRoute(new Request('http://localhost:3000/api/me/export-data', { headers: { cookie: await sessionCookie(user) } }));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  const buf = Buffer.from(await res.arrayBuffer());
  // The system's unzip agrees the archive is sound (where it is installed).
  if (existsSync('/usr/bin/unzip')) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'levqor-export-')), 'export.zip');
    writeFileSync(file, buf);
    expect(execFileSync('/usr/bin/unzip', ['-tq', file]).toString()).toMatch(/No errors detected/);
  }
  return readZip(buf);
}

const deleteRequest = async (user: { id: string }, body: unknown, headers: Record<string, string> = {}) =>
  deleteAccountRoute(
    new Request('http://localhost:3000/api/me/delete-account', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { cookie: await sessionCookie(user), 'content-type': 'application/json', ...headers },
    }),
  );

describe('privacy rights (SPEC P5)', () => {
  it('exports the caller’s data and the workspace’s for an owner — never another tenant’s rows or a secret’s value', async () => {
    const owner = await makeUser(deps.db, { name: 'Export Owner' });
    const ownerUser = (await loadCurrentUser(deps, owner.id))!;
    const mine = await createWorkflow({ db: deps.db }, ownerUser, { name: 'Mine to export', steps: [hook] });
    await setSecret(secretsDeps(deps), ownerUser, { name: 'CRM_KEY', value: 'sk-live-plaintext-value-123' });
    const other = await makeUser(deps.db);
    const theirs = await createWorkflow({ db: deps.db }, (await loadCurrentUser(deps, other.id))!, { name: 'Someone else’s workflow', steps: [hook] });
    // 1,200 more workflows: the export pages through them (500 per query).
    await deps.db.insert(workflows).values(Array.from({ length: 1200 }, (_, i) => ({ tenantId: owner.tenantId, name: `Bulk ${i}`, steps: [hook] })));

    const ticket = await openTicket({ db: deps.db }, ownerUser, { subject: 'Export my ticket', body: 'Is my ticket in the export?' });
    const files = await exportOf(owner);
    expect([...files.keys()].sort()).toEqual(
      ['README.txt', 'ai_usage.json', 'profile.json', 'referral_codes.json', 'referrals_made.json', 'workspace.json', 'team.json', 'team_invites.json', 'workflows.json', 'workflow_versions.json', 'runs.json', 'run_steps.json', 'usage_counters.json', 'usage_events.json', 'subscriptions.json', 'secrets.json', 'support_tickets.json', 'support_messages.json'].sort(),
    );
    const json = (name: string) => JSON.parse(files.get(name)!) as Record<string, unknown>[];
    expect(json('profile.json')).toEqual([expect.objectContaining({ id: owner.id, email: owner.email, name: 'Export Owner' })]);
    expect(json('profile.json')[0]).not.toHaveProperty('passwordHash');
    const wf = json('workflows.json');
    expect(wf).toHaveLength(1201);
    expect(wf.map((w) => w.id)).toContain(mine.id);
    expect(wf[0]).not.toHaveProperty('webhookSecretHash');
    expect(json('workspace.json')).toEqual([expect.objectContaining({ id: owner.tenantId })]);
    expect(json('secrets.json')).toEqual([expect.objectContaining({ name: 'CRM_KEY' })]);
    expect(json('support_tickets.json')).toEqual([expect.objectContaining({ id: ticket.id, subject: 'Export my ticket' })]);
    expect(json('support_messages.json')).toEqual([expect.objectContaining({ ticketId: ticket.id, body: 'Is my ticket in the export?' })]);
    const everything = [...files.values()].join('\n');
    expect(everything).not.toContain('sk-live-plaintext-value-123');
    expect(everything).not.toContain('ciphertext');
    expect(everything).not.toContain(theirs.id);
    expect(everything).not.toContain(other.email);
  });

  it('a member exports their own work only; a signed-out call is 401', async () => {
    const owner = await makeUser(deps.db);
    const ownerUser = (await loadCurrentUser(deps, owner.id))!;
    const invite = await inviteMember({ db: deps.db }, ownerUser, { email: `member-${crypto.randomUUID().slice(0, 8)}@example.test` });
    const joined = await acceptInvite(deps, { token: invite.link!.split('/invite/')[1]!, name: 'Mia Member', password: 'member-password-1' });
    const member = (await loadCurrentUser(deps, joined.userId))!;
    const own = await createWorkflow({ db: deps.db }, member, { name: 'Made by the member', steps: [hook] });
    const ownersOnly = await createWorkflow({ db: deps.db }, ownerUser, { name: 'Made by the owner', steps: [hook] });
    const ownersTicket = await openTicket({ db: deps.db }, ownerUser, { subject: 'Owner only', body: 'A ticket the member did not open.' });
    const membersTicket = await openTicket({ db: deps.db }, member, { subject: 'Member ticket', body: 'A ticket the member opened.' });
    const files = await exportOf(member);
    expect(files.has('workspace.json')).toBe(false);
    expect(JSON.parse(files.get('support_tickets.json')!).map((t: { id: string }) => t.id)).toEqual([membersTicket.id]);
    expect(files.get('support_messages.json')).not.toContain(ownersTicket.id);
    expect(JSON.parse(files.get('workflows.json')!).map((w: { id: string }) => w.id)).toEqual([own.id]);
    expect([...files.values()].join()).not.toContain(ownersOnly.id);

    const anonymous = await exportRoute(new Request('http://localhost:3000/api/me/export-data'));
    expect(anonymous.status).toBe(401);
  });

  it('deletes an account only with the password and DELETE; a last owner takes the workspace; the purge comes after 30 days, once', async () => {
    const owner = await makeUser(deps.db, { password: 'owner-password-1' });
    const ownerUser = (await loadCurrentUser(deps, owner.id))!;
    const invite = await inviteMember({ db: deps.db }, ownerUser, { email: `stay-${crypto.randomUUID().slice(0, 8)}@example.test` });
    const member = await acceptInvite(deps, { token: invite.link!.split('/invite/')[1]!, name: 'Stays', password: 'member-password-1' });

    const wrong = await deleteRequest(owner, { password: 'not-my-password', confirm: 'DELETE' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'That password is not right. Nothing was deleted.' } });
    // In the caller's language (the page's lang, sent by our client).
    const wrongFr = await deleteRequest(owner, { password: 'not-my-password', confirm: 'DELETE' }, { 'x-levqor-locale': 'fr' });
    expect(await wrongFr.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Ce mot de passe n’est pas le bon. Rien n’a été supprimé.' } });
    expect(await loadCurrentUser(deps, owner.id)).not.toBeNull();
    expect((await deleteRequest(owner, { password: 'owner-password-1', confirm: 'delete me' })).status).toBe(400);
    expect((await deleteRequest(owner, { confirm: 'DELETE', extra: 1 })).status).toBe(422);

    // A member leaves: only that account goes.
    const memberGone = await deleteRequest({ id: member.userId }, { password: 'member-password-1', confirm: 'DELETE' });
    expect(await memberGone.json()).toMatchObject({ deleted: true, workspace_deleted: false });
    expect(await loadCurrentUser(deps, member.userId)).toBeNull();
    expect(await loadCurrentUser(deps, owner.id)).not.toBeNull();
    // A deleted account is no longer a member of the team, and never counts as an owner.
    expect((await callerFor(deps, owner).team.list()).members.map((m) => m.id)).toEqual([owner.id]);

    const res = await deleteRequest(owner, { password: 'owner-password-1', confirm: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('authjs.session-token=;'))).toBe(true);
    const body = (await res.json()) as { workspace_deleted: boolean; purge_after: string };
    expect(body.workspace_deleted).toBe(true);
    // Signed out everywhere: the session no longer loads a user.
    expect(await loadCurrentUser(deps, owner.id)).toBeNull();

    const deletedAt = (await deps.db.select({ d: tenants.deletedAt }).from(tenants).where(eq(tenants.id, owner.tenantId)))[0]!.d!;
    const at = (days: number) => () => new Date(deletedAt.getTime() + days * 86_400_000);
    await purgeDeletedAccounts({ db: deps.db, now: at(29) });
    expect(await deps.db.select().from(tenants).where(eq(tenants.id, owner.tenantId))).toHaveLength(1);
    const purged = await purgeDeletedAccounts({ db: deps.db, now: at(31) });
    expect(purged.tenants).toBeGreaterThanOrEqual(1);
    expect(await deps.db.select().from(tenants).where(eq(tenants.id, owner.tenantId))).toEqual([]);
    expect(await deps.db.select().from(users).where(eq(users.id, owner.id))).toEqual([]);
    // Idempotent: a second run on the same day finds nothing of this workspace.
    await purgeDeletedAccounts({ db: deps.db, now: at(31) });
    expect(await deps.db.select().from(users).where(eq(users.tenantId, owner.tenantId))).toEqual([]);
  });
});
