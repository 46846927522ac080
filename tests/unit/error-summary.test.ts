import { describe, expect, it } from 'vitest';
import { APP_ERRORS, errorEnvelope, httpStatusOf, safeErrorSummary, trpcCodeOf } from '~/server/errors';

/**
 * SPEC F5 / issue 11 #3: what is logged about an unexpected error never carries a query's text
 * or its parameters — Drizzle's "Failed query: insert into … params: <tenant>, <name>, …".
 */
class FakePostgresError extends Error {
  severity = 'ERROR';
  code = '23505';
  constraint_name = 'users_email_idx';
  table_name = 'users';
}

describe('safeErrorSummary', () => {
  it('keeps class, database code, constraint and table of a failed query, and nothing else', () => {
    const cause = new FakePostgresError('duplicate key value violates unique constraint "users_email_idx"');
    const error = new Error('Failed query: insert into "users" ("name", "email") values ($1, $2)\nparams: Ada Lovelace,ada@example.com', { cause });
    const summary = safeErrorSummary(error);
    expect(summary).toEqual({ name: 'Error', dbCode: '23505', constraint: 'users_email_idx', table: 'users' });
    const text = JSON.stringify(summary);
    for (const leaked of ['insert into', 'params', 'Ada', 'ada@example.com', '$1']) expect(text).not.toContain(leaked);
  });

  it('drops the message of anything that looks like a query even without a database cause', () => {
    const summary = safeErrorSummary(new Error('Failed query: select * from tenants where id = $1 params: 42'));
    expect(JSON.stringify(summary)).not.toMatch(/select|params|42/);
  });

  it('keeps an ordinary error’s message and a few stack frames', () => {
    const summary = safeErrorSummary(new TypeError('x is not a function'));
    expect(summary).toMatchObject({ name: 'TypeError', message: 'x is not a function' });
    expect(summary.stack ?? '').not.toContain('x is not a function');
  });
});

describe('the one error map', () => {
  it('maps every code to an HTTP status and a tRPC code, and back', () => {
    for (const [code, entry] of Object.entries(APP_ERRORS)) {
      expect(httpStatusOf(code)).toBe(entry.status);
      expect(httpStatusOf(entry.trpc)).toBe(entry.status);
      expect(trpcCodeOf(code as keyof typeof APP_ERRORS)).toBe(entry.trpc);
    }
    expect(httpStatusOf('INTERNAL_SERVER_ERROR')).toBe(500);
    expect(errorEnvelope('NOT_FOUND', 'Run not found')).toEqual({ error: { code: 'NOT_FOUND', message: 'Run not found' } });
  });
});
