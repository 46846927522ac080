import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from '~/server/transport/rest/csrf';
import { baseSecurityHeaders, pageCsp, requestIdFrom } from '~/server/transport/rest/security';

const req = (method: string, headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/trpc/x', { method, headers });

describe('cross-site request guard', () => {
  it('lets reads through', () => {
    expect(isCrossSiteRequest(req('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }))).toBe(false);
  });
  it('refuses a POST from another site', () => {
    expect(isCrossSiteRequest(req('POST', { origin: 'https://evil.example', host: 'localhost:3000' }))).toBe(true);
    expect(isCrossSiteRequest(req('POST', { 'sec-fetch-site': 'cross-site', host: 'localhost:3000' }))).toBe(true);
    expect(isCrossSiteRequest(req('POST', { 'sec-fetch-site': 'same-site', host: 'localhost:3000' }))).toBe(true);
  });
  it('allows same-origin POSTs and clients without a browser context', () => {
    expect(isCrossSiteRequest(req('POST', { origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossSiteRequest(req('POST', { host: 'localhost:3000' }))).toBe(false);
  });
  it('treats a malformed Origin as cross-site', () => {
    expect(isCrossSiteRequest(req('POST', { origin: 'null', host: 'localhost:3000' }))).toBe(true);
  });
});

describe('security headers', () => {
  it('sends HSTS in production only', () => {
    expect(baseSecurityHeaders({ production: true }).map((h) => h.key)).toContain('Strict-Transport-Security');
    expect(baseSecurityHeaders({ production: false }).map((h) => h.key)).not.toContain('Strict-Transport-Security');
  });
  it('builds a nonce CSP that forbids framing and eval in production', () => {
    const csp = pageCsp('abc', { dev: false, secure: false });
    expect(csp).toContain(`'nonce-abc'`);
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(pageCsp('abc', { dev: false, secure: true })).toContain('upgrade-insecure-requests');
  });
  it('keeps a sane caller request id and replaces anything else', () => {
    expect(requestIdFrom('abc12345-req')).toBe('abc12345-req');
    expect(requestIdFrom('bad id with spaces')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
