import type { Db } from '~/server/infra/db/client';
import { growthEvents } from '~/server/infra/db/schema';

/**
 * Growth events (SPEC G2/G4): one row per visit, sign-up, trial start, conversion or churn,
 * attributed to a utm source ('direct' when none). Never an IP or an e-mail: visits carry a
 * salted visitor hash, the rest a tenant id.
 */
export type GrowthEventType = 'visit' | 'signup' | 'trial_start' | 'conversion' | 'churn' | 'active';

export type GrowthEventInput = {
  type: GrowthEventType;
  tenantId?: string | null;
  visitorHash?: string | null;
  /** utm_source (or 'referral' for referral links); normalised, 'direct' when empty. */
  source?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  amountPence?: number | null;
  occurredAt?: Date;
};

export type GrowthEventDeps = { db: Pick<Db, 'insert'>; now?: () => Date };

const MAX_UTM_LENGTH = 100;

/** Trimmed, lower-cased, at most 100 characters; null when empty or not a string. */
export function normaliseUtm(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase().slice(0, MAX_UTM_LENGTH);
  return v ? v : null;
}

/** Inserts one growth event. */
export async function recordGrowthEvent(deps: GrowthEventDeps, input: GrowthEventInput): Promise<void> {
  const amount = input.amountPence;
  await deps.db.insert(growthEvents).values({
    type: input.type,
    tenantId: input.tenantId ?? null,
    visitorHash: input.visitorHash ?? null,
    source: normaliseUtm(input.source) ?? 'direct',
    utmMedium: normaliseUtm(input.utmMedium),
    utmCampaign: normaliseUtm(input.utmCampaign),
    amountPence: typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount) : null,
    occurredAt: input.occurredAt ?? deps.now?.() ?? new Date(),
  });
}
