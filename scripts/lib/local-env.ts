import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCAL_ENV = path.join(ROOT, '.env.local');

/**
 * A fresh clone has no secrets. The first run generates AUTH_SECRET into .env.local
 * (git-ignored, readable only by you) unless the environment already provides one.
 */
export function ensureLocalSecrets(log: (m: string) => void = console.log): void {
  if (process.env.AUTH_SECRET) return;
  const current = existsSync(LOCAL_ENV) ? readFileSync(LOCAL_ENV, 'utf8') : '';
  const match = /^AUTH_SECRET=(.+)$/m.exec(current);
  if (match) {
    process.env.AUTH_SECRET = match[1]!.trim();
    return;
  }
  const secret = randomBytes(32).toString('base64url');
  appendFileSync(LOCAL_ENV, `${current && !current.endsWith('\n') ? '\n' : ''}AUTH_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.AUTH_SECRET = secret;
  log('Generated AUTH_SECRET in .env.local (keep this file private).');
}
