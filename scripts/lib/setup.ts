/**
 * Prepares everything the app needs, idempotently: secrets, PostgreSQL and Redis (started when
 * local and stopped), the database, migrations, demo data. Used by `npm start`, `npm run dev`
 * and `npm test` (with --test --fresh: a fresh test database, no demo data).
 */
import '~/server/infra/env-files';
import { ensureLocalSecrets } from './local-env';
import { ensureDatabase, ensurePostgres, ensureRedis } from './services';

export type SetupOptions = {
  /** Test mode: no secrets file, no demo data. */
  test?: boolean;
  /** Drop and recreate the database first (the test command does this once per run). */
  fresh?: boolean;
  seed?: boolean;
  resetDemoPasswords?: boolean;
  quiet?: boolean;
};

export async function setup(opts: SetupOptions = {}) {
  const test = opts.test ?? false;
  const log = (m: string) => {
    if (!opts.quiet) console.log(m);
  };
  if (!test) ensureLocalSecrets(log);
  // Loaded after the secrets exist, so env validation sees them.
  const { env } = await import('~/env');
  await ensurePostgres(env.DATABASE_URL, log);
  await ensureRedis(env.REDIS_URL, log);
  await ensureDatabase(env.DATABASE_URL, { fresh: opts.fresh ?? false });
  const { runMigrations } = await import('./migrate');
  await runMigrations(env.DATABASE_URL);
  log(`Database ${new URL(env.DATABASE_URL).pathname.slice(1)} is migrated.`);
  if (test || opts.seed === false) return null;

  const { createDb } = await import('~/server/infra/db/client');
  const { seedDemo } = await import('./seed');
  const { db, sql } = createDb(env.DATABASE_URL, { max: 2 });
  try {
    const result = await seedDemo(db, { resetPasswords: opts.resetDemoPasswords });
    if (result.created) log('Loaded demo data (first run).');
    return result.credentials;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

