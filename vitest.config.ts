import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * One runner, three projects: unit (pure), integration (real PostgreSQL + Redis, fresh test
 * database) and e2e (Chromium against `next start`). The test environment is fixed here so
 * that a developer's own DATABASE_URL or .env never points tests at real data.
 */
const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/levqor_test',
  REDIS_URL: process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: 'levqor-test',
  AUTH_SECRET: 'levqor-test-secret-not-for-production-0123456789',
  // 32 bytes, base64: the secrets store's key (required by the production-mode e2e server).
  SECRETS_KEY: 'dGVzdC1vbmx5LXNlY3JldHMta2V5LTMyLWJ5dGVzISE=',
  APP_URL: `http://localhost:${process.env.E2E_PORT ?? '3100'}`,
  E2E_PORT: process.env.E2E_PORT ?? '3100',
  // Every process of the suite (tests, next start, workers) logs to one file, which the privacy
  // project audits at the end: no e-mail address or IP may appear in any line.
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'debug',
  LOG_FILE: path.resolve(import.meta.dirname, 'logs/test-suite.log'),
  AUTH_MAX_FAILURES: '5',
  AUTH_FAILURE_WINDOW_SECONDS: '900',
};
Object.assign(process.env, TEST_ENV);

const alias = { '~': path.resolve(import.meta.dirname, 'src') };

export default defineConfig({
  resolve: { alias },
  test: {
    env: TEST_ENV,
    reporters: ['default'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          // Its own group: vitest requires one maxWorkers per group, and a sequential project
          // without an explicit order would be run last.
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/integration.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Files share process-wide state (incidents per check, worker heartbeat): one at a time.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          // After unit and integration: the browser and `next start` get both cores.
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/e2e.global.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'privacy',
          include: ['tests/privacy/**/*.test.ts'],
          environment: 'node',
          // Last: audits what every other project logged and stored.
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
