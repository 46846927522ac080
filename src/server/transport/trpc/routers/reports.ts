import { getReport, getReportInputSchema, listReports, listReportsInputSchema, listReportsOutputSchema, reportDetailSchema } from '~/server/domain/reports/list';
import { adminProcedure, createTRPCRouter } from '../trpc';

/** SPEC J3: the weekly reports are platform-wide figures, for Levqor's admins only. */
export const reportsRouter = createTRPCRouter({
  list: adminProcedure
    .input(listReportsInputSchema)
    .output(listReportsOutputSchema)
    .query(({ ctx, input }) => listReports(ctx, input)),
  get: adminProcedure
    .input(getReportInputSchema)
    .output(reportDetailSchema)
    .query(({ ctx, input }) => getReport(ctx, input)),
});
