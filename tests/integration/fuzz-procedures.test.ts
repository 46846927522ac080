import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '~/server/transport/trpc/root';
import { callerFor, makeUser, setupTestDeps, type TestUser } from '../helpers/deps';

/**
 * Issue 11: every procedure, called as anonymous, member and admin with hostile values, answers
 * a 4xx (or succeeds) — never a 5xx, never an internal message (SQL, stack, parameters). A new
 * procedure is covered the day it is added.
 */
const deps = setupTestDeps();
const procedures = Object.keys(appRouter._def.procedures as Record<string, unknown>).sort();

const deep: unknown[] = [];
let cursor = deep;
for (let i = 0; i < 60; i++) {
  const next: unknown[] = [];
  cursor.push(next);
  cursor = next;
}

const HOSTILE: [string, unknown][] = [
  ['NUL in a string', 'a\u0000b'],
  ['NUL in common fields', { id: 'x\u0000', name: 'n\u0000', q: '\u0000', query: 'hi\u0000', error: '\u0000', workflowId: '\u0000', locale: 'en\u0000' }],
  ['a lone surrogate', { name: '\ud800', query: 'x\udc00y', q: '\ud83d' }],
  ['year 0000 and 9999', { from: '0000-01-01', to: '9999-12-31', day: '0001-01-01', week: '0000-W01' }],
  ['huge numbers', { limit: 1e308, offset: -1e308, days: Number.MAX_SAFE_INTEGER, amount: 1e300 }],
  ['prototype keys', JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}')],
  ['a very long string', { name: 'x'.repeat(200_000), query: 'y'.repeat(200_000) }],
  ['deep nesting', { steps: deep, payload: deep }],
  ['wrong types everywhere', { id: 1, limit: 'ten', steps: 'none', decision: 42, payload: [] }],
];

let users: Record<'anonymous' | 'member' | 'admin', TestUser | null>;
beforeAll(async () => {
  users = { anonymous: null, member: await makeUser(deps.db, { role: 'member' }), admin: await makeUser(deps.db, { role: 'admin' }) };
});

const INTERNAL = /failed query|insert into|select .* from|params:|\bat \S+:\d+:\d+|postgres|drizzle|TypeError|ReferenceError|stack/i;

describe('hostile input on every procedure', () => {
  it.each(procedures)('%s never answers 5xx or leaks an internal message', async (path) => {
    const [ns, name] = path.split('.') as [string, string];
    for (const role of ['anonymous', 'member', 'admin'] as const) {
      const caller = callerFor(deps, users[role]) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
      for (const [label, input] of HOSTILE) {
        try {
          await caller[ns]![name]!(input);
        } catch (e) {
          if (!(e instanceof TRPCError)) throw e;
          expect(e.code, `${path} as ${role} with ${label}: ${e.message}`).not.toBe('INTERNAL_SERVER_ERROR');
          expect(e.message, `${path} as ${role} with ${label}`).not.toMatch(INTERNAL);
        }
      }
    }
  });
});
