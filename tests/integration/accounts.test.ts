import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createSignInThrottle, verifyCredentials } from '~/server/domain/accounts/signin';
import { signUp, TRIAL_DAYS } from '~/server/domain/accounts/signup';
import { tenants, users } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { createRedis } from '~/server/infra/redis';
import { uniqueEmail, setupTestDeps } from '../helpers/deps';

const deps = setupTestDeps();
const PASSWORD = 'correct horse battery';

const throttle = (max = 3) =>
  createSignInThrottle(deps.redis, { prefix: `levqor-test:${crypto.randomUUID()}`, maxFailures: max, windowSeconds: 60, slowdownBaseMs: 0 });

async function expectAppError(p: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('sign-up (SPEC F1/F2)', () => {
  it('creates a tenant on a 7-day trial and its owner', async () => {
    const now = new Date('2026-11-21T10:00:00Z');
    const email = uniqueEmail('ada');
    const account = await signUp({ db: deps.db, now: () => now }, { name: 'Ada', email: email.toUpperCase(), password: PASSWORD, companyName: 'Analytical Engines', locale: 'fr', source: 'newsletter' });

    const [tenant] = await deps.db.select().from(tenants).where(eq(tenants.id, account.tenantId));
    const [user] = await deps.db.select().from(users).where(eq(users.id, account.userId));
    expect(tenant).toMatchObject({ name: 'Analytical Engines', status: 'trialing', plan: 'starter', signupSource: 'newsletter', locale: 'fr' });
    expect(tenant!.trialEndsAt!.getTime() - now.getTime()).toBe(TRIAL_DAYS * 86_400_000);
    expect(user).toMatchObject({ email, role: 'owner', tenantId: account.tenantId, locale: 'fr' });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain(PASSWORD);
  });

  it('refuses a second account for the same e-mail, whatever its case', async () => {
    const email = uniqueEmail('dup');
    await signUp({ db: deps.db }, { name: 'One', email, password: PASSWORD });
    const before = await deps.db.select().from(tenants);
    const err = await expectAppError(signUp({ db: deps.db }, { name: 'Two', email: email.toUpperCase(), password: PASSWORD }), 'CONFLICT');
    expect(err.message).toMatch(/already exists/);
    expect((await deps.db.select().from(tenants)).length).toBe(before.length);
  });

  it('rejects invalid details with a message and stores nothing', async () => {
    const email = uniqueEmail('bad');
    const err = await expectAppError(signUp({ db: deps.db }, { name: 'X', email, password: 'short' }), 'UNPROCESSABLE');
    expect(err.message).toMatch(/at least 10/);
    await expectAppError(signUp({ db: deps.db }, { name: 'X', email: 'not-an-email', password: PASSWORD }), 'UNPROCESSABLE');
    expect(await deps.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('creates exactly one account when the same sign-up races', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => signUp({ db: deps.db }, { name: 'Racer', email, password: PASSWORD })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('CONFLICT');
  });
});

describe('sign-in (SPEC F1)', () => {
  it('accepts the right password and records the login', async () => {
    const email = uniqueEmail('login');
    const account = await signUp({ db: deps.db }, { name: 'Lin', email, password: PASSWORD });
    const user = await verifyCredentials({ db: deps.db, throttle: throttle() }, { email: ` ${email.toUpperCase()} `, password: PASSWORD, ip: '10.1.1.1' });
    expect(user).toMatchObject({ id: account.userId, role: 'owner', tenantId: account.tenantId });
    const [row] = await deps.db.select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, account.userId));
    expect(row!.lastLoginAt).toBeInstanceOf(Date);
  });

  it('answers a wrong password and an unknown e-mail with the same message', async () => {
    const email = uniqueEmail('same');
    await signUp({ db: deps.db }, { name: 'Sam', email, password: PASSWORD });
    const t = throttle();
    const wrong = await expectAppError(verifyCredentials({ db: deps.db, throttle: t }, { email, password: 'wrong password!' }), 'UNAUTHORIZED');
    const unknown = await expectAppError(verifyCredentials({ db: deps.db, throttle: t }, { email: uniqueEmail('ghost'), password: PASSWORD }), 'UNAUTHORIZED');
    expect(wrong.message).toBe(unknown.message);
    expect(wrong.message).toBe('Wrong e-mail or password.');
  });

  it('refuses sign-in after repeated failures, even with the right password, then recovers', async () => {
    const email = uniqueEmail('brute');
    await signUp({ db: deps.db }, { name: 'Bru', email, password: PASSWORD });
    const t = throttle(3);
    for (let i = 0; i < 3; i++) {
      await expectAppError(verifyCredentials({ db: deps.db, throttle: t }, { email, password: `guess-${i}-xxxx` }), 'UNAUTHORIZED');
    }
    const blocked = await expectAppError(verifyCredentials({ db: deps.db, throttle: t }, { email, password: PASSWORD }), 'TOO_MANY_REQUESTS');
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another account is not affected by this e-mail's failures.
    const other = uniqueEmail('other');
    await signUp({ db: deps.db }, { name: 'Oth', email: other, password: PASSWORD });
    await expect(verifyCredentials({ db: deps.db, throttle: t }, { email: other, password: PASSWORD, ip: '10.9.9.9' })).resolves.toMatchObject({ email: other });
    // When the window has passed the right password works again.
    await t.byEmail.delete(createHash('sha256').update(email).digest('hex').slice(0, 32));
    await expect(verifyCredentials({ db: deps.db, throttle: t }, { email, password: PASSWORD })).resolves.toMatchObject({ email });
  });

  it('checks exactly the allowed number of guesses when they race (issue 11 #7)', async () => {
    const email = uniqueEmail('race');
    await signUp({ db: deps.db }, { name: 'Rac', email, password: PASSWORD });
    const t = throttle(5);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => verifyCredentials({ db: deps.db, throttle: t }, { email, password: `wrong-guess-${i}`, ip: `10.2.0.${i}` })),
    );
    const codes = outcomes.map((o) => (o.status === 'rejected' && o.reason instanceof AppError ? o.reason.code : 'other'));
    // Only five guesses reach the password check; the rest are refused before it.
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(35);
    // A right password is refused too while the window lasts.
    await expectAppError(verifyCredentials({ db: deps.db, throttle: t }, { email, password: PASSWORD, ip: '10.2.1.1' }), 'TOO_MANY_REQUESTS');
  });

  it('gives the reserved attempt back when the password is right', async () => {
    const email = uniqueEmail('refund');
    await signUp({ db: deps.db }, { name: 'Ref', email, password: PASSWORD });
    const t = throttle(2);
    for (let i = 0; i < 5; i++) {
      await expect(verifyCredentials({ db: deps.db, throttle: t }, { email, password: PASSWORD, ip: '10.3.0.1' })).resolves.toMatchObject({ email });
    }
  });

  it('slows each failure down a little more than the last', async () => {
    const email = uniqueEmail('slow');
    const t = createSignInThrottle(deps.redis, { prefix: `levqor-test:${crypto.randomUUID()}`, maxFailures: 10, windowSeconds: 60, slowdownBaseMs: 40 });
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await verifyCredentials({ db: deps.db, throttle: t }, { email, password: 'nope-nope-nope' }).catch(() => {});
      timings.push(performance.now() - started);
    }
    // 40 ms, 80 ms, 160 ms of added wait: each attempt lasts at least its pause.
    expect(timings[0]!).toBeGreaterThanOrEqual(38);
    expect(timings[1]!).toBeGreaterThanOrEqual(78);
    expect(timings[2]!).toBeGreaterThanOrEqual(158);
  });

  it('keeps throttling in memory when Redis is down', async () => {
    const deadRedis = createRedis('web', 'redis://127.0.0.1:1');
    const t = createSignInThrottle(deadRedis, { prefix: 'levqor-test:dead', maxFailures: 2, windowSeconds: 60, slowdownBaseMs: 0 });
    const email = uniqueEmail('offline');
    await signUp({ db: deps.db }, { name: 'Off', email, password: PASSWORD });
    await expectAppError(verifyCredentials({ db: deps.db, throttle: t }, { email, password: 'bad-bad-bad-1' }), 'UNAUTHORIZED');
    await expectAppError(verifyCredentials({ db: deps.db, throttle: t }, { email, password: 'bad-bad-bad-2' }), 'UNAUTHORIZED');
    await expectAppError(verifyCredentials({ db: deps.db, throttle: t }, { email, password: PASSWORD }), 'TOO_MANY_REQUESTS');
    deadRedis.disconnect();
  });
});
