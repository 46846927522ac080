/**
 * Security headers shared by the proxy (pages) and next.config (API and static responses).
 * Kept free of server-only imports: the proxy and next.config both load it.
 */
export const OAUTH_FORM_TARGETS = [
  'https://accounts.google.com',
  'https://github.com',
  'https://login.microsoftonline.com',
];

export function pageCsp(nonce: string, opts: { dev: boolean; secure: boolean }): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${opts.dev ? ' ws: wss:' : ''}`,
    `frame-ancestors 'none'`,
    `base-uri 'self'`,
    `form-action 'self' ${OAUTH_FORM_TARGETS.join(' ')}`,
    `object-src 'none'`,
  ];
  if (opts.secure) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** API responses are data, never documents: nothing may run or frame them. */
export const API_CSP = `default-src 'none'; frame-ancestors 'none'; base-uri 'none'`;

export function baseSecurityHeaders(opts: { production: boolean }): { key: string; value: string }[] {
  const headers = [
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
  if (opts.production) {
    headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  }
  return headers;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
/** Keeps a caller's x-request-id when it looks like one, otherwise makes a new one. */
export function requestIdFrom(header: string | null): string {
  return header && REQUEST_ID.test(header) ? header : crypto.randomUUID();
}
