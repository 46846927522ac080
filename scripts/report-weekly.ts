/**
 * tsx scripts/report-weekly.ts [--week 2026-W47] [--dry-run]      (npm run report:weekly)
 *
 * Runs the weekly report (SPEC J3, J4) once, now, with the same code as the Monday job: the
 * last complete ISO week (Europe/London) unless --week is given. Stores the report (one row per
 * week: a re-run replaces it) and writes logs/weekly_report.md; --dry-run only prints it.
 * Prints the Markdown, where it went, and the e-mail status. Exit code 0 on success, 1 with the
 * reason on failure.
 */
import '~/server/infra/env-files';
import { parseArgs } from 'node:util';
import { parseIsoWeek } from '~/server/domain/reports/iso-week';
import { cliFailureReason, runCli } from './lib/cli-errors';
import { createProgress } from './lib/progress';

const USAGE = `usage: npm run report:weekly -- [--week <YYYY-Www>] [--dry-run]
  --week     ISO week to report on, e.g. 2026-W47 (default: the last complete week, Europe/London)
  --dry-run  compute and print the report; store nothing, write no file, send nothing`;

type Options = { week?: string; dryRun: boolean };

function parseOptions(argv: string[]): Options | { exit: number } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        week: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`report:weekly: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return { exit: 1 };
  }
  if (values.help) {
    console.log(USAGE);
    return { exit: 0 };
  }
  if (values.week !== undefined) {
    // Checked before touching the environment or the database, so the message is the reason.
    try {
      parseIsoWeek(values.week);
    } catch (error) {
      console.error(`report:weekly: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
      return { exit: 1 };
    }
  }
  return { week: values.week, dryRun: values['dry-run'] };
}

const reason = (error: unknown) => cliFailureReason(error);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if ('exit' in options) return options.exit;

  const { env } = await import('~/env');
  const { createDb } = await import('~/server/infra/db/client');
  const { runWeeklyReport } = await import('~/server/domain/reports/weekly');
  const { createMailTransport, sendMailVia } = await import('~/server/infra/mail/transport');
  const { db, sql } = createDb(env.DATABASE_URL, { max: 2 });
  const progress = createProgress('weekly report');
  try {
    // Same as the job: e-mailed to admins only when a transport is configured (never on --dry-run).
    const result = await runWeeklyReport(
      { db, sendMail: sendMailVia(createMailTransport()) },
      { week: options.week, dryRun: options.dryRun, onProgress: (pct, step) => progress.update(pct, step) },
    );
    progress.done();
    console.log(`\n${result.markdown}`);
    if (result.stored) {
      console.log(`stored: reports row ${result.reportId} (weekly ${result.period}; a re-run replaces it)`);
      console.log(`file: ${result.file}`);
    } else {
      console.log(`dry run: ${result.period} computed; nothing stored, no file written`);
    }
    console.log(`e-mail: ${result.emailed === 'not_configured' ? 'not configured' : `sent to ${result.emailed} admin(s)`}`);
    return 0;
  } catch (error) {
    progress.done();
    console.error(`report:weekly failed: ${reason(error)}`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

runCli('report:weekly', main, reason);
