/** The sign-in time (ms) a session token carries, or null (a token from before the claim existed). */
export const signedInAtOf = (token: object | null | undefined): number | null => {
  const value = (token as { signedInAt?: unknown } | null | undefined)?.signedInAt;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
