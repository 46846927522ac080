/**
 * tsx scripts/marketing-cycle.ts [--dry-run] [--batch-size <n>]      (npm run marketing:cycle)
 *
 * Runs the marketing cycle (SPEC J2, J4) once, now, with the same code as the daily job:
 * segments every tenant and stores one draft per tenant, action and day (Europe/London) as
 * pending approval — a second run the same day creates nothing new. Appends JSON lines to
 * logs/auto_marketing.log. Sends nothing: admins approve drafts in the admin area.
 * --dry-run computes and prints the same counts, writing no draft and no log line.
 * Exit code 0 on success, 1 with the reason on failure.
 */
import '~/server/infra/env-files';
import { parseArgs } from 'node:util';
import { cliFailureReason, runCli } from './lib/cli-errors';
import { createProgress } from './lib/progress';

const USAGE = `usage: npm run marketing:cycle -- [--dry-run] [--batch-size <n>]
  --dry-run     compute and print the counts; store no draft, write no log line
  --batch-size  tenants per batch, 1..10000 (default: MARKETING_BATCH_SIZE, 1000)`;

type Options = { dryRun: boolean; batchSize?: number };

function parseOptions(argv: string[]): Options | { exit: number } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`marketing:cycle: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return { exit: 1 };
  }
  if (values.help) {
    console.log(USAGE);
    return { exit: 0 };
  }
  let batchSize: number | undefined;
  if (values['batch-size'] !== undefined) {
    batchSize = Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
      console.error(`marketing:cycle: --batch-size must be a whole number from 1 to 10000\n${USAGE}`);
      return { exit: 1 };
    }
  }
  return { dryRun: values['dry-run'], batchSize };
}

const reason = (error: unknown) =>
  cliFailureReason(error, {
    EACCES: 'cannot write the marketing log (EACCES)',
    EROFS: 'cannot write the marketing log (EROFS)',
  });

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if ('exit' in options) return options.exit;

  const { env } = await import('~/env');
  const { createDb } = await import('~/server/infra/db/client');
  const { runMarketingCycle } = await import('~/server/domain/marketing/cycle');
  const { logger } = await import('~/server/infra/logger');
  const { db, sql } = createDb(env.DATABASE_URL, { max: 2 });
  const progress = createProgress('marketing cycle');
  try {
    const result = await runMarketingCycle(
      // The result is printed below; only warnings and errors go to the log (and not over the
      // progress line).
      { db, log: logger.child({ cli: 'marketing:cycle' }, { level: 'warn' }) },
      { dryRun: options.dryRun, batchSize: options.batchSize, onProgress: (pct, step) => progress.update(pct, step) },
    );
    progress.done();
    const { segments } = result;
    console.log(`\nmarketing cycle ${result.cycle}${result.dryRun ? ' (dry run)' : ''}`);
    console.log(`tenants scanned: ${result.scanned}`);
    console.log(`  new sign-ups (welcome sequence):   ${segments.new_signup}`);
    console.log(`  active trials (case study):        ${segments.active_trial}`);
    console.log(`  churned or inactive (winback):     ${segments.winback}`);
    if (result.dryRun) {
      console.log(`drafts that would be created: ${result.created}; already drafted this cycle: ${result.skipped}`);
      console.log('dry run: nothing stored, no log line written');
    } else {
      console.log(`drafts created: ${result.created}; already drafted this cycle (skipped): ${result.skipped}`);
      console.log(`log: ${result.logFile}`);
      console.log('nothing was sent: drafts wait for an admin’s approval in the admin area');
    }
    return 0;
  } catch (error) {
    progress.done();
    console.error(`marketing:cycle failed: ${reason(error)}`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

runCli('marketing:cycle', main, reason);
