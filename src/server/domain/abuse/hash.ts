import { createHmac, hkdfSync } from 'node:crypto';
import { isIP } from 'node:net';
import { env } from '~/env';

/** Length of a stored IP hash (hex chars) and of the prefix shown to admins and in logs. */
export const IP_HASH_LENGTH = 32;
export const IP_HASH_PREFIX_LENGTH = 12;

/**
 * HMAC-SHA256 of an IP (or any subject) with a secret salt, hex, truncated to 32 chars.
 * Without the salt the hash cannot be reversed by enumerating the IPv4 space.
 */
export function hashIp(ip: string, salt: string): string {
  return createHmac('sha256', salt).update(ip).digest('hex').slice(0, IP_HASH_LENGTH);
}

export const ipHashPrefix = (ipHash: string) => ipHash.slice(0, IP_HASH_PREFIX_LENGTH);

let derivedSalt: string | undefined;

/**
 * The salt for IP hashes: `IP_HASH_SALT` when set, else one derived from `AUTH_SECRET` with HKDF
 * under a fixed label, so it is stable across restarts and instances but never equals the secret.
 * Rotating either value starts every window (and dedupe key) afresh.
 */
export function ipHashSalt(): string {
  if (env.IP_HASH_SALT) return env.IP_HASH_SALT;
  derivedSalt ??= Buffer.from(hkdfSync('sha256', env.AUTH_SECRET, 'levqor', 'levqor/ip-hash-salt/v1', 32)).toString('hex');
  return derivedSalt;
}

/**
 * What abuse windows count per: the client's IP, normalised. IPv4 (also written IPv4-mapped, or
 * with a port) as is; IPv6 as its /64 network, since one subscriber usually holds a whole /64 and
 * rotating addresses inside it is free. Anything else (a malformed forwarded header) is counted as
 * its own string. Empty or missing -> null (nothing to count).
 */
export function ipSubject(ip: string | null | undefined): string | null {
  if (typeof ip !== 'string') return null;
  let s = ip.trim().toLowerCase();
  if (!s) return null;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(s);
  if (v4WithPort) s = v4WithPort[1]!;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  s = s.replace(/%.*$/, ''); // IPv6 zone index
  const family = isIP(s);
  if (family === 4) return s;
  if (family === 6) {
    const groups = expandIpv6(s);
    if (!groups) return `raw:${s}`;
    const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
    if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
    return `${groups
      .slice(0, 4)
      .map((g) => g.toString(16))
      .join(':')}::/64`;
  }
  return `raw:${s.slice(0, 200)}`;
}

/** Salted hash of a client IP as abuse windows and `abuse_signals` store it; null without an IP. */
export function hashClientIp(ip: string | null | undefined, salt: string = ipHashSalt()): string | null {
  const subject = ipSubject(ip);
  return subject === null ? null : hashIp(subject, salt);
}

/** Card fingerprints are stable card identifiers: kept in Redis only hashed, like IPs. */
export function hashCardFingerprint(fingerprint: string, salt: string = ipHashSalt()): string {
  return hashIp(`card:${fingerprint.trim()}`, salt);
}

/** Eight 16-bit groups of a valid IPv6 address (as accepted by `isIP`), or null. */
function expandIpv6(addr: string): number[] | null {
  let s = addr;
  const tail: number[] = [];
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    s = s.slice(0, v4.index);
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
  }
  const [head = '', rest] = s.split('::');
  const parse = (part: string) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const left = parse(head);
  const right = [...parse(rest ?? ''), ...tail];
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 0) return null;
  const groups = [...left, ...Array<number>(Math.max(0, missing)).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}
