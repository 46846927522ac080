/**
 * Weekly report (SPEC J3, J4). Entry points:
 * - `runWeeklyReport(deps, { week?, dryRun?, onProgress? })`: the BullMQ job and the CLI.
 * - `listReports` / `getReport`: the admin Reports page (tRPC reports.list / reports.get).
 * - `computeWeeklyFigures`, `renderWeeklyReportMarkdown`, ISO week helpers: building blocks.
 */
export {
  computeWeeklyFigures,
  metric,
  METRIC_KEYS,
  metricSchema,
  weeklyFiguresSchema,
  type Metric,
  type MetricKey,
  type WeeklyFigures,
} from './figures';
export {
  isoWeekLabelSchema,
  isoWeekOf,
  lastCompleteWeek,
  parseIsoWeek,
  previousWeek,
  REPORT_TIME_ZONE,
  type IsoWeek,
} from './iso-week';
export {
  getReport,
  getReportInputSchema,
  listReports,
  listReportsInputSchema,
  listReportsOutputSchema,
  reportDetailSchema,
  reportSummarySchema,
} from './list';
export { COPY, formatChange, formatCount, formatPence, renderWeeklyReportMarkdown } from './render';
export {
  defaultAdminRecipients,
  runWeeklyReport,
  STEPS,
  WEEKLY_REPORT_FILE,
  WEEKLY_REPORT_KIND,
  weeklyReportInputSchema,
  type ProgressCallback,
  type SendMail,
  type WeeklyReportDeps,
  type WeeklyReportInput,
  type WeeklyReportMail,
  type WeeklyReportResult,
} from './weekly';
