import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { reports } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { weeklyFiguresSchema } from './figures';
import { WEEKLY_REPORT_KIND } from './weekly';

/** Stored weekly reports for the admin Reports page (reports.list / reports.get). */
export const listReportsInputSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .default({ limit: 20, offset: 0 });

export const reportSummarySchema = z.object({
  id: z.string(),
  period: z.string(),
  periodStart: z.date(),
  periodEnd: z.date(),
  createdAt: z.date(),
});
export const listReportsOutputSchema = z.object({ items: z.array(reportSummarySchema), total: z.number().int() });

export const getReportInputSchema = z.strictObject({ id: z.uuid('Unknown report') });
export const reportDetailSchema = reportSummarySchema.extend({
  markdown: z.string(),
  figures: weeklyFiguresSchema,
});

const summaryColumns = {
  id: reports.id,
  period: reports.period,
  periodStart: reports.periodStart,
  periodEnd: reports.periodEnd,
  createdAt: reports.createdAt,
};
const weekly = eq(reports.kind, WEEKLY_REPORT_KIND);

/** Newest week first. */
export async function listReports(
  deps: { db: Db },
  input: z.input<typeof listReportsInputSchema>,
): Promise<z.infer<typeof listReportsOutputSchema>> {
  const { limit, offset } = listReportsInputSchema.parse(input);
  const [items, [total]] = await Promise.all([
    deps.db
      .select(summaryColumns)
      .from(reports)
      .where(weekly)
      .orderBy(desc(reports.periodStart), desc(reports.id))
      .limit(limit)
      .offset(offset),
    deps.db.select({ n: count() }).from(reports).where(weekly),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getReport(
  deps: { db: Db },
  input: z.infer<typeof getReportInputSchema>,
): Promise<z.infer<typeof reportDetailSchema>> {
  const parsed = getReportInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'Report not found');
  const [row] = await deps.db
    .select({ ...summaryColumns, markdown: reports.markdown, figures: reports.figures })
    .from(reports)
    .where(and(eq(reports.id, parsed.data.id), weekly))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Report not found');
  return { ...row, figures: weeklyFiguresSchema.parse(row.figures) };
}
