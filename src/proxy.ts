import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from '~/i18n/routing';
import { CONSENT_COOKIE, optionalAllowed, parseConsent } from '~/lib/consent';
import { attributionFromQuery, REFERRAL_COOKIE, REFERRAL_COOKIE_MAX_AGE_SECONDS, withRequestCookie } from '~/server/domain/referrals/code';
import { errorEnvelope } from '~/server/errors';
import { isCrossSiteRequest } from '~/server/transport/rest/csrf';
import { pageCsp, requestIdFrom } from '~/server/transport/rest/security';

const intl = createMiddleware(routing);
const dev = process.env.NODE_ENV !== 'production';
const secure = process.env.SECURE_COOKIES === 'true' || process.env.SECURE_COOKIES === '1';

/**
 * Runs before every page and API request: gives each request an id (x-request-id in and out),
 * localises page routes (next-intl) and puts a per-request nonce CSP on pages.
 */
export default function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get('x-request-id'));
  const path = request.nextUrl.pathname;

  if (path.startsWith('/api/') || path.startsWith('/admin/queues')) {
    const headers = new Headers(request.headers);
    headers.set('x-request-id', requestId);
    const res = NextResponse.next({ request: { headers } });
    res.headers.set('x-request-id', requestId);
    return res;
  }

  // A server action posted from another site: Next refuses it, but as a 500 (issue 11 #11).
  if (request.method === 'POST' && request.headers.has('next-action') && isCrossSiteRequest(request)) {
    return NextResponse.json(errorEnvelope('FORBIDDEN', 'Cross-site requests are not allowed.'), {
      status: 403,
      headers: { 'x-request-id': requestId, 'cache-control': 'no-store' },
    });
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = pageCsp(nonce, { dev, secure });
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  // Referral links (SPEC G2): a valid-looking ?ref= sets the first-party attribution cookie, also
  // on this request so the page records the click under the same visitor. No database here.
  // Only with consent to the optional category (SPEC P5); a visitor who chose "necessary" loses
  // an attribution cookie set before.
  const consent = request.cookies.get(CONSENT_COOKIE)?.value;
  const attribution = optionalAllowed(consent)
    ? attributionFromQuery(request.nextUrl.searchParams.get('ref'), request.cookies.get(REFERRAL_COOKIE)?.value)
    : null;
  const dropAttribution = parseConsent(consent) === 'necessary' && request.cookies.has(REFERRAL_COOKIE);
  if (dropAttribution) {
    const kept = (headers.get('cookie') ?? '').split(';').filter((c) => c.split('=')[0]!.trim() !== REFERRAL_COOKIE);
    headers.set('cookie', kept.join(';').trim());
  }
  if (attribution) headers.set('cookie', withRequestCookie(headers.get('cookie'), REFERRAL_COOKIE, attribution));
  const res = intl(new NextRequest(request, { headers }));
  res.headers.set('x-request-id', requestId);
  res.headers.set('content-security-policy', csp);
  if (dropAttribution) res.cookies.delete(REFERRAL_COOKIE);
  if (attribution) {
    res.cookies.set(REFERRAL_COOKIE, attribution, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: REFERRAL_COOKIE_MAX_AGE_SECONDS,
    });
  }
  return res;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|webp|txt|xml)$).*)'],
};
