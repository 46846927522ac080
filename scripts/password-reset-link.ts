/**
 * tsx scripts/password-reset-link.ts --email <address>      (npm run password:reset-link)
 *
 * For a server without e-mail: prints a "forgot password" link for an account (decision 025),
 * for an operator to hand over. It works once, for an hour; any older link stops working.
 * Exit code 0 on success, 1 with the reason on failure.
 */
import '~/server/infra/env-files';
import { parseArgs } from 'node:util';
import { cliFailureReason, runCli } from './lib/cli-errors';

const USAGE = 'usage: npm run password:reset-link -- --email <address>';

async function main(): Promise<number> {
  let email: string | undefined;
  try {
    ({ values: { email } } = parseArgs({ args: process.argv.slice(2), options: { email: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    console.error(`password:reset-link: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  if (!email) {
    console.error(`password:reset-link: --email is required\n${USAGE}`);
    return 1;
  }
  const { env } = await import('~/env');
  const { createDb } = await import('~/server/infra/db/client');
  const { sql: where } = await import('drizzle-orm');
  const { users } = await import('~/server/infra/db/schema');
  const { createPasswordReset, resetLink, RESET_TTL_MINUTES } = await import('~/server/domain/accounts/password-reset');
  const { db, sql } = createDb(env.DATABASE_URL, { max: 1 });
  try {
    const [user] = await db
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(where`lower(${users.email}) = ${email.trim().toLowerCase()} and ${users.deletedAt} is null`)
      .limit(1);
    if (!user) {
      console.error(`password:reset-link: no account with ${email}`);
      return 1;
    }
    const { token } = await createPasswordReset({ db }, user.id);
    console.log(`reset link for ${email} (works once, for ${RESET_TTL_MINUTES} minutes):`);
    console.log(resetLink(env.APP_URL, token, user.locale));
    return 0;
  } catch (error) {
    console.error(`password:reset-link failed: ${cliFailureReason(error)}`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

runCli('password:reset-link', main);
