import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

const optionalSecret = z.string().min(1).optional();
const isKey32 = (v: string) => Buffer.from(v, 'base64').length === 32;
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
    /** Public base URL (links in e-mails, referral links, Stripe returns). Default: this machine on PORT. */
    APP_URL: z.url().default(() => `http://localhost:${process.env.PORT || 3000}`),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)'),
    AUTH_GOOGLE_ID: optionalSecret,
    AUTH_GOOGLE_SECRET: optionalSecret,
    AUTH_GITHUB_ID: optionalSecret,
    AUTH_GITHUB_SECRET: optionalSecret,
    AUTH_MICROSOFT_ENTRA_ID_ID: optionalSecret,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: optionalSecret,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Write logs to this file instead of stdout (the test suite audits its own logs this way). */
    LOG_FILE: z.string().min(1).optional(),
    /** Sign-in throttle: failures allowed per e-mail in the window before sign-in is refused. */
    AUTH_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
    /** Set to true behind a TLS-terminating proxy so cookies are Secure and HSTS is sent. */
    SECURE_COOKIES: bool,
    /** Reported by health endpoints; defaults to package.json's version. */
    APP_VERSION: z.string().max(64).optional(),
    /** Seconds a health summary is reused before the checks run again. */
    HEALTH_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
    /** Bearer token that may read /api/metrics (Prometheus) besides admin sessions. */
    METRICS_TOKEN: z.string().min(16).optional(),
    // Workflow engine (SPEC P2).
    /** Hosts, IPs or CIDRs that workflow HTTP steps may reach although they are private. */
    WORKFLOW_HTTP_ALLOWLIST: z.string().max(2000).optional(),
    /**
     * AES-256-GCM key of the workspace secrets store (32 bytes, base64: openssl rand -base64 32).
     * Required in production; elsewhere one is derived from AUTH_SECRET. `npm start` generates
     * one into .env.local on a fresh install.
     */
    SECRETS_KEY:
      process.env.NODE_ENV === 'production'
        ? z.string({ error: 'SECRETS_KEY is required in production (openssl rand -base64 32)' }).refine(isKey32, 'SECRETS_KEY must be 32 bytes, base64 (openssl rand -base64 32)')
        : z.string().refine(isKey32, 'SECRETS_KEY must be 32 bytes, base64 (openssl rand -base64 32)').optional(),
    /** Version stored with every secret encrypted under SECRETS_KEY (raise it when the key rotates). */
    SECRETS_KEY_VERSION: z.coerce.number().int().min(1).max(1000).default(1),
    /** Runs of one workspace executing at the same time (fairness). */
    RUN_CONCURRENCY_PER_TENANT: z.coerce.number().int().min(1).max(1000).default(5),
    /** Run jobs one worker process executes at once. */
    RUN_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
    /** Salt for hashing IPs (abuse signals, referral clicks); defaults to one derived from AUTH_SECRET. */
    IP_HASH_SALT: z.string().min(16).optional(),
    /** Abuse signals only log unless this is on; then flagged IPs are refused (429). */
    ABUSE_ENFORCE: bool,
    /** Rate limits are enforced unless this is off (e.g. for load tests of a single host). */
    RATE_LIMIT_ENABLED: z
      .enum(['true', 'false', '1', '0'])
      .default('true')
      .transform((v) => v === 'true' || v === '1'),
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    /** Only for tests and local mocks: where the Stripe SDK sends requests (host:port, http). */
    STRIPE_API_BASE: z.url().optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    /** Stripe webhook signing secret (whsec_...): every webhook's signature is checked with it. */
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    /** Stripe price ids per plan and interval, and per Done-For-You package (missing -> checkout says so). */
    STRIPE_PRICE_STARTER_MONTHLY: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_STARTER_YEARLY: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_GROWTH_MONTHLY: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_GROWTH_YEARLY: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_PRO_MONTHLY: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_PRO_YEARLY: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_BUSINESS_MONTHLY: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_BUSINESS_YEARLY: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_DFY_STARTER: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_DFY_PROFESSIONAL: z.string().startsWith('price_').optional(),
    STRIPE_PRICE_DFY_ENTERPRISE: z.string().startsWith('price_').optional(),
    /** Discount suggestions are applied (as Stripe coupons) only when this is on. */
    PRICING_AUTO_APPLY: bool,
    /** Only for tests and local mocks: where the OpenAI SDK sends requests. */
    OPENAI_BASE_URL: z.url().optional(),
    /** Upper bound of one AI provider call; past it the local engine answers. */
    AI_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
    /** SMTP transport for e-mail (smtp[s]://user:pass@host:port). Nothing is sent without one. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** Resend transport (used when set, before SMTP). */
    RESEND_API_KEY: z.string().min(1).optional(),
    /** Only for tests and local mocks: where the Resend SDK sends requests. */
    RESEND_BASE_URL: z.url().optional(),
    /** Sender of every e-mail, e.g. "Levqor <hello@levqor.ai>". */
    MAIL_FROM: z.string().min(3).default('Levqor <hello@levqor.local>'),
    /** How long a worker holds a job's lock; a crashed worker's job is retried after about this long. */
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    /** Tenants per batch in the marketing cycle (bounded memory at any scale). */
    MARKETING_BATCH_SIZE: z.coerce.number().int().min(10).max(10_000).default(1000),
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

/**
 * Said once at boot by the web and worker processes (issue 16 #6): in production, links built
 * from the default APP_URL point at this machine, which no one else can open.
 */
export function appUrlWarning(): string | null {
  if (env.NODE_ENV !== 'production' || process.env.APP_URL) return null;
  return `APP_URL is not set: links in e-mails, referral links and Stripe returns use ${env.APP_URL}. Set APP_URL to the public address.`;
}
