import { isIPv6 } from 'node:net';

/**
 * Scrubbing for telemetry (SPEC H7, F5): nothing that identifies a person is stored — no user
 * ids, e-mail addresses, IPs, phone or card numbers, tokens. Every text that reaches
 * `telemetry_events` (names, messages, endpoints, meta) goes through these functions, whether it
 * came from our own code or from a browser. They are deterministic, so the same error scrubs to
 * the same message and the "repeated error" rule still groups it.
 */
export const TELEMETRY_LIMITS = {
  name: 100,
  message: 1000,
  endpoint: 300,
  metaKeys: 10,
  metaKey: 50,
  metaString: 300,
} as const;

export type TelemetryMetaValue = string | number | boolean | null;
export type TelemetryMeta = Record<string, TelemetryMetaValue>;

/** "password=…", "token: …", '"api_key":"…"' keep their key and lose their value. */
const SECRET_ASSIGNMENT =
  /\b(token|access_token|refresh_token|id_token|secret|client_secret|password|passwd|pwd|api[_-]?key|apikey|authorization|session|sessionid|session_id|cookie|sig|signature)("?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s&,;"'<>)\]}]+)/gi;
/** "Bearer eyJ…", "Basic dXNlcjpwYXNz": only when the credential has a digit ("bearer token" stays). */
const AUTH_SCHEME = /\b(bearer|basic)\s+(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi;
const URL_QUERY = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)\?[^\s#"'<>]*/gi;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)/g;
/** Candidates only: each match is confirmed with `isIPv6` before it is replaced. */
const IPV6_CANDIDATE = /(?<![\w.:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?::\d{1,3}(?:\.\d{1,3}){3})?(?![\w:])/gi;
/** Long runs of letters and digits (API keys, JWT parts, hashes, session ids). */
const TOKEN = /[A-Za-z0-9_\-+=]{24,}/g;
/** Digits in groups (phone and card numbers): "+44 7700 900123", "4242-4242-4242-4242". */
const GROUPED_DIGITS = /(?<![\w.])\+?\(?\d{1,5}\)?(?:[ \-.]\(?\d{2,6}\)?){1,}(?![\w.]*\d)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const DIGIT_RUN = /\d{6,}/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Meta keys whose values are personal or secret by their very name; their values are replaced. */
const SENSITIVE_KEY =
  /^(user|userid|uid|account|accountid|customer|customerid|tenant|tenantid|member|memberid|email|mail|emailaddress|ip|ipaddress|remoteaddr|clientip|phone|phonenumber|mobile|fullname|firstname|lastname|username|login|password|passwd|pwd|secret|token|accesstoken|refreshtoken|apikey|authorization|auth|cookie|session|sessionid|card|cardnumber|iban|ssn|address)$/;

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const hasDigitAndLetter = (s: string) => /\d/.test(s) && /[A-Za-z]/.test(s);
const digitCount = (s: string) => s.replace(/\D/g, '').length;

/** Removes e-mails, IPs, ids, tokens and long numbers from free text; caps its length. */
export function scrubText(input: string, max: number = TELEMETRY_LIMITS.message): string {
  let text = input.length > max * 4 ? input.slice(0, max * 4) : input;
  text = text
    .replace(CONTROL, ' ')
    .replace(AUTH_SCHEME, '$1 [redacted]')
    .replace(SECRET_ASSIGNMENT, (_m, key: string, sep: string) => `${key}${sep}[redacted]`)
    .replace(URL_QUERY, '$1')
    .replace(EMAIL, '[email]')
    .replace(UUID, '[id]')
    .replace(IPV4, (m) => (m.split('.').every((p) => Number(p) <= 255) ? '[ip]' : m))
    .replace(IPV6_CANDIDATE, (m) => (/\d/.test(m) && isIPv6(m) ? '[ip]' : m))
    .replace(TOKEN, (m) => (hasDigitAndLetter(m) ? '[token]' : m))
    .replace(GROUPED_DIGITS, (m) => (digitCount(m) >= 9 && !ISO_DATE.test(m) ? '[number]' : m))
    .replace(DIGIT_RUN, '[number]');
  return cap(text.trim(), max);
}

/** A path segment that is an identifier: digits, a UUID, a long hex string. */
const ID_SEGMENT = /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$/i;

/**
 * An endpoint or page path as stored: no query string or fragment, ids collapsed to "[id]" so
 * that one route is one subject ("/api/workflows/[id]"), personal data scrubbed, length capped.
 * Works for paths ("/dashboard?x=1") and full URLs; other names ("trpc:workflows.list") pass.
 */
export function scrubEndpoint(input: string, max: number = TELEMETRY_LIMITS.endpoint): string {
  let path = input.trim();
  const cut = path.search(/[?#]/);
  if (cut >= 0) path = path.slice(0, cut);
  path = path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? '[id]' : segment))
    .join('/');
  path = scrubText(path, max * 2).replace(/\/\[(?:number|token)\](?=\/|$)/g, '/[id]');
  return cap(path, max);
}

const normaliseKey = (key: string) => key.toLowerCase().replace(/[^a-z]/g, '');

/** A meta value as stored: strings scrubbed, very long integers (ids, phone numbers) dropped. */
export function scrubMetaValue(value: unknown): TelemetryMetaValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return Number.isInteger(value) && Math.abs(value) >= 1e9 ? '[number]' : value;
  }
  if (typeof value === 'string') return scrubText(value, TELEMETRY_LIMITS.metaString);
  return null;
}

/**
 * Meta as stored: at most 10 keys, scalar values only, keys that name personal data (userId,
 * email, ip, token, ...) keep their name but lose their value. Returns null when empty.
 */
export function scrubMeta(meta: Record<string, unknown> | null | undefined): TelemetryMeta | null {
  if (!meta || typeof meta !== 'object') return null;
  const out: TelemetryMeta = {};
  let n = 0;
  for (const [rawKey, value] of Object.entries(meta)) {
    if (n >= TELEMETRY_LIMITS.metaKeys) break;
    const key = scrubText(rawKey, TELEMETRY_LIMITS.metaKey);
    if (!key || key === '__proto__') continue;
    out[key] = SENSITIVE_KEY.test(normaliseKey(rawKey)) ? '[redacted]' : scrubMetaValue(value);
    n++;
  }
  return n ? out : null;
}

/** A short event or error name: scrubbed, capped, never empty. */
export function scrubName(input: string, fallback = 'unnamed'): string {
  return scrubText(input, TELEMETRY_LIMITS.name) || fallback;
}
