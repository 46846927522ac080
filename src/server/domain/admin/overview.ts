import { count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/server/infra/db/client';
import { TENANT_STATES, tenants, users, workflows } from '~/server/infra/db/schema';
import { signupsInLastDays } from '~/server/domain/growth/intelligence/views';

/** Platform-wide figures for Levqor's admins (never exposed to tenant members). */
export const adminOverviewSchema = z.object({
  tenants: z.number().int(),
  trialing: z.number().int(),
  active: z.number().int(),
  users: z.number().int(),
  workflows: z.number().int(),
  signupsLast7Days: z.number().int(),
});

export async function getAdminOverview(deps: { db: Db; now?: () => Date }) {
  const [t] = await deps.db
    .select({
      tenants: count(),
      trialing: sql<number>`count(*) filter (where ${tenants.status} = 'trialing')`.mapWith(Number),
      active: sql<number>`count(*) filter (where ${tenants.status} = 'active')`.mapWith(Number),
    })
    .from(tenants)
    .where(sql`${tenants.deletedAt} is null`);
  const [[u], [w], signupsLast7Days] = await Promise.all([
    deps.db.select({ n: count() }).from(users),
    deps.db.select({ n: count() }).from(workflows),
    // The same figure as growth intelligence's funnel for its "last 7 days" period.
    signupsInLastDays(deps, 7),
  ]);
  return {
    tenants: t?.tenants ?? 0,
    trialing: t?.trialing ?? 0,
    active: t?.active ?? 0,
    signupsLast7Days,
    users: u?.n ?? 0,
    workflows: w?.n ?? 0,
  };
}

export const listTenantsInputSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(25),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .default({ limit: 25, offset: 0 });

export const tenantRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  plan: z.enum(['starter', 'growth', 'pro', 'business']),
  status: z.enum(TENANT_STATES),
  members: z.number().int(),
  createdAt: z.date(),
  lastActivityAt: z.date().nullable(),
});

export async function listTenants(deps: { db: Db }, input: z.infer<typeof listTenantsInputSchema>) {
  const members = deps.db
    .select({ tenantId: users.tenantId, n: count().as('n') })
    .from(users)
    .groupBy(users.tenantId)
    .as('members');
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        id: tenants.id,
        name: tenants.name,
        plan: tenants.plan,
        status: tenants.status,
        members: sql<number>`coalesce(${members.n}, 0)`.mapWith(Number),
        createdAt: tenants.createdAt,
        lastActivityAt: tenants.lastActivityAt,
      })
      .from(tenants)
      .leftJoin(members, eq(members.tenantId, tenants.id))
      .where(sql`${tenants.deletedAt} is null`)
      .orderBy(desc(tenants.createdAt))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: count() }).from(tenants).where(sql`${tenants.deletedAt} is null`),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}
