import { isAppError } from '~/server/errors';

/**
 * The reason a CLI prints when it fails: domain errors as they are; driver errors (which Drizzle
 * wraps, with the query and its parameters in the message) by their code, never the query.
 */
export function cliFailureReason(error: unknown, extra: Record<string, string> = {}): string {
  if (isAppError(error)) return error.message;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = String((error as { code?: unknown } | null)?.code ?? cause?.code ?? '');
  if (code === 'ECONNREFUSED' || code === 'CONNECT_TIMEOUT') {
    return 'PostgreSQL is not reachable (is it running? `npm run setup` starts a local one; DATABASE_URL says where)';
  }
  if (extra[code]) return extra[code]!;
  if (cause && error instanceof Error && error.message.includes('\nparams:')) {
    return `database error ${code || (cause as Error).message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a CLI's main function: exits with its code, and on an unexpected throw prints
 * "<name> failed: <reason>" and exits 1.
 */
export function runCli(name: string, main: () => Promise<number>, reason: (error: unknown) => string = (e) => cliFailureReason(e)): void {
  main()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(`${name} failed: ${reason(error)}`);
      process.exit(1);
    });
}
