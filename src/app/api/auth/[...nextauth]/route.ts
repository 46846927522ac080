import type { NextRequest } from 'next/server';
import { handlers } from '~/server/transport/auth/next-auth';
import { rest } from '~/server/transport/rest/rest';

export const runtime = 'nodejs';

// Sign-in attempts (POST) use the strict "auth" rate class; session reads the normal one.
export const GET = rest({ name: 'auth.get', rateClass: 'api' }, (req) => handlers.GET(req as NextRequest));
export const POST = rest({ name: 'auth.post', rateClass: 'auth' }, (req) => handlers.POST(req as NextRequest));
