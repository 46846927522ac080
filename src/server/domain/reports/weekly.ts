import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { reports, tenants, users } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import type { Logger } from '~/server/infra/logger';
import { computeWeeklyFigures, type WeeklyFigures } from './figures';
import { isoWeekLabelSchema, lastCompleteWeek, parseIsoWeek, REPORT_TIME_ZONE } from './iso-week';
import { COPY, renderWeeklyReportMarkdown } from './render';

/**
 * The weekly report job (SPEC J3, J4): figures -> Markdown -> one `reports` row per week
 * (upserted: a re-run replaces, never duplicates) -> `<reportsDir>/weekly_report.md` -> e-mail
 * to the admins, only when a mail transport is handed in. Called by the BullMQ job (Monday
 * 08:00 Europe/London) and by `npm run report:weekly`.
 */
export const WEEKLY_REPORT_KIND = 'weekly';
export const WEEKLY_REPORT_FILE = 'weekly_report.md';

export type WeeklyReportMail = {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** Same week and same figures -> same key, so a provider can drop a retry's duplicate. */
  idempotencyKey?: string;
};
export type SendMail = (msg: WeeklyReportMail) => Promise<unknown>;

export type WeeklyReportDeps = {
  db: Db;
  now?: () => Date;
  log?: Logger;
  /** Absent: no transport configured, nothing is sent (`emailed: 'not_configured'`). */
  sendMail?: SendMail;
  /** Where weekly_report.md is written; default `<cwd>/logs` (the repository root under npm). */
  reportsDir?: string;
  /** Default: every admin user (role 'admin') of a tenant that is not deleted. */
  adminRecipients?: () => Promise<string[]>;
};

export type ProgressCallback = (pct: number, step: string) => void | Promise<unknown>;

/** Job payload (BullMQ) and CLI input; `week` defaults to the last complete week. */
export const weeklyReportInputSchema = z.strictObject({
  week: isoWeekLabelSchema.optional(),
  dryRun: z.boolean().optional(),
});
export type WeeklyReportInput = z.input<typeof weeklyReportInputSchema> & { onProgress?: ProgressCallback };

export type WeeklyReportResult = {
  period: string;
  figures: WeeklyFigures;
  markdown: string;
  /** False on a dry run. */
  stored: boolean;
  reportId: string | null;
  /** Recipients e-mailed (0 on a dry run or without admins), or 'not_configured'. */
  emailed: number | 'not_configured';
  /** Absolute path of the Markdown file written; null on a dry run. */
  file: string | null;
};

/** Progress steps, as reported to onProgress (job progress, the CLI's bar). */
export const STEPS = COPY.steps;

export async function defaultAdminRecipients(deps: { db: Db }): Promise<string[]> {
  const rows = await deps.db
    .select({ email: users.email })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.role, 'admin'), isNull(tenants.deletedAt)))
    .orderBy(asc(users.createdAt), asc(users.id));
  return [...new Set(rows.map((r) => r.email))];
}

async function writeAtomically(file: string, text: string) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export async function runWeeklyReport(deps: WeeklyReportDeps, input: WeeklyReportInput = {}): Promise<WeeklyReportResult> {
  const { onProgress, ...rest } = input;
  const parsed = weeklyReportInputSchema.safeParse(rest);
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', `Invalid weekly report input: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  const { week: label, dryRun = false } = parsed.data;
  const log = deps.log?.child({ job: 'weekly-report' });
  const progress = async (pct: number, step: string) => {
    try {
      await onProgress?.(pct, step);
    } catch (error) {
      // Progress is a courtesy (job.updateProgress, the CLI bar): it never fails the report.
      log?.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'progress update failed');
    }
  };

  await progress(0, STEPS.week);
  const now = deps.now?.() ?? new Date();
  const week = label ? parseIsoWeek(label, REPORT_TIME_ZONE) : lastCompleteWeek(now, REPORT_TIME_ZONE);
  if (week.end.getTime() > now.getTime()) {
    throw new AppError(
      'BAD_REQUEST',
      `Week ${week.label} has not ended yet (it ends ${week.end.toISOString()}); choose a week that has ended`,
    );
  }

  await progress(10, STEPS.figures);
  const started = performance.now();
  const figures = await computeWeeklyFigures({ db: deps.db, now: () => now }, { weekStart: week.start });
  const figuresMs = Math.round(performance.now() - started);

  await progress(50, STEPS.render);
  const markdown = renderWeeklyReportMarkdown(figures);
  const result: WeeklyReportResult = {
    period: week.label,
    figures,
    markdown,
    stored: false,
    reportId: null,
    emailed: deps.sendMail ? 0 : 'not_configured',
    file: null,
  };
  if (dryRun) {
    await progress(100, STEPS.done);
    log?.info({ period: week.label, dryRun, figuresMs }, 'weekly report computed (dry run)');
    return result;
  }

  await progress(60, STEPS.store);
  const [row] = await deps.db
    .insert(reports)
    .values({
      kind: WEEKLY_REPORT_KIND,
      period: week.label,
      periodStart: week.start,
      periodEnd: week.end,
      figures,
      markdown,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [reports.kind, reports.period],
      // created_at keeps the first run's time; figures.generatedAt says when these were computed.
      set: { periodStart: week.start, periodEnd: week.end, figures, markdown },
    })
    .returning({ id: reports.id });
  result.stored = true;
  result.reportId = row!.id;

  await progress(75, STEPS.file);
  const file = path.resolve(deps.reportsDir ?? path.join(process.cwd(), 'logs'), WEEKLY_REPORT_FILE);
  await writeAtomically(file, markdown);
  result.file = file;

  if (deps.sendMail) {
    await progress(85, STEPS.mail);
    const to = await (deps.adminRecipients ?? (() => defaultAdminRecipients(deps)))();
    if (to.length) {
      const digest = createHash('sha256').update(JSON.stringify(figures.metrics)).digest('hex').slice(0, 16);
      await deps.sendMail({
        to,
        subject: COPY.mailSubject(week.label),
        text: markdown,
        idempotencyKey: `weekly-report:${week.label}:${digest}`,
      });
    }
    result.emailed = to.length;
  }

  await progress(100, STEPS.done);
  log?.info(
    { period: week.label, reportId: result.reportId, figuresMs, emailed: result.emailed },
    'weekly report stored',
  );
  return result;
}
