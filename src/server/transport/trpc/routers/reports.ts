import { getReport, getReportInputSchema, listReports, listReportsInputSchema, listReportsOutputSchema, reportDetailSchema } from '~/server/domain/reports/list';
import { listMyReports, myReportsOutputSchema } from '~/server/domain/reports/tenant';
import { adminProcedure, createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * SPEC J3: the platform-wide weekly reports are for Levqor's admins only (list, get); each
 * workspace reads its own weekly reports (mine, issue 16 #7).
 */
export const reportsRouter = createTRPCRouter({
  mine: protectedProcedure.output(myReportsOutputSchema).query(({ ctx }) => listMyReports(ctx, ctx.user)),
  list: adminProcedure
    .input(listReportsInputSchema)
    .output(listReportsOutputSchema)
    .query(({ ctx, input }) => listReports(ctx, input)),
  get: adminProcedure
    .input(getReportInputSchema)
    .output(reportDetailSchema)
    .query(({ ctx, input }) => getReport(ctx, input)),
});
