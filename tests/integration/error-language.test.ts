import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { appRouter } from '~/server/transport/trpc/root';
import { createInnerTRPCContext } from '~/server/transport/trpc/trpc';
import { makeUser, setupTestDeps } from '../helpers/deps';

/**
 * Domain errors reach the person in their language (messages/ ErrorMessages) through tRPC's
 * error formatter, as the browser receives them; codes stay the same.
 */
const deps = setupTestDeps();

async function call(user: { id: string }, locale: string | null, path: string, input: unknown, method: 'GET' | 'POST' = 'GET') {
  const encoded = encodeURIComponent(JSON.stringify({ json: input }));
  const req =
    method === 'GET'
      ? new Request(`http://localhost/api/trpc/${path}?input=${encoded}`)
      : new Request(`http://localhost/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: input }) });
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createInnerTRPCContext({ db: deps.db, redis: deps.redis, userId: user.id, locale }),
  });
  const body = (await res.json()) as { error: { json: { message: string; data: { code: string } } } };
  return { status: res.status, message: body.error.json.message, code: body.error.json.data.code };
}

describe('tRPC errors in the caller\'s language', () => {
  it('a missing workflow is "nicht gefunden" in German, "not found" without a language', async () => {
    const owner = await makeUser(deps.db);
    const id = crypto.randomUUID();
    expect(await call(owner, 'de', 'workflows.get', { id })).toEqual({ status: 404, code: 'NOT_FOUND', message: 'Workflow nicht gefunden' });
    expect(await call(owner, null, 'workflows.get', { id })).toEqual({ status: 404, code: 'NOT_FOUND', message: 'Workflow not found' });
  });

  it('an owner-only action refused to a member, in Japanese', async () => {
    const member = await makeUser(deps.db, { role: 'member' });
    expect(await call(member, 'ja', 'billing.portal', { intent: 'manage' }, 'POST')).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      message: 'プランの変更や請求ポータルを開けるのはワークスペースのオーナーだけです。',
    });
  });
});
