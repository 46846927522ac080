/**
 * tsx scripts/admin-create.ts --email <address> [--name <name>] [--promote]   (npm run admin:create)
 *
 * Creates an admin account for a real installation (one started without the demo data has no
 * admin): a random password is printed once, only its hash is stored. Admins share one
 * operators' workspace. --promote makes an existing account an admin instead (it keeps its
 * password). Exit code 0 on success, 1 with the reason on failure.
 */
import '~/server/infra/env-files';
import { parseArgs } from 'node:util';
import { cliFailureReason, runCli } from './lib/cli-errors';

const USAGE = `usage: npm run admin:create -- --email <address> [--name <name>] [--promote]
  --email    the admin's e-mail address (their sign-in)
  --name     their name (optional)
  --promote  make an existing account an admin instead of refusing`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        promote: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`admin:create: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.email) {
    console.error(`admin:create: --email is required\n${USAGE}`);
    return 1;
  }
  const { env } = await import('~/env');
  const { createDb } = await import('~/server/infra/db/client');
  const { createAdmin } = await import('~/server/domain/accounts/operators');
  const { db, sql } = createDb(env.DATABASE_URL, { max: 1 });
  try {
    const created = await createAdmin({ db }, { email: values.email, name: values.name, promote: values.promote });
    if (created.promoted) {
      console.log(`${created.email} is now an admin (same password as before).`);
    } else {
      console.log(`admin created: ${created.email}`);
      console.log(`password (shown once, only its hash is stored): ${created.password}`);
    }
    console.log(`sign in at ${env.APP_URL}/sign-in, then open ${env.APP_URL}/admin`);
    return 0;
  } catch (error) {
    console.error(`admin:create failed: ${cliFailureReason(error)}`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

runCli('admin:create', main);
