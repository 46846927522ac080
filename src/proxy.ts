import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from '~/i18n/routing';
import { pageCsp, requestIdFrom } from '~/server/http/security';

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

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = pageCsp(nonce, { dev, secure });
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const res = intl(new NextRequest(request, { headers }));
  res.headers.set('x-request-id', requestId);
  res.headers.set('content-security-policy', csp);
  return res;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|webp|txt|xml)$).*)'],
};
