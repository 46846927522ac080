import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Rolling windows: one sorted set per key, scored by event time (ms), one unique member per event
 * (or per card fingerprint, whose score moves to its latest use). Applying a batch of windows
 * trims each to its length, optionally adds a member, and reports the count and — when the count
 * is at or above the threshold — the moment it drops below it again (`releaseAtMs`).
 */
export type WindowSpec = {
  key: string;
  windowMs: number;
  threshold: number;
  /** Member to add at `nowMs`; omitted: only read (after trimming). */
  add?: string;
};

export type WindowState = { count: number; releaseAtMs: number | null };

/**
 * Runs atomically in Redis, so concurrent events each see a distinct, exact count.
 * KEYS: one per window. ARGV: nowMs, maxEntries, then per key: windowMs, threshold, member ('' = read).
 * An entry counts while `now - score < window`. Returns count and release time (-1: none) per key.
 */
export const WINDOW_SCRIPT = `
local now = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local out = {}
for i, key in ipairs(KEYS) do
  local base = 2 + (i - 1) * 3
  local win = tonumber(ARGV[base + 1])
  local threshold = tonumber(ARGV[base + 2])
  local member = ARGV[base + 3]
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - win)
  if member ~= '' then
    redis.call('ZADD', key, now, member)
    local size = redis.call('ZCARD', key)
    if size > cap then
      redis.call('ZREMRANGEBYRANK', key, 0, size - cap - 1)
    end
    redis.call('PEXPIRE', key, win)
  end
  local n = redis.call('ZCARD', key)
  local release = -1
  if n >= threshold then
    local entry = redis.call('ZRANGE', key, n - threshold, n - threshold, 'WITHSCORES')
    release = tonumber(entry[2]) + win
  end
  out[#out + 1] = n
  out[#out + 1] = release
end
return out
`;

const WINDOW_SCRIPT_SHA = createHash('sha1').update(WINDOW_SCRIPT).digest('hex');

function scriptArgs(specs: WindowSpec[], nowMs: number, maxEntries: number): (string | number)[] {
  const args: (string | number)[] = [specs.length, ...specs.map((s) => s.key), Math.floor(nowMs), maxEntries];
  for (const s of specs) args.push(s.windowMs, s.threshold, s.add ?? '');
  return args;
}

function parseStates(reply: unknown, n: number): WindowState[] {
  if (!Array.isArray(reply) || reply.length !== n * 2) throw new Error('Unexpected reply from the abuse window script');
  const states: WindowState[] = [];
  for (let i = 0; i < n; i++) {
    const count = Number(reply[i * 2]);
    const release = Number(reply[i * 2 + 1]);
    states.push({ count, releaseAtMs: release >= 0 ? release : null });
  }
  return states;
}

/** Applies the windows in Redis, in one atomic script call (EVALSHA, loading the script once). */
export async function applyWindowsInRedis(redis: Redis, specs: WindowSpec[], nowMs: number, maxEntries: number): Promise<WindowState[]> {
  const args = scriptArgs(specs, nowMs, maxEntries);
  let reply: unknown;
  try {
    reply = await redis.evalsha(WINDOW_SCRIPT_SHA, ...(args as [number, ...(string | number)[]]));
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    reply = await redis.eval(WINDOW_SCRIPT, ...(args as [number, ...(string | number)[]]));
  }
  return parseStates(reply, specs.length);
}

/**
 * The same windows in this process's memory, for when Redis is unreachable. Bounded: at most
 * `maxKeys` windows (least recently written dropped first) of at most `maxEntries` events each.
 * Counts here are per process, so they only approximate the shared Redis counts.
 */
export class MemoryWindowStore {
  private readonly windows = new Map<string, Map<string, number>>();
  /** Set while Redis is failing, so the fallback is announced once per outage. */
  fallbackActive = false;

  constructor(readonly maxKeys = 10_000) {}

  get size(): number {
    return this.windows.size;
  }

  apply(specs: WindowSpec[], nowMs: number, maxEntries: number): WindowState[] {
    return specs.map((spec) => this.applyOne(spec, nowMs, maxEntries));
  }

  private applyOne(spec: WindowSpec, nowMs: number, maxEntries: number): WindowState {
    let entries = this.windows.get(spec.key);
    if (entries) {
      for (const [member, at] of entries) if (at <= nowMs - spec.windowMs) entries.delete(member);
    }
    if (spec.add !== undefined) {
      entries ??= new Map();
      entries.delete(spec.add); // re-adding moves it to its latest time, like ZADD
      entries.set(spec.add, nowMs);
      while (entries.size > maxEntries) {
        entries.delete(this.oldest(entries)!);
      }
      this.windows.delete(spec.key); // most recently written last
      this.windows.set(spec.key, entries);
      while (this.windows.size > this.maxKeys) {
        this.windows.delete(this.windows.keys().next().value!);
      }
    } else if (entries && entries.size === 0) {
      this.windows.delete(spec.key);
    }
    const count = entries?.size ?? 0;
    if (!entries || count < spec.threshold) return { count, releaseAtMs: null };
    const times = [...entries.values()].sort((a, b) => a - b);
    return { count, releaseAtMs: times[count - spec.threshold]! + spec.windowMs };
  }

  private oldest(entries: Map<string, number>): string | undefined {
    let oldest: [string, number] | undefined;
    for (const e of entries) if (!oldest || e[1] < oldest[1]) oldest = e;
    return oldest?.[0];
  }
}

/** One store per process, shared by every caller that does not bring its own. */
const globalForAbuse = globalThis as unknown as { levqorAbuseMemory?: MemoryWindowStore };
export function getMemoryWindowStore(): MemoryWindowStore {
  globalForAbuse.levqorAbuseMemory ??= new MemoryWindowStore();
  return globalForAbuse.levqorAbuseMemory;
}
