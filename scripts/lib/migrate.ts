import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** Applies the drizzle-kit migrations in drizzle/ (the only way the schema changes). */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder: path.resolve(import.meta.dirname, '../../drizzle') });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
