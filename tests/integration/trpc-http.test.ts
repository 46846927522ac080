import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { appRouter } from '~/server/transport/trpc/root';
import { createInnerTRPCContext } from '~/server/transport/trpc/trpc';
import { setupTestDeps } from '../helpers/deps';

/**
 * tRPC over HTTP, through the fetch adapter and the app router as the route serves them (the
 * route file itself is server-only): hostile transport-level input (issue 11).
 */
const deps = setupTestDeps();

const get = (procedure: string, input: unknown) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(`http://localhost/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`),
    router: appRouter,
    createContext: () => createInnerTRPCContext({ db: deps.db, redis: deps.redis, userId: null }),
  });

describe('tRPC over HTTP', () => {
  it('refuses crafted superjson annotations with a plain 400 before decoding (issue 11 #9)', async () => {
    for (const meta of [{ values: { q: ['custom', 'nope'] } }, { values: { q: ['class', 'Foo'] } }, { values: ['symbol'] }, { referentialEqualities: { a: ['b'] } }]) {
      const res = await get('growth.templates', { json: { q: 'x' }, meta });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).toContain('value type this API does not accept');
      expect(text).not.toMatch(/call stack|at \S+:\d+/);
    }
  });

  it('still accepts the annotations clients send (Date, undefined)', async () => {
    const res = await get('growth.templates', { json: { q: 'invoice', category: null }, meta: { values: { category: ['undefined'] } } });
    expect(res.status).toBe(200);
  });

  it('answers NUL characters with 400, never 500 (issue 11 #4)', async () => {
    const res = await get('growth.templates', { json: { q: 'in\u0000voice' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('NUL');
  });
});
