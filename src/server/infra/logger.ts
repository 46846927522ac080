import { isIPv6 } from 'node:net';
import pino from 'pino';
import { env } from '~/env';

/**
 * Structured logs (SPEC F5). Secrets and personal data are redacted by path; free text that
 * users type (queries, prompts, e-mail bodies) must be logged as lengths, never in full.
 */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const dest = destination ?? (env.LOG_FILE ? pino.destination({ dest: env.LOG_FILE, sync: true, mkdir: true, append: true }) : undefined);
  return pino(loggerOptions(), dest as pino.DestinationStream);
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)/g;
const IPV6_CANDIDATE = /(?<![\w.:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi;

/** Last line of defence: any e-mail address or IP that reaches a log line is masked. */
export function scrubPersonal(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(IPV4, '[ip]')
    .replace(IPV6_CANDIDATE, (m) => (isIPv6(m) ? '[ip]' : m));
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubPersonal(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1);
  return out;
}

function loggerOptions(): pino.LoggerOptions {
  return {
  level: env.NODE_ENV === 'test' ? (process.env.LOG_LEVEL ?? 'silent') : env.LOG_LEVEL,
  base: { service: 'levqor' },
  redact: {
    paths: [
      'password',
      '*.password',
      'passwordHash',
      '*.passwordHash',
      'email',
      '*.email',
      'ip',
      '*.ip',
      'token',
      '*.token',
      'authorization',
      '*.authorization',
      'cookie',
      '*.cookie',
      'headers.cookie',
      'headers.authorization',
      'secret',
      '*.secret',
    ],
    censor: '[redacted]',
  },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((a) => (typeof a === 'string' ? scrubPersonal(a) : a)) as Parameters<typeof method>);
    },
  },
  };
}

export const logger = createLogger();

export type Logger = pino.Logger;

/** Masks an e-mail for logs: "ada@example.com" -> "a***@example.com". */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
