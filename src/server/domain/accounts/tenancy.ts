import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Tenant scoping has one spelling (docs/decisions/006-tenancy-scoping.md): every query on a
 * tenant-owned table adds `ownedBy(table, user)` to its WHERE. Another tenant's id then behaves
 * exactly like an id that does not exist (NOT_FOUND), never like a forbidden one.
 */
export function ownedBy(table: { tenantId: PgColumn }, owner: { tenantId: string }): SQL {
  return eq(table.tenantId, owner.tenantId);
}
