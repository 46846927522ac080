import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { BASE, sessionCookie } from './browser';

const deps = setupTestDeps();

/** What every response carries, and how the API answers bad or cross-site requests. */
describe('HTTP surface (F5, security headers, CSRF)', () => {
  it('serves the favicon and app icons, and pages link them (issue 16)', async () => {
    const ico = await fetch(`${BASE}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect([...new Uint8Array(await ico.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
    for (const [file, type] of [
      ['/icon.svg', 'image/svg+xml'],
      ['/apple-touch-icon.png', 'image/png'],
      ['/icon-192.png', 'image/png'],
    ] as const) {
      const res = await fetch(`${BASE}${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
    }
    const html = await (await fetch(`${BASE}/`)).text();
    expect(html).toMatch(/<link rel="icon" href="\/favicon.ico/);
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png"/);
  });

  it('pulse answers without touching dependencies and echoes the request id', async () => {
    const res = await fetch(`${BASE}/api/system/pulse`, { headers: { 'x-request-id': 'test-request-0001' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ alive: true });
    expect(res.headers.get('x-request-id')).toBe('test-request-0001');
  });

  it('pages carry a nonce CSP and the security headers', async () => {
    const res = await fetch(`${BASE}/sign-in`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(html).toContain(`nonce="${nonce}"`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('session cookies are httpOnly and SameSite', async () => {
    const res = await fetch(`${BASE}/api/auth/csrf`);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a cross-site state-changing tRPC request', async () => {
    const res = await fetch(`${BASE}/api/trpc/account.setLocale`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ json: { locale: 'de' } }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining('Cross-site') } });
  });

  it('programmatic sign-in answers like the form: a session for the right password, a redirect with the error for a wrong one (issue 11 #6)', async () => {
    const user = await makeUser(deps.db, { password: 'surface-password-1' });
    expect(await sessionCookie(user.email, 'surface-password-1')).toMatch(/^authjs\.session-token=/);
    const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ csrfToken, email: user.email, password: 'not-the-password' }),
    });
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('location') ?? '').toContain('error=CredentialsSignin');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.getSetCookie().some((c) => c.startsWith('authjs.session-token='))).toBe(false);
  });

  it('answers a cross-site server-action POST with 403, not 500 (issue 11 #11)', async () => {
    const res = await fetch(`${BASE}/sign-in`, {
      method: 'POST',
      headers: { 'next-action': '0123456789abcdef', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      body: '[]',
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('answers anonymous calls to protected procedures with 401 and a message', async () => {
    const res = await fetch(`${BASE}/api/trpc/account.me`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { json: { message: string; data: { code: string } } } };
    expect(body.error.json.data.code).toBe('UNAUTHORIZED');
    expect(body.error.json.message).toBe('Sign in to continue.');
  });

  it('answers malformed input with 4xx and a message, never 500', async () => {
    const user = await makeUser(deps.db, { password: 'http-surface-password' });
    const cookie = await sessionCookie(user.email, 'http-surface-password');
    const me = await fetch(`${BASE}/api/trpc/account.me`, { headers: { cookie } });
    expect(me.status).toBe(200);

    const cases: [string, RequestInit][] = [
      ['workflows.get?input=%7Bnot-json', {}],
      ['workflows.get?input=' + encodeURIComponent(JSON.stringify({ json: { id: 'nope' } })), {}],
      ['workflows.create', { method: 'POST', body: '{"json": {"name": "x", "steps": []}}' }],
      ['workflows.create', { method: 'POST', body: 'not json at all' }],
      ['account.setLocale', { method: 'POST', body: '{"json": {"locale": "klingon"}}' }],
    ];
    for (const [path, init] of cases) {
      const res = await fetch(`${BASE}/api/trpc/${path}`, {
        ...init,
        headers: { cookie, 'content-type': 'application/json' },
      });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      const body = (await res.json()) as { error: { json: { message: string } } };
      expect(body.error.json.message.length, path).toBeGreaterThan(3);
    }
    const unknown = await fetch(`${BASE}/api/trpc/nope.nothing`, { headers: { cookie } });
    expect(unknown.status).toBe(404);
  });
});
