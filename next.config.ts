import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { API_CSP, baseSecurityHeaders } from './src/server/transport/rest/security';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');
const production = process.env.NODE_ENV === 'production';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages: [
    'pino',
    'bullmq',
    'ioredis',
    '@node-rs/argon2',
    'rate-limiter-flexible',
    '@bull-board/api',
    '@bull-board/ui',
    '@bull-board/hono',
  ],
  experimental: {
    authInterrupts: true,
  },
  async headers() {
    const base = baseSecurityHeaders({ production });
    return [
      { source: '/:path*', headers: base },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
    ];
  },
};

export default withNextIntl(nextConfig);
