/**
 * Domain errors and the one map from their codes to HTTP and tRPC (docs/decisions/007). Domain
 * code throws AppError with a code; tRPC's error formatter and the REST route builder both read
 * APP_ERRORS, and REST answers every error in one envelope: `{ error: { code, message } }`.
 * This module is the kernel: it imports nothing.
 */
export const APP_ERRORS = {
  BAD_REQUEST: { status: 400, trpc: 'BAD_REQUEST' },
  UNAUTHORIZED: { status: 401, trpc: 'UNAUTHORIZED' },
  FORBIDDEN: { status: 403, trpc: 'FORBIDDEN' },
  NOT_FOUND: { status: 404, trpc: 'NOT_FOUND' },
  CONFLICT: { status: 409, trpc: 'CONFLICT' },
  PAYLOAD_TOO_LARGE: { status: 413, trpc: 'PAYLOAD_TOO_LARGE' },
  UNPROCESSABLE: { status: 422, trpc: 'UNPROCESSABLE_CONTENT' },
  TOO_MANY_REQUESTS: { status: 429, trpc: 'TOO_MANY_REQUESTS' },
  SERVICE_UNAVAILABLE: { status: 503, trpc: 'SERVICE_UNAVAILABLE' },
} as const;
export type AppErrorCode = keyof typeof APP_ERRORS;
export type TrpcErrorCode = (typeof APP_ERRORS)[AppErrorCode]['trpc'];

/** The message of every unexpected failure: nothing internal reaches a caller. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly retryAfterSeconds?: number;
  /** Facts a caller may act on, sent with the error as they are (e.g. a usage limit's figures). */
  readonly details?: Readonly<Record<string, unknown>>;
  constructor(
    code: AppErrorCode,
    message: string,
    options: { retryAfterSeconds?: number; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

const isAppErrorCode = (code: string): code is AppErrorCode => Object.hasOwn(APP_ERRORS, code);

/** HTTP status of an AppError code, or of a tRPC code (anything unknown: 500). */
export function httpStatusOf(code: string): number {
  if (isAppErrorCode(code)) return APP_ERRORS[code].status;
  for (const entry of Object.values(APP_ERRORS)) if (entry.trpc === code) return entry.status;
  return 500;
}

/** tRPC code of an AppError code. */
export const trpcCodeOf = (code: AppErrorCode): TrpcErrorCode => APP_ERRORS[code].trpc;

/**
 * The first problem of a failed validation as one plain line, naming the field
 * (`steps.0.name: Every step needs a name`). Structural, so this module still imports nothing.
 */
export function firstIssueMessage(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, fallback = 'The request is not valid.'): string {
  const issue = error.issues[0];
  if (!issue) return fallback;
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/** The REST error envelope (SPEC A1's AI routes are the documented exception). */
export function errorEnvelope(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

/**
 * What may be logged about an unexpected error (SPEC F5): its class, the database's error code,
 * constraint and table — never a query's text or parameters (Drizzle's "Failed query: …
 * params: …" message), never a stack that starts with that message.
 */
export function safeErrorSummary(error: unknown): Record<string, string | undefined> {
  const e = (error ?? {}) as { name?: unknown; message?: unknown; stack?: unknown; cause?: unknown };
  type DbError = { code?: unknown; constraint_name?: unknown; table_name?: unknown };
  let db: DbError | null = null;
  for (let c: unknown = error, depth = 0; c && typeof c === 'object' && depth < 5; c = (c as { cause?: unknown }).cause, depth++) {
    const candidate = c as { code?: unknown; severity?: unknown; severity_local?: unknown };
    if (typeof candidate.code === 'string' && (candidate.severity !== undefined || candidate.severity_local !== undefined)) {
      db = c as DbError;
      break;
    }
  }
  const message = typeof e.message === 'string' ? e.message : undefined;
  const isQuery = db !== null || (message !== undefined && /failed query|insert into|select |update |delete from|params:/i.test(message));
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (isQuery) {
    return {
      name: str(e.name) ?? 'Error',
      dbCode: str(db?.code),
      constraint: str(db?.constraint_name),
      table: str(db?.table_name),
    };
  }
  return { name: str(e.name) ?? 'Error', message: message?.slice(0, 300), stack: str(e.stack)?.split('\n').slice(1, 8).join('\n') };
}
