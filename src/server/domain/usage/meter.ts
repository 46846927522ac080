import { randomUUID } from 'node:crypto';
import type { Meter } from '~/server/domain/billing/limits';
import type { Logger } from '~/server/infra/logger';
import { admit, type Admission, type AdmissionDeps, releaseQuietly } from './admission';
import { recordUsage } from './ledger';
import { raiseNotices } from './notices';
import { limitOf, tenantPlanOf } from './plans';

export type MeterDeps = AdmissionDeps & { log?: Logger };

/**
 * After an admission: the warnings it crossed (never fails the request that caused them). Only
 * an admission that crosses 80% or 100% writes anything.
 */
export async function noticeAdmission(deps: MeterDeps, admission: Admission): Promise<void> {
  for (const item of admission.items) {
    await raiseNotices(deps, {
      tenantId: admission.tenantId,
      meter: item.meter,
      before: item.usedAfter - item.quantity,
      after: item.usedAfter,
      limit: item.limit,
    }).catch((error: unknown) => deps.log?.warn({ err: { name: (error as Error).name } }, 'usage notice not written'));
  }
}

/**
 * One metered thing that is not written anywhere else (an API call): admitted, then recorded in
 * the ledger; a duplicate key gives the admission back. Throws the 429 of `usageLimitError`.
 */
export async function meterUsage(
  deps: MeterDeps,
  input: { tenantId: string; meter: Meter; quantity?: number; key?: string },
): Promise<{ used: number; limit: number }> {
  const tenant = await tenantPlanOf(deps.db, input.tenantId);
  const quantity = input.quantity ?? 1;
  const limit = limitOf(tenant, input.meter);
  const admission = await admit(deps, input.tenantId, [{ meter: input.meter, quantity, limit }]);
  try {
    const { recorded } = await recordUsage(deps.db, {
      tenantId: input.tenantId,
      meter: input.meter,
      quantity,
      key: input.key ?? `${input.meter === 'api_call' ? 'api' : input.meter}:${randomUUID()}`,
      at: deps.now?.() ?? new Date(),
    });
    if (!recorded) await releaseQuietly(deps, admission);
    else await noticeAdmission(deps, admission);
  } catch (error) {
    await releaseQuietly(deps, admission);
    throw error;
  }
  return { used: admission.items[0]!.usedAfter, limit };
}
