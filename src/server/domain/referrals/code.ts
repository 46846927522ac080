/**
 * Referral codes and the attribution cookie (SPEC G2): pure helpers with no server imports, so
 * the proxy (src/proxy.ts) can use them without pulling in the database.
 */

/** Unambiguous alphabet (31 symbols): no 0/O, no 1/I/L. */
export const REFERRAL_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const REFERRAL_CODE_LENGTH = 8;
const CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8,16}$/;

/** The first-party attribution cookie: `<CODE>.<visitor id>`, 30 days, httpOnly, SameSite=Lax. */
export const REFERRAL_COOKIE = 'levqor_ref';
export const REFERRAL_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** A random code from the unambiguous alphabet, with no modulo bias (rejection sampling). */
export function generateReferralCode(length: number = REFERRAL_CODE_LENGTH): string {
  const n = REFERRAL_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < limit && out.length < length) out += REFERRAL_ALPHABET[b % n];
    }
  }
  return out;
}

/** A code as typed or linked (any case, surrounding spaces) in canonical form, or null if malformed. */
export function normaliseReferralCode(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const code = value.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/** A random first-party visitor id (base64url, 22 chars). */
export function generateVisitorId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type ReferralAttribution = { code: string; visitorId: string };

export function formatReferralCookie(a: ReferralAttribution): string {
  return `${a.code}.${a.visitorId}`;
}

/** The attribution cookie's value parsed and checked; null when absent or tampered with. */
export function parseReferralCookie(value: string | null | undefined): ReferralAttribution | null {
  if (!value || value.length > 128) return null;
  const dot = value.indexOf('.');
  if (dot < 0) return null;
  const code = normaliseReferralCode(value.slice(0, dot));
  const visitorId = value.slice(dot + 1);
  if (!code || !VISITOR_ID_PATTERN.test(visitorId)) return null;
  return { code, visitorId };
}

/**
 * What the proxy does on a page request: when the query carries a valid-looking `ref`, the new
 * cookie value (last click wins; the visitor id of an existing cookie is kept so clicks stay
 * deduplicated per visitor); otherwise null (nothing to set).
 */
export function attributionFromQuery(ref: string | null, existingCookie: string | null | undefined): string | null {
  const code = normaliseReferralCode(ref);
  if (!code) return null;
  const existing = parseReferralCookie(existingCookie);
  return formatReferralCookie({ code, visitorId: existing?.visitorId ?? generateVisitorId() });
}

/** A Cookie request header with `name` set to `value` (replacing any earlier value). */
export function withRequestCookie(header: string | null, name: string, value: string): string {
  const parts = (header ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p && p.split('=')[0]!.trim() !== name);
  parts.push(`${name}=${value}`);
  return parts.join('; ');
}

/**
 * The referral code a sign-up carries from its attribution cookie. A cookie that does not parse
 * is still passed on (cut to 64 characters), so it is refused and logged as malformed.
 */
export function referralCodeFromCookie(raw: string | null | undefined): string | null {
  if (!raw) return null;
  return parseReferralCookie(raw)?.code ?? raw.split('.')[0]!.slice(0, 64);
}
