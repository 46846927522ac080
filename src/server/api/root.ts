import { accountRouter } from './routers/account';
import { adminRouter } from './routers/admin';
import { systemRouter } from './routers/system';
import { workflowsRouter } from './routers/workflows';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  account: accountRouter,
  workflows: workflowsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
