import { describe, expect, it } from 'vitest';
import { scrubEndpoint, scrubMeta, scrubMetaValue, scrubName, scrubText, TELEMETRY_LIMITS } from '~/server/domain/telemetry/scrub';

describe('telemetry scrubbing (SPEC H7: no user ids, e-mails or IPs)', () => {
  it('replaces e-mail addresses', () => {
    expect(scrubText('User ada.lovelace+x@example.co.uk failed; cc BOB@Example.com')).toBe('User [email] failed; cc [email]');
  });

  it('replaces IPv4 and IPv6 addresses but not times or C++ names', () => {
    expect(scrubText('from 203.0.113.77 and 10.0.0.1.')).toBe('from [ip] and [ip].');
    expect(scrubText('to 2001:db8::8a2e:370:7334 and fe80::1 at 12:30:45')).toBe('to [ip] and [ip] at 12:30:45');
    expect(scrubText('std::vector and a::b')).toBe('std::vector and a::b');
    expect(scrubText('version 999.1.2.3')).toBe('version 999.1.2.3');
  });

  it('replaces long digit runs and grouped phone or card numbers, keeping dates and small numbers', () => {
    expect(scrubText('order 12345678 user 1234567')).toBe('order [number] user [number]');
    expect(scrubText('call +44 7700 900123 or (555) 123-4567')).toBe('call [number] or [number]');
    expect(scrubText('card 4242 4242 4242 4242 / 4242-4242-4242-4242')).toBe('card [number] / [number]');
    expect(scrubText('timeout on 2026-11-21 after 30000 ms (attempt 3 of 5)')).toBe('timeout on 2026-11-21 after 30000 ms (attempt 3 of 5)');
  });

  it('replaces ids and token-like strings, and the values of secrets', () => {
    expect(scrubText('workflow 123e4567-e89b-12d3-a456-426614174000 missing')).toBe('workflow [id] missing');
    expect(scrubText('session a1b2c3d4e5f6a7b8c9d0e1f2a3b4 expired')).toBe('session [token] expired');
    expect(scrubText('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.Sfl')).not.toMatch(/eyJ|Sfl/);
    expect(scrubText('password=hunter2 api_key: "sk_live_51H" "token":"abc"')).toBe('password=[redacted] api_key: [redacted] "token":[redacted]');
    // Ordinary words stay readable, including long ones without digits.
    expect(scrubText("Cannot read properties of undefined (reading 'map'); missing bearer token")).toBe(
      "Cannot read properties of undefined (reading 'map'); missing bearer token",
    );
  });

  it('drops query strings of URLs inside messages', () => {
    expect(scrubText('GET https://levqor.app/api/x?email=a%40b.com&ref=ABC failed')).toBe('GET https://levqor.app/api/x failed');
  });

  it('is deterministic, strips control characters and caps the length', () => {
    const message = 'Failed for ada@example.com at 203.0.113.77';
    expect(scrubText(message)).toBe(scrubText(message));
    expect(scrubText('a\u0000b\u001fc')).toBe('a b c');
    const long = scrubText('x'.repeat(5000));
    expect(long.length).toBe(TELEMETRY_LIMITS.message);
    expect(long.endsWith('…')).toBe(true);
    expect(scrubName('y'.repeat(500))).toHaveLength(TELEMETRY_LIMITS.name);
    expect(scrubName('   ')).toBe('unnamed');
  });

  it('strips query strings and fragments from endpoints and collapses ids', () => {
    expect(scrubEndpoint('/dashboard?ref=ABC&email=ada@example.com#top')).toBe('/dashboard');
    expect(scrubEndpoint('/api/workflows/123e4567-e89b-12d3-a456-426614174000/runs/42')).toBe('/api/workflows/[id]/runs/[id]');
    expect(scrubEndpoint('/users/ada@example.com/profile')).toBe('/users/[email]/profile');
    expect(scrubEndpoint('/files/0123456789abcdef0123')).toBe('/files/[id]');
    expect(scrubEndpoint('trpc:workflows.list')).toBe('trpc:workflows.list');
    expect(scrubEndpoint(`/${'x'.repeat(1000)}`)).toHaveLength(TELEMETRY_LIMITS.endpoint);
  });

  it('scrubs meta: sensitive keys lose their value, long integers and nested values are dropped, 10 keys at most', () => {
    expect(
      scrubMeta({
        userId: 'u_1',
        email: 'ada@example.com',
        ip: '203.0.113.77',
        plan: 'pro',
        note: 'mail me at a@b.io',
        phoneLike: 44770090012345,
        ms: 123.5,
        ok: true,
        nested: { a: 1 },
      }),
    ).toEqual({
      userId: '[redacted]',
      email: '[redacted]',
      ip: '[redacted]',
      plan: 'pro',
      note: 'mail me at [email]',
      phoneLike: '[number]',
      ms: 123.5,
      ok: true,
      nested: null,
    });
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(scrubMeta(many)!)).toHaveLength(TELEMETRY_LIMITS.metaKeys);
    expect(scrubMeta({})).toBeNull();
    expect(scrubMeta(undefined)).toBeNull();
    expect(scrubMetaValue(Number.NaN)).toBeNull();
    expect(scrubMetaValue('x'.repeat(1000))).toHaveLength(TELEMETRY_LIMITS.metaString);
  });
});
