/** What a benchmark module gives the runner (bench/run.ts). */

export type BenchOptions = {
  /** Seconds per measurement (--duration). */
  durationSec: number;
  /** Interleaved measurement rounds per target (--rounds). */
  rounds: number;
  /** Seed benchmark data again even when it is already there (--reseed). */
  reseed: boolean;
  log: (message: string) => void;
};

export type ServerHandle = {
  /** http://localhost:PORT (never 127.0.0.1: see PLATFORM-NOTES). */
  baseUrl: string;
  port: number;
};

/** One SPEC target, evaluated in the run it was measured in. */
export type Check = {
  name: string;
  /** The measured figure; null when it could not be measured (failed measurement). */
  value: number | null;
  op: '>=' | '<=' | '<' | '>';
  threshold: number;
  pass: boolean;
  /** Why it failed when the figure alone does not say (e.g. non-2xx responses). */
  note?: string;
};

export type BenchResult = {
  /** Human-readable table(s), printed as they are. */
  table: string;
  checks: Check[];
  /** Everything measured, written as JSON to bench/.out/<name>.json. */
  data: unknown;
};

export type Bench = {
  name: string;
  description: string;
  /** Whether the runner must start the web server first (started once, shared by benchmarks). */
  needsServer: boolean;
  run(opts: BenchOptions & { server: ServerHandle | null }): Promise<BenchResult>;
};

/**
 * A target met when `value op threshold`; `failure` (e.g. the measurement had non-2xx
 * responses) makes it fail whatever the figure, and is shown as the reason.
 */
export function check(name: string, value: number | null, op: Check['op'], threshold: number, failure?: string): Check {
  const compare = { '>=': (v: number) => v >= threshold, '<=': (v: number) => v <= threshold, '<': (v: number) => v < threshold, '>': (v: number) => v > threshold };
  const met = value !== null && Number.isFinite(value) && compare[op](value);
  return { name, value, op, threshold, pass: met && !failure, ...(failure ? { note: failure } : {}) };
}
