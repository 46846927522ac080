/**
 * Only same-site paths are accepted as a return address after sign-in: no open redirects
 * (`//host`, `/\host`), and no control characters, which would break the Location header
 * (CR/LF answered 500 before, issue 11 #8).
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value)) {
    return fallback;
  }
  return value;
}
