/**
 * The caller's IP, for rate limiting and abuse signals only: it is hashed before it is
 * stored or counted and never logged.
 *
 * The web server (scripts/web-server.mjs) sets `x-levqor-client-ip` on every request from the
 * socket address, or from `x-forwarded-for` counted from the right when TRUSTED_PROXY_HOPS says
 * proxies sit in front; a client cannot choose it. Without that server (`next dev`, a handler
 * called directly) the rightmost `x-forwarded-for` entry is used: Next sets it from the socket
 * when the client sent none.
 */
export const CLIENT_IP_HEADER = 'x-levqor-client-ip';

export function clientIp(headers: Headers): string | null {
  const set = headers.get(CLIENT_IP_HEADER);
  if (set !== null) return set.trim() || null;
  const forwarded = headers.get('x-forwarded-for');
  if (!forwarded) return null;
  const entries = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
  return entries.at(-1) ?? null;
}
