import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { NextRequest } from 'next/server';
import { appRouter } from '~/server/api/root';
import { createTRPCContext } from '~/server/api/context';
import { isCrossSiteRequest } from '~/server/http/csrf';

export const runtime = 'nodejs';

const handler = (req: NextRequest) => {
  if (isCrossSiteRequest(req)) {
    return Response.json(
      { error: { message: 'Cross-site requests are not allowed.', code: 'FORBIDDEN' } },
      { status: 403 },
    );
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers }),
    allowMethodOverride: false,
  });
};

export { handler as GET, handler as POST };
