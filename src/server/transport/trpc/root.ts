import { accountRouter } from './routers/account';
import { aiRouter } from './routers/ai';
import { adminRouter } from './routers/admin';
import { growthIntelRouter } from './routers/growth-intel';
import { growthRouter } from './routers/growth';
import { healthRouter } from './routers/health';
import { marketingRouter } from './routers/marketing';
import { referralsRouter } from './routers/referrals';
import { reportsRouter } from './routers/reports';
import { systemRouter } from './routers/system';
import { workflowsRouter } from './routers/workflows';
import { billingRouter } from './routers/billing';
import { runsRouter } from './routers/runs';
import { usageRouter } from './routers/usage';
import { secretsRouter } from './routers/secrets';
import { teamRouter } from './routers/team';
import { lifecycleRouter } from './routers/lifecycle';
import { supportRouter } from './routers/support';
import { plannerRouter } from './routers/planner';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  health: healthRouter,
  account: accountRouter,
  workflows: workflowsRouter,
  admin: adminRouter,
  reports: reportsRouter,
  marketing: marketingRouter,
  growth: growthRouter,
  referrals: referralsRouter,
  growthIntel: growthIntelRouter,
  billing: billingRouter,
  ai: aiRouter,
  runs: runsRouter,
  usage: usageRouter,
  secrets: secretsRouter,
  team: teamRouter,
  lifecycle: lifecycleRouter,
  support: supportRouter,
  planner: plannerRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
