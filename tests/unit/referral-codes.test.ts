import { describe, expect, it } from 'vitest';
import {
  attributionFromQuery,
  formatReferralCookie,
  generateReferralCode,
  generateVisitorId,
  normaliseReferralCode,
  parseReferralCookie,
  REFERRAL_ALPHABET,
  withRequestCookie,
} from '~/server/domain/referrals/code';
import { canonicalEmail } from '~/server/domain/referrals/referrals';
import { visitorHash } from '~/server/domain/referrals/landing';

describe('referral codes and attribution cookie (SPEC G2)', () => {
  it('draws 8+ characters from an unambiguous alphabet', () => {
    expect(REFERRAL_ALPHABET).not.toMatch(/[0O1IL]/);
    const codes = Array.from({ length: 2000 }, () => generateReferralCode());
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol shows up (no modulo bias towards the start of the alphabet is visible).
    expect(new Set(codes.join('')).size).toBe(REFERRAL_ALPHABET.length);
  });

  it('normalises codes and refuses malformed ones', () => {
    expect(normaliseReferralCode(' abcd2345 ')).toBe('ABCD2345');
    for (const bad of ['', 'ABC', 'ABCD0123', 'ABCDEFGI', 'ABCD-2345', 'A'.repeat(17), null, 42, undefined]) {
      expect(normaliseReferralCode(bad)).toBeNull();
    }
  });

  it('formats and parses the cookie, refusing tampered values', () => {
    const visitorId = generateVisitorId();
    expect(visitorId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const value = formatReferralCookie({ code: 'ABCD2345', visitorId });
    expect(parseReferralCookie(value)).toEqual({ code: 'ABCD2345', visitorId });
    for (const bad of [null, '', 'ABCD2345', 'ABCD2345.short', 'ABCD0000.' + visitorId, `ABCD2345.${visitorId}<script>`]) {
      expect(parseReferralCookie(bad)).toBeNull();
    }
  });

  it('keeps the visitor id of an existing cookie when a new ref arrives (last click wins)', () => {
    const first = attributionFromQuery('abcd2345', null)!;
    const second = attributionFromQuery('WXYZ6789', first)!;
    expect(parseReferralCookie(second)).toEqual({ code: 'WXYZ6789', visitorId: parseReferralCookie(first)!.visitorId });
    expect(attributionFromQuery('nope', first)).toBeNull();
    expect(attributionFromQuery(null, first)).toBeNull();
  });

  it('sets a cookie in a Cookie request header, replacing an earlier value', () => {
    expect(withRequestCookie(null, 'levqor_ref', 'A.b')).toBe('levqor_ref=A.b');
    expect(withRequestCookie('NEXT_LOCALE=de; levqor_ref=OLD.x; other=1', 'levqor_ref', 'NEW.y')).toBe('NEXT_LOCALE=de; other=1; levqor_ref=NEW.y');
  });

  it('canonicalises e-mails for the self-referral check', () => {
    expect(canonicalEmail('Ada+Test@Example.com')).toEqual({ local: 'ada', domain: 'example.com', alias: true, canonical: 'ada@example.com' });
    expect(canonicalEmail('a.d.a@googlemail.com').canonical).toBe('ada@gmail.com');
    expect(canonicalEmail('a.da@example.com').canonical).toBe('a.da@example.com');
  });

  it('hashes visitors with a salt, never returning the IP', () => {
    const a = visitorHash({ ip: '203.0.113.7', userAgent: 'UA' }, 'salt-one-0123456789');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toContain('203');
    expect(visitorHash({ ip: '203.0.113.7', userAgent: 'UA' }, 'salt-two-0123456789')).not.toBe(a);
    expect(visitorHash({ ip: '203.0.113.7', userAgent: 'other' }, 'salt-one-0123456789')).not.toBe(a);
    // The first-party visitor id wins over IP + UA.
    expect(visitorHash({ visitorId: 'v'.repeat(22), ip: '203.0.113.7', userAgent: 'UA' }, 'salt-one-0123456789')).toBe(
      visitorHash({ visitorId: 'v'.repeat(22), ip: '198.51.100.1', userAgent: 'x' }, 'salt-one-0123456789'),
    );
  });
});
