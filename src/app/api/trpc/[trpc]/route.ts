import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { NextRequest } from 'next/server';
import { appRouter } from '~/server/transport/trpc/root';
import { createTRPCContext } from '~/server/transport/trpc/context';
import { isCrossSiteRequest } from '~/server/transport/rest/csrf';
import { errorResponse } from '~/server/transport/rest/route';

export const runtime = 'nodejs';

const handler = (req: NextRequest) => {
  if (isCrossSiteRequest(req)) {
    return errorResponse('standard', 'FORBIDDEN', 'Cross-site requests are not allowed.');
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers }),
    allowMethodOverride: false,
    responseMeta({ errors }) {
      // 429s carry Retry-After (the domain error knows how long).
      for (const error of errors) {
        const cause = error.cause as { retryAfterSeconds?: number } | undefined;
        if (error.code === 'TOO_MANY_REQUESTS' && cause?.retryAfterSeconds) {
          return { headers: new Headers({ 'retry-after': String(cause.retryAfterSeconds) }) };
        }
      }
      return {};
    },
  });
};

export { handler as GET, handler as POST };
