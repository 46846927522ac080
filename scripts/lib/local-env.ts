import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCAL_ENV = path.join(ROOT, '.env.local');

/**
 * A fresh clone has no secrets. The first run generates AUTH_SECRET and SECRETS_KEY into .env.local
 * (git-ignored, readable only by you) unless the environment already provides one.
 */
export function ensureLocalSecrets(log: (m: string) => void = console.log): void {
  ensureLocalSecret('AUTH_SECRET', () => randomBytes(32).toString('base64url'), log);
  // The workspace secrets store's key (required in production mode, which `npm start` is).
  ensureLocalSecret('SECRETS_KEY', () => randomBytes(32).toString('base64'), log);
}

function ensureLocalSecret(name: string, generate: () => string, log: (m: string) => void): void {
  if (process.env[name]) return;
  const current = existsSync(LOCAL_ENV) ? readFileSync(LOCAL_ENV, 'utf8') : '';
  const match = new RegExp(`^${name}=(.+)$`, 'm').exec(current);
  if (match) {
    process.env[name] = match[1]!.trim();
    return;
  }
  const secret = generate();
  appendFileSync(LOCAL_ENV, `${current && !current.endsWith('\n') ? '\n' : ''}${name}=${secret}\n`, { mode: 0o600 });
  process.env[name] = secret;
  log(`Generated ${name} in .env.local (keep this file private).`);
}
