import { z } from 'zod';
import { abuseSignalKindEnum } from '~/server/infra/db/schema';

/**
 * Fraud / abuse signal configuration (SPEC H8). Every window is a rolling window per hashed IP:
 * a signal is active while the window holds at least `threshold` events.
 */
export const ABUSE_SIGNAL_KINDS = abuseSignalKindEnum.enumValues;
export type AbuseSignalKind = (typeof ABUSE_SIGNAL_KINDS)[number];

/** What callers report. Each event feeds exactly one window. */
export const ABUSE_EVENT_KINDS = ['signup', 'failed_checkout', 'payment_failure', 'small_charge'] as const;
export type AbuseEventKind = (typeof ABUSE_EVENT_KINDS)[number];

export const EVENT_WINDOW: Record<AbuseEventKind, AbuseSignalKind> = {
  signup: 'rapid_signups',
  failed_checkout: 'failed_checkouts',
  payment_failure: 'card_testing',
  // A charge below any price Levqor sells (a card probe) counts like a failure (issue 16 #2).
  small_charge: 'card_testing',
};

export type AbuseWindowConfig = {
  /** Events in the window at which the signal fires (inclusive: `count >= threshold`). */
  threshold: number;
  /** Length of the rolling window; also the length of the dedupe bucket in `abuse_signals`. */
  windowSeconds: number;
};

export type AbuseConfig = {
  /** Sign-ups from one IP. Default: 3 within 10 minutes. */
  rapid_signups: AbuseWindowConfig;
  /** Failed checkouts from one IP. Default: 3 within 1 hour. */
  failed_checkouts: AbuseWindowConfig;
  /**
   * Failed payment attempts from one IP (card testing). Fires on `threshold` failures, or on
   * `distinctCardThreshold` different card fingerprints failing, within the window.
   * Default: 5 failures, or 3 distinct cards, within 10 minutes.
   */
  card_testing: AbuseWindowConfig & { distinctCardThreshold: number };
  /** Events kept per window at most (older ones are dropped first): bounds memory under attack. */
  maxEntriesPerWindow: number;
  /** Longest wait for Redis before the event is counted in memory instead. */
  redisTimeoutMs: number;
};

export const DEFAULT_ABUSE_CONFIG: Readonly<AbuseConfig> = Object.freeze({
  rapid_signups: Object.freeze({ threshold: 3, windowSeconds: 10 * 60 }),
  failed_checkouts: Object.freeze({ threshold: 3, windowSeconds: 60 * 60 }),
  card_testing: Object.freeze({ threshold: 5, windowSeconds: 10 * 60, distinctCardThreshold: 3 }),
  maxEntriesPerWindow: 1000,
  redisTimeoutMs: 750,
});

export type AbuseConfigOverrides = {
  rapid_signups?: Partial<AbuseWindowConfig>;
  failed_checkouts?: Partial<AbuseWindowConfig>;
  card_testing?: Partial<AbuseConfig['card_testing']>;
  maxEntriesPerWindow?: number;
  redisTimeoutMs?: number;
};

const threshold = z.number().int().min(1).max(10_000);
const windowSeconds = z.number().int().min(1).max(7 * 86_400);
const windowSchema = z.strictObject({ threshold, windowSeconds });
const configSchema = z
  .strictObject({
    rapid_signups: windowSchema,
    failed_checkouts: windowSchema,
    card_testing: windowSchema.extend({ distinctCardThreshold: threshold }),
    maxEntriesPerWindow: z.number().int().min(1).max(100_000),
    redisTimeoutMs: z.number().int().min(1).max(10_000),
  })
  .superRefine((c, ctx) => {
    const thresholds = [c.rapid_signups.threshold, c.failed_checkouts.threshold, c.card_testing.threshold, c.card_testing.distinctCardThreshold];
    if (thresholds.some((t) => t > c.maxEntriesPerWindow)) {
      ctx.addIssue({ code: 'custom', path: ['maxEntriesPerWindow'], message: 'must be at least every threshold' });
    }
  });

/** Defaults merged with overrides, validated. Throws on a nonsensical configuration. */
export function resolveAbuseConfig(overrides: AbuseConfigOverrides = {}): AbuseConfig {
  const d = DEFAULT_ABUSE_CONFIG;
  const merged = {
    rapid_signups: { ...d.rapid_signups, ...overrides.rapid_signups },
    failed_checkouts: { ...d.failed_checkouts, ...overrides.failed_checkouts },
    card_testing: { ...d.card_testing, ...overrides.card_testing },
    maxEntriesPerWindow: overrides.maxEntriesPerWindow ?? d.maxEntriesPerWindow,
    redisTimeoutMs: overrides.redisTimeoutMs ?? d.redisTimeoutMs,
  };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid abuse config at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
