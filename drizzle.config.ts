import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the schema; migrations are applied by scripts/migrate.ts.
export default defineConfig({
  schema: './src/server/infra/db/schema/index.ts',
  out: './drizzle',
  dialect: 'postgresql',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/levqor' },
  casing: 'snake_case',
  strict: true,
  verbose: false,
});
