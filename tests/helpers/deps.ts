import { randomUUID } from 'node:crypto';
import { eq, TransactionRollbackError } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { hashPassword } from '~/server/domain/accounts/password';
import { createTenantWithOwner } from '~/server/domain/accounts/signup';
import { createCaller } from '~/server/transport/trpc/root';
import { createInnerTRPCContext } from '~/server/transport/trpc/trpc';
import { createDb, type Db } from '~/server/infra/db/client';
import { users } from '~/server/infra/db/schema';
import { createRedis } from '~/server/infra/redis';

/** Real PostgreSQL (levqor_test) and Redis for a test file; closed after the file. */
export function setupTestDeps(): { db: Db; redis: Redis } {
  const { db, sql } = createDb(process.env.DATABASE_URL, { max: 5 });
  const redis = createRedis('web');
  // Web clients have no offline queue: wait for the connection before the first command.
  beforeAll(async () => {
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  });
  afterAll(async () => {
    redis.disconnect();
    await sql.end({ timeout: 5 });
  });
  return { db, redis };
}

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export type TestUser = { id: string; tenantId: string; email: string; role: 'member' | 'owner' | 'admin'; password?: string };

/** A tenant with one user of the given role (password optional: hashing is slow on purpose). */
export async function makeUser(
  db: Db,
  opts: { role?: 'member' | 'owner' | 'admin'; password?: string; name?: string } = {},
): Promise<TestUser> {
  const email = uniqueEmail(opts.role ?? 'owner');
  const account = await createTenantWithOwner(
    { db },
    {
      name: opts.name ?? 'Test User',
      email,
      passwordHash: opts.password ? await hashPassword(opts.password) : null,
      companyName: `Tenant ${email}`,
    },
  );
  const role = opts.role ?? 'owner';
  if (role !== 'owner') await db.update(users).set({ role }).where(eq(users.id, account.userId));
  return { id: account.userId, tenantId: account.tenantId, email, role, password: opts.password };
}

export function callerFor(deps: { db: Db; redis: Redis }, user: { id: string } | null, opts: { ip?: string } = {}) {
  return createCaller(createInnerTRPCContext({ db: deps.db, redis: deps.redis, userId: user?.id ?? null, ip: opts.ip ?? null }));
}

/** A valid Auth.js session cookie for a user, as the browser would send it (REST route tests). */
export async function sessionCookie(user: { id: string }, opts: { signedInAt?: number } = {}): Promise<string> {
  const { encode } = await import('next-auth/jwt');
  const salt = 'authjs.session-token';
  const claims = opts.signedInAt === undefined ? { sub: user.id } : { sub: user.id, signedInAt: opts.signedInAt };
  const token = await encode({ token: claims, secret: process.env.AUTH_SECRET!, salt, maxAge: 3600 });
  return `${salt}=${token}`;
}

/**
 * Runs `fn` inside a transaction that is then rolled back: rows seeded there (telemetry, incidents,
 * plans on a clock of their own) are never seen by other test files, and theirs never by `fn`
 * beyond what was committed.
 */
export async function inRolledBackTransaction(db: Db, fn: (tx: Db) => Promise<void>) {
  await db
    .transaction(async (tx) => {
      await fn(tx as unknown as Db);
      tx.rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof TransactionRollbackError)) throw e;
    });
}
