/**
 * Cross-site request guard for state-changing requests to our own API. Browsers send Origin
 * (and Sec-Fetch-Site) on every POST; a request from another site is refused. Non-browser
 * clients send neither and carry no ambient cookies, so they pass.
 */
export function isCrossSiteRequest(req: Request): boolean {
  const method = req.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.get('origin');
  if (!origin) return false;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
