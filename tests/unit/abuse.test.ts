import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ABUSE_CONFIG, EVENT_WINDOW, resolveAbuseConfig } from '~/server/domain/abuse/config';
import { hashCardFingerprint, hashClientIp, hashIp, ipHashSalt, ipSubject } from '~/server/domain/abuse/hash';
import { MemoryWindowStore, type WindowSpec } from '~/server/domain/abuse/windows';

const SALT = 'unit-test-salt-0123456789';

describe('IP hashing (SPEC H8)', () => {
  it('is a salted HMAC-SHA256, hex, 32 chars, that never contains the IP', () => {
    const h = hashIp('203.0.113.7', SALT);
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(h).toBe(createHmac('sha256', SALT).update('203.0.113.7').digest('hex').slice(0, 32));
    expect(hashIp('203.0.113.7', SALT)).toBe(h);
    expect(hashIp('203.0.113.8', SALT)).not.toBe(h);
    expect(hashIp('203.0.113.7', `${SALT}-other`)).not.toBe(h);
    expect(h).not.toContain('203');
  });

  it('derives a stable salt from AUTH_SECRET when IP_HASH_SALT is unset, never the secret itself', () => {
    const salt = ipHashSalt();
    if (process.env.IP_HASH_SALT) expect(salt).toBe(process.env.IP_HASH_SALT);
    else expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(ipHashSalt()).toBe(salt);
    expect(salt).not.toContain(process.env.AUTH_SECRET!);
    expect(hashClientIp('203.0.113.7')).toBe(hashIp('203.0.113.7', salt));
  });

  it('normalises what is counted: IPv4 forms alike, IPv6 per /64, nothing for no IP', () => {
    expect(ipSubject(' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(ipSubject('203.0.113.7:51234')).toBe('203.0.113.7');
    expect(ipSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipSubject('[::FFFF:cb00:7107]:443')).toBe('203.0.113.7');
    expect(ipSubject('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(ipSubject('2001:DB8:AA:BB::99')).toBe('2001:db8:aa:bb::/64');
    expect(ipSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(ipSubject('::1')).toBe('0:0:0:0::/64');
    expect(ipSubject('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    expect(ipSubject('not an ip')).toBe('raw:not an ip');
    expect(ipSubject('')).toBeNull();
    expect(ipSubject('   ')).toBeNull();
    expect(ipSubject(null)).toBeNull();
    expect(ipSubject(undefined)).toBeNull();
    expect(hashClientIp(null)).toBeNull();
    expect(hashClientIp('2001:db8:aa:bb::1', SALT)).toBe(hashClientIp('2001:db8:aa:bb:ffff::2', SALT));
    expect(hashClientIp('2001:db8:aa:bc::1', SALT)).not.toBe(hashClientIp('2001:db8:aa:bb::1', SALT));
  });

  it('hashes card fingerprints apart from IPs', () => {
    expect(hashCardFingerprint('fp_123', SALT)).toMatch(/^[0-9a-f]{32}$/);
    expect(hashCardFingerprint(' fp_123 ', SALT)).toBe(hashCardFingerprint('fp_123', SALT));
    expect(hashCardFingerprint('fp_123', SALT)).not.toBe(hashIp('fp_123', SALT));
  });
});

describe('abuse config (SPEC H8)', () => {
  it('has the documented defaults and maps each event to one window', () => {
    expect(DEFAULT_ABUSE_CONFIG).toMatchObject({
      rapid_signups: { threshold: 3, windowSeconds: 600 },
      failed_checkouts: { threshold: 3, windowSeconds: 3600 },
      card_testing: { threshold: 5, windowSeconds: 600, distinctCardThreshold: 3 },
    });
    expect(EVENT_WINDOW).toEqual({ signup: 'rapid_signups', failed_checkout: 'failed_checkouts', payment_failure: 'card_testing', small_charge: 'card_testing' });
    expect(resolveAbuseConfig()).toEqual(DEFAULT_ABUSE_CONFIG);
  });

  it('merges overrides per window and rejects nonsense', () => {
    const c = resolveAbuseConfig({ card_testing: { distinctCardThreshold: 4 }, redisTimeoutMs: 200 });
    expect(c.card_testing).toEqual({ threshold: 5, windowSeconds: 600, distinctCardThreshold: 4 });
    expect(c.rapid_signups).toEqual(DEFAULT_ABUSE_CONFIG.rapid_signups);
    expect(c.redisTimeoutMs).toBe(200);
    expect(() => resolveAbuseConfig({ rapid_signups: { threshold: 0 } })).toThrow(/rapid_signups\.threshold/);
    expect(() => resolveAbuseConfig({ failed_checkouts: { windowSeconds: 1.5 } })).toThrow(/failed_checkouts\.windowSeconds/);
    expect(() => resolveAbuseConfig({ maxEntriesPerWindow: 2 })).toThrow(/maxEntriesPerWindow/);
  });
});

describe('in-memory fallback windows', () => {
  const spec = (key: string, add?: string, threshold = 3): WindowSpec => ({ key, windowMs: 10_000, threshold, add });

  it('counts within the window, drops what is older and tells when a signal lifts', () => {
    const m = new MemoryWindowStore();
    expect(m.apply([spec('k', 'a')], 0, 100)).toEqual([{ count: 1, releaseAtMs: null }]);
    m.apply([spec('k', 'b')], 4000, 100);
    expect(m.apply([spec('k', 'c')], 6000, 100)).toEqual([{ count: 3, releaseAtMs: 10_000 }]);
    expect(m.apply([spec('k')], 9999, 100)).toEqual([{ count: 3, releaseAtMs: 10_000 }]);
    expect(m.apply([spec('k')], 10_000, 100)).toEqual([{ count: 2, releaseAtMs: null }]);
    expect(m.apply([spec('k')], 16_000, 100)).toEqual([{ count: 0, releaseAtMs: null }]);
    expect(m.size).toBe(0);
  });

  it('counts a re-added member once, at its latest time (distinct cards)', () => {
    const m = new MemoryWindowStore();
    m.apply([spec('cards', 'card-1', 2)], 0, 100);
    m.apply([spec('cards', 'card-1', 2)], 8000, 100);
    expect(m.apply([spec('cards', 'card-2', 2)], 9000, 100)).toEqual([{ count: 2, releaseAtMs: 18_000 }]);
    expect(m.apply([spec('cards', undefined, 2)], 12_000, 100)).toEqual([{ count: 2, releaseAtMs: 18_000 }]);
  });

  it('is bounded: at most maxKeys windows, at most maxEntries events each', () => {
    const m = new MemoryWindowStore(50);
    for (let i = 0; i < 500; i++) m.apply([spec(`ip-${i}`, 'x')], i, 100);
    expect(m.size).toBe(50);
    // The least recently written went first.
    expect(m.apply([spec('ip-0')], 500, 100)).toEqual([{ count: 0, releaseAtMs: null }]);
    expect(m.apply([spec('ip-499')], 500, 100)).toEqual([{ count: 1, releaseAtMs: null }]);

    const capped = new MemoryWindowStore();
    let last = { count: 0, releaseAtMs: null as number | null };
    for (let i = 0; i < 1000; i++) last = capped.apply([spec('busy', `e${i}`)], i, 20)[0]!;
    expect(last.count).toBe(20);
    // The newest 20 are kept (980..999): below 3 once the third newest (997) has left.
    expect(last.releaseAtMs).toBe(997 + 10_000);
  });
});
