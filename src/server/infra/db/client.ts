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
  return { db: drizzle(preparing(sql), { schema, casing: 'snake_case' }), sql };
}

/**
 * Drizzle sends every query to postgres.js unnamed (`prepare: false`), which costs two round
 * trips per query with parameters (Parse + Describe, then Bind + Execute) and a fresh plan each
 * time. Through this wrapper postgres.js prepares them instead (decision 011): one round trip,
 * and the plan is reused on that connection (postgres.js re-prepares when a migration
 * invalidates it). Transactions and savepoints hand drizzle a wrapped client too.
 */
type Unsafe = postgres.Sql['unsafe'];
function preparing<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'unsafe') {
        return ((query: string, args?: unknown[], options?: Record<string, unknown>) =>
          (value as Unsafe).call(target, query, args as never, { ...options, prepare: true })) as Unsafe;
      }
      if (prop === 'begin' || prop === 'savepoint') {
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const fn = args[last];
          if (typeof fn === 'function') args[last] = (tx: object) => (fn as (t: object) => unknown)(preparing(tx));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
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
