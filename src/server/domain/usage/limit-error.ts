import { AppError } from '~/server/errors';
import type { Meter } from '~/server/domain/billing/limits';
import { usagePeriod } from './period';

/** How server-side texts (errors, e-mails) name a meter; the UI has its own, translated. */
export const METER_NOUN: Readonly<Record<Meter, string>> = { workflow_run: 'workflow runs', api_call: 'API calls', ai_credit: 'AI credits' };

/** Where a workspace at its limit goes to raise it. */
export const UPGRADE_PATH = '/dashboard/billing';

/**
 * 429 for a meter at its monthly limit (SPEC P3): what was reached, when it resets and the
 * upgrade path, as text and as details (REST: `error.details` + Retry-After; tRPC:
 * `data.details`; the UI builds its banner from the details in the user's language).
 */
export function usageLimitError(meter: Meter, limit: number, used: number, now: Date): AppError {
  const resetsAt = usagePeriod(now).end;
  const retryAfterSeconds = Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
  return new AppError(
    'TOO_MANY_REQUESTS',
    `Your workspace has used all ${limit} ${METER_NOUN[meter]} of this month. The allowance resets on ${resetsAt.toISOString().slice(0, 10)} (UTC); upgrade your plan in Billing for a higher limit.`,
    { retryAfterSeconds, details: { reason: 'usage_limit', meter, limit, used, resetsAt: resetsAt.toISOString(), upgradePath: UPGRADE_PATH } },
  );
}
