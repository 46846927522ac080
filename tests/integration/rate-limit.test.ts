import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { createCaller } from '~/server/transport/trpc/root';
import { createInnerTRPCContext } from '~/server/transport/trpc/trpc';
import { route } from '~/server/transport/rest/route';
import { CLIENT_IP_HEADER } from '~/server/transport/rest/client-ip';
import { createRedis } from '~/server/infra/redis';
import { chooseRateLimits } from '~/server/domain/scaling/policy';
import { createRateLimiter, getRateLimiter } from '~/server/domain/scaling/rate-limit';
import { makeUser, setupTestDeps } from '../helpers/deps';

const deps = setupTestDeps();
const prefix = () => `levqor-test:rl-${crypto.randomUUID().slice(0, 8)}`;

describe('rate limits (SPEC H5)', () => {
  it('refuses the request after the configured limit, with a retry time, per caller', async () => {
    const limiter = createRateLimiter({ redis: deps.redis, prefix: prefix(), limits: () => chooseRateLimits(0.95) });
    const limit = chooseRateLimits(0.95).limits.api.points;
    const results = [];
    for (let i = 0; i < limit + 1; i++) results.push(await limiter.check('api', { userId: 'u-1' }));
    expect(results.slice(0, limit).every((r) => r.allowed)).toBe(true);
    const refused = results[limit]!;
    expect(refused).toMatchObject({ allowed: false, tier: 'critical', limit });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    // Another caller has its own budget.
    expect((await limiter.check('api', { userId: 'u-2' })).allowed).toBe(true);
    limiter.stop();
  });

  it('tightens when the load rises, without resetting counts', async () => {
    let load = 0;
    const limiter = createRateLimiter({ redis: deps.redis, prefix: prefix(), limits: () => chooseRateLimits(load) });
    for (let i = 0; i < 100; i++) expect((await limiter.check('api', { ip: '10.0.0.9' })).allowed).toBe(true);
    expect(limiter.status().tier).toBe('generous');
    load = 0.95;
    expect(limiter.status().tier).toBe('critical');
    // 100 already used > 60 allowed in the critical tier.
    expect((await limiter.check('api', { ip: '10.0.0.9' })).allowed).toBe(false);
    limiter.stop();
  });

  it('keeps limiting in memory when Redis is down', async () => {
    const dead = createRedis('web', 'redis://127.0.0.1:1');
    const limiter = createRateLimiter({ redis: dead, prefix: prefix(), limits: () => chooseRateLimits(1) });
    const limit = chooseRateLimits(1).limits.ai.points;
    for (let i = 0; i < limit; i++) expect((await limiter.check('ai', { userId: 'x' })).allowed).toBe(true);
    expect((await limiter.check('ai', { userId: 'x' })).allowed).toBe(false);
    limiter.stop();
    dead.disconnect();
  });

  it('answers tRPC callers over the limit with TOO_MANY_REQUESTS and a message', async () => {
    const user = await makeUser(deps.db);
    const limiter = createRateLimiter({ redis: deps.redis, prefix: prefix(), limits: () => chooseRateLimits(1) });
    const api = createCaller(createInnerTRPCContext({ ...deps, userId: user.id, rateLimiter: limiter }));
    const limit = chooseRateLimits(1).limits.api.points;
    for (let i = 0; i < limit; i++) await api.system.pulse();
    const error = await api.account.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    expect((error as TRPCError).message).toMatch(/Too many requests/);
    expect(((error as TRPCError).cause as unknown as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    limiter.stop();
  });

  it('uses the strict AI class for AI capabilities but not for reading the AI balance', async () => {
    const user = await makeUser(deps.db);
    const limiter = createRateLimiter({ redis: deps.redis, prefix: prefix(), limits: () => chooseRateLimits(1) });
    const api = createCaller(createInnerTRPCContext({ ...deps, userId: user.id, rateLimiter: limiter }));
    const aiLimit = chooseRateLimits(1).limits.ai.points;
    for (let i = 0; i < aiLimit + 3; i++) await api.ai.usage();
    for (let i = 0; i < aiLimit; i++) await api.ai.debug({ error: 'connect ECONNREFUSED 10.0.0.1:5432' });
    await expect(api.ai.debug({ error: 'connect ECONNREFUSED 10.0.0.1:5432' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    limiter.stop();
  });

  it('answers REST callers over the limit with 429, Retry-After and a JSON error', async () => {
    const handler = route({ name: 'test.auth', auth: 'public', rateClass: 'auth', csrf: 'none' }, () => ({ ok: true }));
    const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const call = () => handler(new Request('http://localhost/api/x', { headers: { [CLIENT_IP_HEADER]: ip } }));
    const limit = getRateLimiter().status().limits.auth.points;
    for (let i = 0; i < limit; i++) expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS', message: expect.any(String) } });
    expect(refused.headers.get('x-request-id')).toBeTruthy();
  });
});
