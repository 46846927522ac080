import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createCaller } from '~/server/transport/trpc/root';
import { createTRPCContext } from '~/server/transport/trpc/context';

/** tRPC for React Server Components: same procedures, same checks, no HTTP hop. */
export const getServerApi = cache(async () => createCaller(await createTRPCContext({ headers: await headers() })));
