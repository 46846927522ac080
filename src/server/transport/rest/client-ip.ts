/**
 * The caller's IP, for rate limiting and abuse signals only: it is hashed before it is
 * stored or counted and never logged. Behind a proxy, the first x-forwarded-for entry.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) return forwarded.split(',')[0]!.trim() || null;
  return headers.get('x-real-ip');
}
