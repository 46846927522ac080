import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

const optionalSecret = z.string().min(1).optional();
const bool = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/**
 * Every environment variable Levqor reads, validated once (SPEC F4). Import `env` from here;
 * never read process.env elsewhere. A missing or malformed variable stops the process with
 * a message naming it. `.env.example` documents each one.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .default('postgres://postgres@127.0.0.1:5432/levqor'),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9:_-]+$/i)
      .default('levqor'),
    APP_URL: z.url().default('http://localhost:3000'),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)'),
    AUTH_GOOGLE_ID: optionalSecret,
    AUTH_GOOGLE_SECRET: optionalSecret,
    AUTH_GITHUB_ID: optionalSecret,
    AUTH_GITHUB_SECRET: optionalSecret,
    AUTH_MICROSOFT_ENTRA_ID_ID: optionalSecret,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: optionalSecret,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Sign-in throttle: failures allowed per e-mail in the window before sign-in is refused. */
    AUTH_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
    /** Set to true behind a TLS-terminating proxy so cookies are Secure and HSTS is sent. */
    SECURE_COOKIES: bool,
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map((i) => `  - ${i.path?.map(String).join('.') ?? '?'}: ${i.message}`);
    console.error(`Invalid environment variables:\n${lines.join('\n')}\nSee .env.example.`);
    throw new Error(`Invalid environment variables: ${issues.map((i) => i.path?.map(String).join('.')).join(', ')}`);
  },
});

export const isProduction = env.NODE_ENV === 'production';
export const oauthProviders = {
  google: Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
  github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
  microsoft: Boolean(env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET),
};
