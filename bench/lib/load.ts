/** One autocannon measurement, reduced to the figures the benchmarks compare. */
import http from 'node:http';
import autocannon from 'autocannon';

export type Measurement = {
  url: string;
  connections: number;
  /** Seconds actually run. */
  durationSec: number;
  /** Mean of the per-second request counts (autocannon's requests.mean). */
  reqPerSec: number;
  totalRequests: number;
  latencyMeanMs: number;
  p50Ms: number;
  /** autocannon's p99 over every response. */
  p99Ms: number;
  /**
   * p99 over every response except each connection's first. At 100 fresh connections against a
   * saturated single-threaded server, some connections get their first response only seconds
   * later (accept/first-read starvation), which dominates p99Ms; this one is the steady state.
   */
  p99SteadyMs: number;
  /** The slowest first response of a connection: how long the last connection waited to get in. */
  slowestFirstMs: number;
  /** Connections that got no response at all during the measurement. */
  connectionsNeverAnswered: number;
  maxMs: number;
  /** Responses by status code. */
  statusCodes: Record<string, number>;
  non2xx: number;
  /** Connection errors and timeouts (timeouts are counted in errors too). */
  errors: number;
  timeouts: number;
  /** How long the server stayed busy after the measurement (see settle()), when measured. */
  busyAfterMs?: number;
  /** A measurement with any error or non-2xx response does not count. */
  ok: boolean;
  /** Human-readable reasons when not ok, e.g. "non-2xx: 404 x 5121". */
  problems: string[];
};

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

export async function measure(
  url: string,
  opts: { connections: number; durationSec: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
): Promise<Measurement> {
  const instance = autocannon({
    url,
    connections: opts.connections,
    duration: opts.durationSec,
    timeout: 10,
    ...(opts.method ? { method: opts.method } : {}),
    ...(opts.headers ? { headers: opts.headers } : {}),
    ...(opts.body !== undefined ? { body: opts.body } : {}),
  });
  // Every response's latency, split into each connection's first response and the rest (see
  // `p99SteadyMs`). autocannon emits (client, statusCode, bytes, responseTime in ms).
  const first: number[] = [];
  const steady: number[] = [];
  const answered = new WeakSet<object>();
  instance.on('response', (client: object, _status: number, _bytes: number, ms: number) => {
    if (answered.has(client)) steady.push(ms);
    else {
      answered.add(client);
      first.push(ms);
    }
  });
  const r = await instance;
  steady.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  const problems: string[] = [];
  if (r.non2xx > 0) {
    const bad = Object.entries(statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, n]) => `${code} x ${n}`)
      .join(', ');
    problems.push(`${r.non2xx} non-2xx (${bad})`);
  }
  // A few timeouts are connections still waiting in the accept queue of a saturated server
  // (reproduced with a bare node:http server): reported in the table, tolerated up to 5% of the
  // connections. Any other error, or more timeouts, fails the measurement.
  const hardErrors = r.errors - r.timeouts;
  if (hardErrors > 0 || r.timeouts > opts.connections * 0.05) {
    problems.push(`${r.errors} errors${r.timeouts ? ` (${r.timeouts} timeouts)` : ''}`);
  }
  if (r['2xx'] === 0 && problems.length === 0) problems.push('no responses');
  return {
    url,
    connections: opts.connections,
    durationSec: r.duration,
    reqPerSec: r.requests.mean,
    totalRequests: r.requests.total ?? 0,
    latencyMeanMs: r.latency.mean,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    p99SteadyMs: percentile(steady, 99),
    slowestFirstMs: first.length ? Math.max(...first) : NaN,
    connectionsNeverAnswered: opts.connections - first.length,
    maxMs: r.latency.max,
    statusCodes,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    ok: problems.length === 0,
    problems,
  };
}

/** One GET on a new connection (so it goes through accept, like a fresh client): ms, or Infinity. */
function probe(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : Infinity));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(Infinity));
  });
}

/**
 * Waits until the server is idle again. When autocannon stops, connections the server had not
 * accepted yet still hold a request in the kernel's queue, and the server works through them
 * after the measurement: without this wait, that leftover work would be charged to the next
 * measurement. Idle = 3 probes in a row answered within 25 ms. Returns the ms waited.
 */
export async function settle(probeUrl: string, maxMs = 30_000): Promise<{ ms: number; idle: boolean }> {
  const started = performance.now();
  let fastInARow = 0;
  while (performance.now() - started < maxMs) {
    fastInARow = (await probe(probeUrl, 5_000)) < 25 ? fastInARow + 1 : 0;
    if (fastInARow >= 3) return { ms: Math.round(performance.now() - started), idle: true };
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ms: Math.round(performance.now() - started), idle: false };
}

/** Renders rows as a plain-text table; numbers are right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => /^[-+]?[\d.,]+x?$|^-$/.test(String(row[i] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const fmt = {
  int: (n: number) => Math.round(n).toString(),
  ms: (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '-'),
  ratio: (n: number | null) => (n === null || !Number.isFinite(n) ? '-' : `${n.toFixed(2)}x`),
};
