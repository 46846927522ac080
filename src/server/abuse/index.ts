/** Fraud / abuse signals (SPEC H8): see signals.ts for the model, config.ts for the thresholds. */
export {
  ABUSE_EVENT_KINDS,
  ABUSE_SIGNAL_KINDS,
  DEFAULT_ABUSE_CONFIG,
  EVENT_WINDOW,
  resolveAbuseConfig,
  type AbuseConfig,
  type AbuseConfigOverrides,
  type AbuseEventKind,
  type AbuseSignalKind,
  type AbuseWindowConfig,
} from './config';
export { hashCardFingerprint, hashClientIp, hashIp, ipHashPrefix, ipHashSalt, ipSubject, IP_HASH_LENGTH, IP_HASH_PREFIX_LENGTH } from './hash';
export {
  abuseCardsKey,
  abuseSignalRowSchema,
  abuseStatus,
  abuseWindowKey,
  assertNotBlocked,
  isBlocked,
  listAbuseSignals,
  listAbuseSignalsInputSchema,
  recordAbuseEvent,
  type AbuseDeps,
  type AbuseEvent,
  type AbuseEventResult,
  type AbuseSignal,
  type AbuseSignalRow,
  type AbuseStatus,
  type ListAbuseSignalsInput,
  type RecordAbuseDeps,
} from './signals';
export { getMemoryWindowStore, MemoryWindowStore } from './windows';
