import client from 'prom-client';

/**
 * Prometheus metrics (SPEC H6), one registry per process. Route labels are route names, never
 * raw URLs (no ids, no query strings), so cardinality stays bounded.
 */
function build() {
  const registry = new client.Registry();
  registry.setDefaultLabels({ service: 'levqor' });
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new client.Counter({
      name: 'levqor_http_requests_total',
      help: 'API requests handled, by route and status class',
      labelNames: ['route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: 'levqor_http_request_duration_seconds',
      help: 'API request duration, by route',
      labelNames: ['route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    rateLimited: new client.Counter({
      name: 'levqor_rate_limited_total',
      help: 'Requests refused with 429, by rate class',
      labelNames: ['class'] as const,
      registers: [registry],
    }),
    aiRequests: new client.Counter({
      name: 'levqor_ai_requests_total',
      help: 'AI helper requests, by capability and provider',
      labelNames: ['capability', 'provider'] as const,
      registers: [registry],
    }),
    runsStarted: new client.Counter({
      name: 'levqor_workflow_runs_started_total',
      help: 'Workflow runs started, by trigger',
      labelNames: ['trigger'] as const,
      registers: [registry],
    }),
    runsFinished: new client.Counter({
      name: 'levqor_workflow_runs_finished_total',
      help: 'Workflow runs finished, by final status (succeeded, failed, cancelled)',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    runDuration: new client.Histogram({
      name: 'levqor_workflow_run_duration_seconds',
      help: 'Queue-to-finish time of workflow runs',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
      registers: [registry],
    }),
    load: new client.Gauge({ name: 'levqor_load', help: 'Load figure used by the scaling policy (0..1)', registers: [registry] }),
    healthCheck: new client.Gauge({
      name: 'levqor_health_check_ok',
      help: 'Last health check result (1 ok, 0 failing, -1 not configured)',
      labelNames: ['check'] as const,
      registers: [registry],
    }),
  };
}

const globalForMetrics = globalThis as unknown as { levqorMetrics?: ReturnType<typeof build> };
export function metrics() {
  globalForMetrics.levqorMetrics ??= build();
  return globalForMetrics.levqorMetrics;
}

export const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;
