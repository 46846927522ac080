// No imports: launchers load this before the environment is validated.
/**
 * Heap budget of a worker process (MB of V8 old space). Workers keep little alive between
 * batches; a fixed budget makes V8 collect before the heap balloons, so memory stays flat
 * however many tenants a job walks (bench: marketing cycle RSS at 100k ~ 1.1x at 10k).
 * Every launcher (npm run workers, npm start, the benchmarks) passes it; NODE_OPTIONS wins.
 */
export const WORKER_HEAP_MB = 128;
export function workerNodeOptions(existing: string | undefined): string {
  if (existing && /--max-old-space-size/.test(existing)) return existing;
  return [existing, `--max-old-space-size=${WORKER_HEAP_MB}`].filter(Boolean).join(' ');
}
