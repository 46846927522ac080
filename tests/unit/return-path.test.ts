import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '~/server/transport/auth/return-path';

describe('return path after sign-in (issue 11 #8)', () => {
  it('keeps same-site paths', () => {
    expect(safeReturnPath('/en/dashboard/runs?status=failed', '/x')).toBe('/en/dashboard/runs?status=failed');
  });

  it('refuses other sites, backslashes and non-strings', () => {
    for (const bad of ['https://evil.test/', '//evil.test', '/\\evil.test', 'dashboard', null, 42]) {
      expect(safeReturnPath(bad, '/en/dashboard')).toBe('/en/dashboard');
    }
  });

  it('refuses control characters that would break the Location header', () => {
    for (const bad of ['/en/dashboard\r\nSet-Cookie: a=b', '/x\n', '/x\u0000', '/x\u007f', '/x\t']) {
      expect(safeReturnPath(bad, '/en/dashboard')).toBe('/en/dashboard');
    }
  });
});
