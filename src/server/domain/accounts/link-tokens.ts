import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens of single-use links (team invitations, password resets): 32 random bytes in the link,
 * only their SHA-256 in the database, so a table dump cannot be turned back into working links.
 */
export const newLinkToken = () => randomBytes(32).toString('base64url');
export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');
