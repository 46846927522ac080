import 'server-only';
import { createHydrationHelpers } from '@trpc/react-query/rsc';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createCaller, type AppRouter } from '~/server/transport/trpc/root';
import { createTRPCContext } from '~/server/transport/trpc/context';
import { makeQueryClient } from './query-client';

/** One context per request, shared by every server-side call. */
const createContext = cache(async () => createTRPCContext({ headers: await headers() }));

/** tRPC for React Server Components: same procedures, same checks, no HTTP hop. */
export const getServerApi = cache(async () => createCaller(createContext));

/**
 * Server prefetch for client panels: `await prefetch.health.summary.prefetch()` fills this
 * request's query client, and `<HydrateClient>` hands it to the browser, so the panels paint
 * with data instead of "Loading…" (issue 16).
 */
const getQueryClient = cache(makeQueryClient);
export const { trpc: prefetch, HydrateClient } = createHydrationHelpers<AppRouter>(createCaller(createContext), getQueryClient);
