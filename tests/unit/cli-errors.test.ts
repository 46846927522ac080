import { describe, expect, it } from 'vitest';
import { AppError } from '~/server/errors';
import { cliFailureReason } from '../../scripts/lib/cli-errors';

describe('CLI failure reasons', () => {
  it('prints domain errors as they are', () => {
    expect(cliFailureReason(new AppError('BAD_REQUEST', 'Invalid week "nonsense"'))).toBe('Invalid week "nonsense"');
  });

  it('explains an unreachable database, also when Drizzle wraps the driver error', () => {
    const driver = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('Failed query: select 1\nparams: ada@example.com'), { cause: driver });
    expect(cliFailureReason(driver)).toMatch(/PostgreSQL is not reachable/);
    expect(cliFailureReason(wrapped)).toMatch(/PostgreSQL is not reachable/);
  });

  it('never prints a wrapped query and its parameters', () => {
    const cause = Object.assign(new Error('duplicate key'), { code: '23505' });
    const wrapped = Object.assign(new Error('Failed query: insert ...\nparams: ada@example.com'), { cause });
    expect(cliFailureReason(wrapped)).toBe('database error 23505');
  });

  it('uses caller-specific reasons by code', () => {
    const e = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(cliFailureReason(e, { EACCES: 'cannot write the log' })).toBe('cannot write the log');
  });
});
