import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '~/server/domain/accounts/password';
import { createAdmin } from '~/server/domain/accounts/operators';
import { AppError } from '~/server/errors';
import { runMigrations } from '../../scripts/lib/migrate';
import { makeUser, setupTestDeps, uniqueEmail } from '../helpers/deps';

/**
 * A real installation started without the demo data has no admin: `npm run admin:create` makes
 * one. The first admin is tested on a database of its own (the shared test database has admins).
 */
const run = promisify(execFile);
const deps = setupTestDeps();
const base = new URL(process.env.DATABASE_URL!);
const name = `levqor_admin_${randomUUID().slice(0, 8)}`;
const freshUrl = Object.assign(new URL(base.href), { pathname: `/${name}` }).href;
const admin = postgres(base.href, { max: 1, onnotice: () => {} });

beforeAll(async () => {
  await admin.unsafe(`create database ${name}`);
  await runMigrations(freshUrl);
}, 60_000);
afterAll(async () => {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 5 });
});

const cli = (...args: string[]) =>
  run('npx', ['tsx', 'scripts/admin-create.ts', ...args], { env: { ...process.env, DATABASE_URL: freshUrl } }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

describe('npm run admin:create', () => {
  it('makes the first admin of an empty installation, whose printed password signs in; a second admin joins the operators', async () => {
    const first = await cli('--email', 'Ops@Company.example', '--name', 'Ops');
    expect(first.code).toBe(0);
    const password = /password \(shown once[^)]*\): (\S+)/.exec(first.out)?.[1];
    expect(password).toBeTruthy();

    const db = postgres(freshUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await db`select u.role, u.password_hash, t.name, t.status, t.plan, t.trial_ends_at from users u join tenants t on t.id = u.tenant_id where u.email = 'ops@company.example'`;
      expect(row).toMatchObject({ role: 'admin', name: 'Levqor operations', status: 'active', plan: 'business', trial_ends_at: null });
      expect(await verifyPassword(row!.password_hash as string, password!)).toBe(true);
      expect(row!.password_hash).not.toContain(password!);

      expect((await cli('--email', 'second@company.example')).code).toBe(0);
      const tenantsOfAdmins = await db`select distinct tenant_id from users where role = 'admin'`;
      expect(tenantsOfAdmins).toHaveLength(1);

      const again = await cli('--email', 'ops@company.example');
      expect(again.code).toBe(1);
      expect(again.err).toContain('already an admin');
      const bad = await cli('--email', 'not-an-address');
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('valid e-mail');
      expect(bad.err).not.toMatch(/insert|select|params/i);
    } finally {
      await db.end({ timeout: 5 });
    }
  }, 90_000);

  it('refuses an existing account unless told to promote it; promoted, it keeps its workspace and password', async () => {
    const member = await makeUser(deps.db, { role: 'member', password: 'a-long-password-1' });
    await expect(createAdmin(deps, { email: member.email })).rejects.toThrow(/--promote/);
    const promoted = await createAdmin(deps, { email: member.email.toUpperCase(), promote: true });
    expect(promoted).toMatchObject({ userId: member.id, tenantId: member.tenantId, promoted: true, password: null });
    await expect(createAdmin(deps, { email: member.email, promote: true })).rejects.toThrow(/already an admin/);
    const created = await createAdmin(deps, { email: uniqueEmail('ops') });
    expect(created.password).toMatch(/^[\w-]{20}$/);
    await expect(createAdmin(deps, { email: 'nope' })).rejects.toBeInstanceOf(AppError);
  });
});
