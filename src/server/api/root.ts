import { accountRouter } from './routers/account';
import { adminRouter } from './routers/admin';
import { healthRouter } from './routers/health';
import { marketingRouter } from './routers/marketing';
import { reportsRouter } from './routers/reports';
import { systemRouter } from './routers/system';
import { workflowsRouter } from './routers/workflows';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  health: healthRouter,
  account: accountRouter,
  workflows: workflowsRouter,
  admin: adminRouter,
  reports: reportsRouter,
  marketing: marketingRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
