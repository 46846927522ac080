import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { CurrentUser } from '~/server/domain/accounts/users';
import { AppError } from '~/server/errors';
import type { Db } from '~/server/infra/db/client';
import { tenantSecrets } from '~/server/infra/db/schema';
import { openSecret, sealSecret, type SecretsKey } from './crypto';

/**
 * The workspace secrets store (SPEC P1, issue 13 #5). Owners (and admins) add, replace and
 * delete secrets; every member sees their names. A value goes in once and never comes back out
 * to a browser: only the engine opens it, for an http_request step that references it.
 */
export type SecretsDeps = { db: Db; secretsKey: SecretsKey; now?: () => Date };

export const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
export const secretNameSchema = z.string().trim().regex(SECRET_NAME, 'Use capital letters, digits and _ (start with a letter), e.g. CRM_API_KEY.');
export const setSecretInputSchema = z.strictObject({
  name: secretNameSchema,
  value: z.string().min(1, 'Enter the secret value.').max(4096, 'A secret can be at most 4096 characters.'),
});
export const secretSummarySchema = z.object({ name: z.string(), updatedAt: z.date() });

const canManage = (user: Pick<CurrentUser, 'role'>) => user.role === 'owner' || user.role === 'admin';
function assertManager(user: Pick<CurrentUser, 'role'>) {
  if (!canManage(user)) throw new AppError('FORBIDDEN', 'Only the workspace’s owners can change its secrets.');
}

export async function listSecrets(deps: Pick<SecretsDeps, 'db'>, user: Pick<CurrentUser, 'tenantId'>) {
  return deps.db
    .select({ name: tenantSecrets.name, updatedAt: tenantSecrets.updatedAt })
    .from(tenantSecrets)
    .where(eq(tenantSecrets.tenantId, user.tenantId))
    .orderBy(asc(tenantSecrets.name));
}

export async function setSecret(deps: SecretsDeps, user: CurrentUser, input: z.input<typeof setSecretInputSchema>): Promise<{ name: string }> {
  assertManager(user);
  const { name, value } = setSecretInputSchema.parse(input);
  const sealed = sealSecret(deps.secretsKey, { tenantId: user.tenantId, name, value });
  const now = deps.now?.() ?? new Date();
  await deps.db
    .insert(tenantSecrets)
    .values({ tenantId: user.tenantId, name, ...sealed, updatedBy: user.id, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [tenantSecrets.tenantId, tenantSecrets.name], set: { ...sealed, updatedBy: user.id, updatedAt: now } });
  return { name };
}

export async function deleteSecret(deps: Pick<SecretsDeps, 'db'>, user: CurrentUser, input: { name: string }): Promise<{ deleted: boolean }> {
  assertManager(user);
  const rows = await deps.db
    .delete(tenantSecrets)
    .where(and(eq(tenantSecrets.tenantId, user.tenantId), eq(tenantSecrets.name, input.name)))
    .returning({ id: tenantSecrets.id });
  if (!rows.length) throw new AppError('NOT_FOUND', 'Secret not found');
  return { deleted: true };
}

/** The engine's side: the named secrets of one workspace, opened (missing names are absent). */
export async function openRunSecrets(deps: Pick<SecretsDeps, 'db' | 'secretsKey'>, tenantId: string, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await deps.db
    .select()
    .from(tenantSecrets)
    .where(and(eq(tenantSecrets.tenantId, tenantId), inArray(tenantSecrets.name, names)));
  return new Map(rows.map((r) => [r.name, openSecret(deps.secretsKey, r)]));
}
