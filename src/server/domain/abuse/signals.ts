import { randomBytes } from 'node:crypto';
import { count, desc, eq, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { env } from '~/env';
import type { Db } from '~/server/infra/db/client';
import { abuseSignals } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { logger, type Logger } from '~/server/infra/logger';
import { redisKey } from '~/server/infra/redis';
import {
  ABUSE_SIGNAL_KINDS,
  EVENT_WINDOW,
  resolveAbuseConfig,
  type AbuseConfig,
  type AbuseConfigOverrides,
  type AbuseEventKind,
  type AbuseSignalKind,
} from './config';
import { hashCardFingerprint, hashIp, ipHashPrefix, ipHashSalt, ipSubject, IP_HASH_PREFIX_LENGTH } from './hash';
import { applyWindowsInRedis, getMemoryWindowStore, type MemoryWindowStore, type WindowSpec, type WindowState } from './windows';

/**
 * Fraud / abuse signals (SPEC H8). Callers report events per client IP; rolling windows per
 * salted IP hash live in Redis (in memory when Redis is down). When a window reaches its
 * threshold the signal is logged at WARNING and upserted into `abuse_signals` (one row per kind,
 * IP hash and window bucket). Log-only unless enforcement is on (`ABUSE_ENFORCE`); then a flagged
 * IP is reported as blocked until its windows drop below their thresholds again.
 *
 * Nothing here throws on infrastructure failures: sign-up and checkout must never fail because
 * abuse accounting did. The raw IP is never stored, logged or sent to Redis.
 */
export type AbuseDeps = {
  redis: Redis;
  now?: () => Date;
  log?: Logger;
  config?: AbuseConfigOverrides;
  /** Refuse flagged IPs; defaults to env ABUSE_ENFORCE. */
  enforce?: boolean;
  /** Fallback windows when Redis is unreachable; defaults to one store per process. */
  memory?: MemoryWindowStore;
};
export type RecordAbuseDeps = AbuseDeps & { db: Db };

export type AbuseEvent = {
  kind: AbuseEventKind;
  /** The client IP as received (see `clientIp`); missing -> nothing is counted. */
  ip: string | null | undefined;
  /** For `payment_failure` / `small_charge`: the card's fingerprint (e.g. Stripe `card.fingerprint`). */
  cardFingerprint?: string | null;
  /**
   * Who the event is about when the IP is not in hand (Stripe webhooks): the salted hash of the
   * IP that opened the checkout (`abuseSubjectHash`, carried in the session's metadata) — the
   * same windows as that IP's — or else another subject, e.g. `stripe-customer:cus_…`.
   */
  subjectHash?: string | null;
  subject?: string | null;
};

const SUBJECT_HASH = /^[0-9a-f]{32}$/;

/** The salted hash an IP's windows are keyed by (null without an IP); safe to hand to Stripe. */
export function abuseSubjectHash(ip: string | null | undefined): string | null {
  const subject = ipSubject(ip);
  return subject === null ? null : hashIp(subject, ipHashSalt());
}

export type AbuseSignal = {
  kind: AbuseSignalKind;
  /** Events in the rolling window (for card testing by distinct cards: distinct cards). */
  count: number;
  threshold: number;
  windowSeconds: number;
  /** Whether enforcement was on when the signal was raised. */
  enforced: boolean;
  /** Which figure crossed its threshold: events, or distinct card fingerprints (card testing). */
  reason: 'events' | 'distinct_cards';
};

export type AbuseEventResult = {
  /** Signals active for the window this event fed (empty while below the threshold). */
  signals: AbuseSignal[];
  /** True only with enforcement on and any window of this IP at or above its threshold. */
  blocked: boolean;
  /** When blocked: seconds until every window of this IP is below its threshold again. */
  retryAfterSeconds?: number;
};

export type AbuseStatus = {
  blocked: boolean;
  /** Kinds currently at or above threshold for the IP (only evaluated with enforcement on). */
  active: AbuseSignalKind[];
  retryAfterSeconds: number | null;
};

type KindState = {
  kind: AbuseSignalKind;
  active: boolean;
  count: number;
  threshold: number;
  windowSeconds: number;
  reason: AbuseSignal['reason'];
  releaseAtMs: number | null;
};

let abuseLog: Logger | undefined;
const defaultLog = () => (abuseLog ??= logger.child({ module: 'abuse' }));

export const abuseWindowKey = (kind: AbuseSignalKind, ipHash: string) => redisKey('abuse', kind, ipHash);
export const abuseCardsKey = (ipHash: string) => redisKey('abuse', 'card_testing', ipHash, 'cards');

/** The four windows of one IP, in a fixed order; `add` puts this event into its window. */
function windowSpecs(ipHash: string, config: AbuseConfig, add?: { kind: AbuseSignalKind; member: string; card?: string }): WindowSpec[] {
  const spec = (kind: AbuseSignalKind): WindowSpec => ({
    key: abuseWindowKey(kind, ipHash),
    windowMs: config[kind].windowSeconds * 1000,
    threshold: config[kind].threshold,
    add: add?.kind === kind ? add.member : undefined,
  });
  return [
    spec('rapid_signups'),
    spec('failed_checkouts'),
    spec('card_testing'),
    {
      key: abuseCardsKey(ipHash),
      windowMs: config.card_testing.windowSeconds * 1000,
      threshold: config.card_testing.distinctCardThreshold,
      add: add?.kind === 'card_testing' ? add.card : undefined,
    },
  ];
}

function evaluate(states: WindowState[], config: AbuseConfig): Record<AbuseSignalKind, KindState> {
  const [signups, checkouts, payments, cards] = states as [WindowState, WindowState, WindowState, WindowState];
  const simple = (kind: 'rapid_signups' | 'failed_checkouts', s: WindowState): KindState => ({
    kind,
    active: s.count >= config[kind].threshold,
    count: s.count,
    threshold: config[kind].threshold,
    windowSeconds: config[kind].windowSeconds,
    reason: 'events',
    releaseAtMs: s.releaseAtMs,
  });
  const byEvents = payments.count >= config.card_testing.threshold;
  const byCards = cards.count >= config.card_testing.distinctCardThreshold;
  const releases = [byEvents ? payments.releaseAtMs : null, byCards ? cards.releaseAtMs : null].filter((r): r is number => r !== null);
  return {
    rapid_signups: simple('rapid_signups', signups),
    failed_checkouts: simple('failed_checkouts', checkouts),
    card_testing: {
      kind: 'card_testing',
      active: byEvents || byCards,
      count: byEvents || !byCards ? payments.count : cards.count,
      threshold: byEvents || !byCards ? config.card_testing.threshold : config.card_testing.distinctCardThreshold,
      windowSeconds: config.card_testing.windowSeconds,
      reason: byEvents || !byCards ? 'events' : 'distinct_cards',
      releaseAtMs: releases.length ? Math.max(...releases) : null,
    },
  };
}

function errorSummary(error: unknown): { message: string; code?: string } {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  return { message: error instanceof Error ? error.message.slice(0, 200) : 'unknown error', ...(code ? { code } : {}) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Redis first; on any failure the in-process windows (announced once per outage). */
async function applyWindows(deps: AbuseDeps, specs: WindowSpec[], nowMs: number, config: AbuseConfig, log: Logger) {
  const memory = deps.memory ?? getMemoryWindowStore();
  try {
    const states = await withTimeout(applyWindowsInRedis(deps.redis, specs, nowMs, config.maxEntriesPerWindow), config.redisTimeoutMs);
    if (memory.fallbackActive) {
      memory.fallbackActive = false;
      log.info('abuse: Redis reachable again; abuse windows are shared again');
    }
    return { states, store: 'redis' as const };
  } catch (error) {
    if (!memory.fallbackActive) {
      memory.fallbackActive = true;
      log.warn({ error: errorSummary(error) }, 'abuse: Redis unavailable; counting abuse windows in memory (this process only)');
    }
    return { states: memory.apply(specs, nowMs, config.maxEntriesPerWindow), store: 'memory' as const };
  }
}

const retryAfter = (states: KindState[], nowMs: number) => {
  const releases = states.map((s) => s.releaseAtMs).filter((r): r is number => r !== null);
  return releases.length ? Math.max(1, Math.ceil((Math.max(...releases) - nowMs) / 1000)) : 1;
};

/**
 * Upserts the signal's row for its window bucket. Concurrent and repeated events of the same
 * bucket converge on one row holding the highest window count seen and the latest time.
 * Returns whether this call created the row.
 */
async function persistSignal(db: Db, ipHash: string, state: KindState, enforced: boolean, now: Date): Promise<boolean> {
  const bucketMs = state.windowSeconds * 1000;
  const bucketStart = new Date(Math.floor(now.getTime() / bucketMs) * bucketMs);
  const [row] = await db
    .insert(abuseSignals)
    .values({
      kind: state.kind,
      ipHash,
      bucketStart,
      count: state.count,
      threshold: state.threshold,
      windowSeconds: state.windowSeconds,
      enforced,
      firstSeenAt: now,
      lastSeenAt: now,
    })
    .onConflictDoUpdate({
      target: [abuseSignals.kind, abuseSignals.ipHash, abuseSignals.bucketStart],
      set: {
        count: sql`greatest("abuse_signals"."count", excluded."count")`,
        threshold: sql`excluded."threshold"`,
        windowSeconds: sql`excluded."window_seconds"`,
        enforced: sql`"abuse_signals"."enforced" or excluded."enforced"`,
        firstSeenAt: sql`least("abuse_signals"."first_seen_at", excluded."first_seen_at")`,
        lastSeenAt: sql`greatest("abuse_signals"."last_seen_at", excluded."last_seen_at")`,
      },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return row?.inserted === true;
}

/**
 * Records one event for an IP. Returns the signals active for the window it fed and whether the
 * IP is blocked (enforcement on and any of its windows at threshold). Never throws.
 */
export async function recordAbuseEvent(deps: RecordAbuseDeps, event: AbuseEvent): Promise<AbuseEventResult> {
  const log = deps.log ?? defaultLog();
  try {
    const salt = ipHashSalt();
    const given = event.subjectHash && SUBJECT_HASH.test(event.subjectHash) ? event.subjectHash : null;
    const subject = given ? null : (ipSubject(event.ip) ?? (event.subject?.trim() ? `subject:${event.subject.trim().slice(0, 200)}` : null));
    if (!given && subject === null) {
      log.debug({ abuse: { event: event.kind } }, 'abuse: event without a client IP; not counted');
      return { signals: [], blocked: false };
    }
    const config = resolveAbuseConfig(deps.config);
    const enforce = deps.enforce ?? env.ABUSE_ENFORCE;
    const now = deps.now?.() ?? new Date();
    const nowMs = now.getTime();
    const ipHash = given ?? hashIp(subject!, salt);
    const kind = EVENT_WINDOW[event.kind];
    const fingerprint = kind === 'card_testing' && event.cardFingerprint?.trim() ? hashCardFingerprint(event.cardFingerprint, salt) : undefined;
    const member = `${nowMs}:${randomBytes(8).toString('hex')}`;

    const { states, store } = await applyWindows(deps, windowSpecs(ipHash, config, { kind, member, card: fingerprint }), nowMs, config, log);
    const byKind = evaluate(states, config);
    const own = byKind[kind];
    const signals: AbuseSignal[] = [];
    if (own.active) {
      signals.push({ kind, count: own.count, threshold: own.threshold, windowSeconds: own.windowSeconds, enforced: enforce, reason: own.reason });
      let created: boolean | null = null;
      try {
        created = await persistSignal(deps.db, ipHash, own, enforce, now);
      } catch (error) {
        log.error({ error: errorSummary(error), abuse: { kind, ipHashPrefix: ipHashPrefix(ipHash) } }, 'abuse: storing a signal failed');
      }
      const details = {
        abuse: { kind, ipHashPrefix: ipHashPrefix(ipHash), count: own.count, threshold: own.threshold, windowSeconds: own.windowSeconds, reason: own.reason, enforced: enforce, store },
      };
      const message = `abuse signal ${kind}: ip#${ipHashPrefix(ipHash)} count ${own.count} >= threshold ${own.threshold} within ${own.windowSeconds}s (${enforce ? 'enforced' : 'log only'})`;
      // One WARNING per kind, IP and bucket (the row's creation); repeats of an ongoing signal are debug.
      if (created === false) log.debug(details, message);
      else log.warn(details, message);
    }
    const active = Object.values(byKind).filter((s) => s.active);
    const blocked = enforce && active.length > 0;
    return blocked ? { signals, blocked, retryAfterSeconds: retryAfter(active, nowMs) } : { signals, blocked };
  } catch (error) {
    log.error({ error: errorSummary(error), abuse: { event: event.kind } }, 'abuse: recording an event failed; carrying on');
    return { signals: [], blocked: false };
  }
}

/**
 * Pre-check for an IP: blocked when enforcement is on and any of its windows is at or above its
 * threshold. With enforcement off it answers at once without touching Redis. Never throws
 * (fails open).
 */
export async function abuseStatus(deps: AbuseDeps, input: { ip: string | null | undefined }): Promise<AbuseStatus> {
  const open: AbuseStatus = { blocked: false, active: [], retryAfterSeconds: null };
  const enforce = deps.enforce ?? env.ABUSE_ENFORCE;
  if (!enforce) return open;
  const log = deps.log ?? defaultLog();
  try {
    const subject = ipSubject(input.ip);
    if (subject === null) return open;
    const config = resolveAbuseConfig(deps.config);
    const nowMs = (deps.now?.() ?? new Date()).getTime();
    const { states } = await applyWindows(deps, windowSpecs(hashIp(subject, ipHashSalt()), config), nowMs, config, log);
    const active = Object.values(evaluate(states, config)).filter((s) => s.active);
    if (!active.length) return open;
    return { blocked: true, active: active.map((s) => s.kind), retryAfterSeconds: retryAfter(active, nowMs) };
  } catch (error) {
    log.error({ error: errorSummary(error) }, 'abuse: checking an IP failed; allowing it');
    return open;
  }
}

export async function isBlocked(deps: AbuseDeps, input: { ip: string | null | undefined }): Promise<boolean> {
  return (await abuseStatus(deps, input)).blocked;
}

/** Throws AppError TOO_MANY_REQUESTS (with retryAfterSeconds) for a blocked IP. */
export async function assertNotBlocked(deps: AbuseDeps, input: { ip: string | null | undefined }): Promise<void> {
  const status = await abuseStatus(deps, input);
  if (status.blocked) {
    throw new AppError('TOO_MANY_REQUESTS', 'Too many requests from your network. Try again later.', {
      retryAfterSeconds: status.retryAfterSeconds ?? 60,
    });
  }
}

export const listAbuseSignalsInputSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(25),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    kind: z.enum(ABUSE_SIGNAL_KINDS).optional(),
  })
  .default({ limit: 25, offset: 0 });
export type ListAbuseSignalsInput = z.input<typeof listAbuseSignalsInputSchema>;

export const abuseSignalRowSchema = z.object({
  id: z.string(),
  kind: z.enum(ABUSE_SIGNAL_KINDS),
  /** First 12 chars of the salted IP hash: enough to correlate rows, never the IP. */
  ipHashPrefix: z.string().length(IP_HASH_PREFIX_LENGTH),
  count: z.number().int(),
  threshold: z.number().int(),
  windowSeconds: z.number().int(),
  enforced: z.boolean(),
  firstSeenAt: z.date(),
  lastSeenAt: z.date(),
});
export type AbuseSignalRow = z.infer<typeof abuseSignalRowSchema>;

/** Signals for admins, most recently seen first, optionally of one kind; with the total. */
export async function listAbuseSignals(deps: { db: Db }, raw: ListAbuseSignalsInput): Promise<{ items: AbuseSignalRow[]; total: number }> {
  const parsed = listAbuseSignalsInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'Invalid list parameters');
  const input = parsed.data;
  const where = input.kind ? eq(abuseSignals.kind, input.kind) : undefined;
  const [items, [total]] = await Promise.all([
    deps.db
      .select({
        id: abuseSignals.id,
        kind: abuseSignals.kind,
        ipHashPrefix: sql<string>`left(${abuseSignals.ipHash}, ${sql.raw(String(IP_HASH_PREFIX_LENGTH))})`,
        count: abuseSignals.count,
        threshold: abuseSignals.threshold,
        windowSeconds: abuseSignals.windowSeconds,
        enforced: abuseSignals.enforced,
        firstSeenAt: abuseSignals.firstSeenAt,
        lastSeenAt: abuseSignals.lastSeenAt,
      })
      .from(abuseSignals)
      .where(where)
      .orderBy(desc(abuseSignals.lastSeenAt), desc(abuseSignals.id))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: count() }).from(abuseSignals).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
