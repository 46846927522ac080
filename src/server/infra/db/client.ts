import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '~/env';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type DbClient = { db: Db; sql: postgres.Sql };

/** Opens a pool. Callers that own a process (workers, scripts, tests) close it with `sql.end()`. */
export function createDb(url: string = env.DATABASE_URL, options: { max?: number } = {}): DbClient {
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 5,
    onnotice: () => {},
  });
  return { db: drizzle(sql, { schema, casing: 'snake_case' }), sql };
}

// One pool per server process; cached on globalThis so dev hot reload does not leak pools.
const globalForDb = globalThis as unknown as { levqorDb?: DbClient };
export function getDb(): Db {
  globalForDb.levqorDb ??= createDb();
  return globalForDb.levqorDb.db;
}
export function getSql(): postgres.Sql {
  globalForDb.levqorDb ??= createDb();
  return globalForDb.levqorDb.sql;
}

export { schema };
