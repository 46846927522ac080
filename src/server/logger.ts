import pino from 'pino';
import { env } from '~/env';

/**
 * Structured logs (SPEC F5). Secrets and personal data are redacted by path; free text that
 * users type (queries, prompts, e-mail bodies) must be logged as lengths, never in full.
 */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  return pino(loggerOptions(), destination as pino.DestinationStream);
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
  };
}

export const logger = createLogger();

export type Logger = pino.Logger;

/** Masks an e-mail for logs: "ada@example.com" -> "a***@example.com". */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
