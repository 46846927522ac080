import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'drizzle/**', 'coverage/**', 'test-results/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through ~/env (validated).' },
      ],
    },
  },
  {
    // Places that run before or outside the validated env: the proxy, next.config, scripts, tests.
    files: ['src/env.ts', 'src/proxy.ts', 'src/instrumentation.ts', 'src/server/infra/env-files.ts', 'src/server/infra/logger.ts', 'src/trpc/react.tsx', 'next.config.ts', 'drizzle.config.ts', 'scripts/**', 'tests/**', 'bench/**', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default config;
