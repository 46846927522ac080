import type { NextRequest } from 'next/server';
import { handlers } from '~/server/transport/auth/next-auth';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';

// Auth.js reads the request itself and has its own CSRF token. Sign-in attempts (POST) use the
// strict "auth" rate class; session reads the normal one.
export const GET = route({ name: 'auth.get', auth: 'public', rateClass: 'api', csrf: 'none' }, ({ req }) => handlers.GET(req as NextRequest));
export const POST = route({ name: 'auth.post', auth: 'public', rateClass: 'auth', csrf: 'none' }, ({ req }) => handlers.POST(req as NextRequest));
