import { z } from 'zod';
import {
  adminOverviewSchema,
  getAdminOverview,
  listTenants,
  listTenantsInputSchema,
  tenantRowSchema,
} from '~/server/admin/overview';
import { adminProcedure, createTRPCRouter } from '../trpc';

export const adminRouter = createTRPCRouter({
  overview: adminProcedure.output(adminOverviewSchema).query(({ ctx }) => getAdminOverview(ctx)),
  tenants: adminProcedure
    .input(listTenantsInputSchema)
    .output(z.object({ items: z.array(tenantRowSchema), total: z.number().int() }))
    .query(({ ctx, input }) => listTenants(ctx, input)),
});
