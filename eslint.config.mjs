import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layer boundaries (docs/decisions/005-layers-and-boundaries.md): transport -> domain -> infra,
// nothing points up. A violation fails `npm run lint`.
const FRAMEWORK = [
  { group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'next-intl', 'next-intl/*', 'react', 'react/*', 'react-dom', 'react-dom/*', '@trpc/*', 'hono', 'hono/*', '@bull-board/*'], message: 'Domain and infrastructure code is plain TypeScript: no Next, React, tRPC or HTTP frameworks (transport does that).' },
];
const UPWARD_FROM_SERVER = [
  { group: ['~/app', '~/app/*', '~/components', '~/components/*'], message: 'Server code never imports pages or components.' },
];
const NOT_TRANSPORT = [{ group: ['~/server/transport', '~/server/transport/*'], message: 'Domain and infrastructure never import transport (tRPC, REST, Auth.js).' }];
const NOT_DOMAIN = [{ group: ['~/server/domain', '~/server/domain/*', '../../domain/*'], message: 'Infrastructure never imports the domain: pass what it needs in.' }];

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
    files: ['src/server/domain/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...FRAMEWORK, ...UPWARD_FROM_SERVER, ...NOT_TRANSPORT] }] },
  },
  {
    files: ['src/server/infra/**/*.{ts,tsx}', 'src/server/errors.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...FRAMEWORK, ...UPWARD_FROM_SERVER, ...NOT_TRANSPORT, ...NOT_DOMAIN] }] },
  },
  {
    files: ['src/server/transport/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: UPWARD_FROM_SERVER }] },
  },
  {
    // Components get data through tRPC hooks or props; from the server they may import types only.
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['~/server/*'], allowTypeImports: true, message: 'Components import server modules for their types only: pass data and actions as props.' },
            { group: ['~/app', '~/app/*', '~/env'], message: 'Components never import pages, server actions or env: the page passes them in.' },
          ],
        },
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
