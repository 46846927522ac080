import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for the workspace secrets store (decision 013). A fresh 12-byte IV per value; the
 * workspace id and the secret's name are the additional authenticated data, so a ciphertext
 * moved to another workspace or name fails to decrypt instead of leaking.
 */
export type SecretsKey = { key: Buffer; version: number };
export type Sealed = { ciphertext: string; iv: string; tag: string; keyVersion: number };

const aad = (tenantId: string, name: string) => Buffer.from(`levqor-secret:${tenantId}:${name}`, 'utf8');

export function sealSecret(k: SecretsKey, input: { tenantId: string; name: string; value: string }): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  cipher.setAAD(aad(input.tenantId, input.name));
  const ciphertext = Buffer.concat([cipher.update(input.value, 'utf8'), cipher.final()]);
  return { ciphertext: ciphertext.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), keyVersion: k.version };
}

/** The value, or an error when the row was tampered with, moved, or sealed under another key. */
export function openSecret(k: SecretsKey, input: { tenantId: string; name: string } & Sealed): string {
  if (input.keyVersion !== k.version) throw new Error(`secret sealed with key version ${input.keyVersion}, current is ${k.version}`);
  const decipher = createDecipheriv('aes-256-gcm', k.key, Buffer.from(input.iv, 'base64'));
  decipher.setAAD(aad(input.tenantId, input.name));
  decipher.setAuthTag(Buffer.from(input.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(input.ciphertext, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * The key from SECRETS_KEY (32 bytes, base64). Without one (development and tests only: the
 * environment requires it in production) a key is derived from AUTH_SECRET with HKDF.
 */
export function secretsKeyFrom(env: { SECRETS_KEY?: string; SECRETS_KEY_VERSION: number; AUTH_SECRET: string }): SecretsKey {
  const key = env.SECRETS_KEY
    ? Buffer.from(env.SECRETS_KEY, 'base64')
    : Buffer.from(hkdfSync('sha256', env.AUTH_SECRET, 'levqor-secrets-store', 'aes-256-gcm', 32));
  return { key, version: env.SECRETS_KEY_VERSION };
}
