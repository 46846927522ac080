/**
 * Browser telemetry (SPEC H7): uncaught errors, unhandled rejections and `track()` events are
 * queued and sent in batches to `POST /api/telemetry` — on a timer, when `maxBatch` wait, and when
 * the page is hidden or left (sendBeacon, falling back to fetch with keepalive). No dependencies;
 * it ships on every dashboard page. It never sends who the user is: only the event, the page's
 * path (no query string or fragment) and the meta the caller passes (the server scrubs it too).
 */
export type TelemetryMetaValue = string | number | boolean;
type ClientEvent = {
  kind: 'event' | 'error';
  name: string;
  message?: string;
  path?: string;
  meta?: Record<string, TelemetryMetaValue>;
};
export type TelemetryClientOptions = { endpoint?: string; flushMs?: number; maxBatch?: number };
export type TelemetryClient = {
  track(name: string, meta?: Record<string, TelemetryMetaValue>): void;
  flush(): void;
  uninstall(): void;
};

// The server's limits: an event over them would make the whole batch fail.
const MAX_BODY_BYTES = 15 * 1024;
const MAX_EVENTS_PER_REQUEST = 50;
const MAX_QUEUED = 200;
const MAX_ERRORS_PER_PAGE = 50;

const cut = (s: unknown, max: number) => String(s ?? '').slice(0, max);
const errorName = (s: unknown, fallback: string) => cut(s, 100).trim() || fallback;

function cleanMeta(meta?: Record<string, TelemetryMetaValue>) {
  if (!meta) return undefined;
  const out: Record<string, TelemetryMetaValue> = {};
  for (const [k, v] of Object.entries(meta).slice(0, 10)) {
    if (!k) continue;
    if (typeof v === 'string') out[k.slice(0, 50)] = v.slice(0, 300);
    else if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k.slice(0, 50)] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

let active: TelemetryClient | null = null;

export function installTelemetry(options: TelemetryClientOptions = {}): TelemetryClient {
  if (active) return active;
  if (typeof window === 'undefined') return { track() {}, flush() {}, uninstall() {} };
  const endpoint = options.endpoint ?? '/api/telemetry';
  const maxBatch = Math.min(options.maxBatch ?? 20, MAX_EVENTS_PER_REQUEST);
  const encoder = new TextEncoder();
  let queue: ClientEvent[] = [];
  let errorsSent = 0;

  const path = () => cut(`/${(window.location.pathname.split(/[?#]/)[0] ?? '').replace(/^\/+/, '')}`, 300);

  function send(body: string) {
    try {
      const blob = new Blob([body], { type: 'application/json' });
      if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(endpoint, blob)) return;
    } catch {
      // Fall back to fetch below.
    }
    fetch(endpoint, {
      method: 'POST',
      body,
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
    }).catch(() => {});
  }

  function flush() {
    while (queue.length) {
      const batch: string[] = [];
      let size = 12; // {"events":[]}
      while (queue.length && batch.length < MAX_EVENTS_PER_REQUEST) {
        const json = JSON.stringify(queue[0]);
        const bytes = encoder.encode(json).length + 1;
        if (size + bytes > MAX_BODY_BYTES && batch.length) break;
        queue.shift();
        if (size + bytes > MAX_BODY_BYTES) continue; // a single event too large is dropped
        batch.push(json);
        size += bytes;
      }
      if (batch.length) send(`{"events":[${batch.join(',')}]}`);
    }
  }

  function enqueue(event: ClientEvent) {
    if (queue.length >= MAX_QUEUED) return;
    if (event.kind === 'error' && ++errorsSent > MAX_ERRORS_PER_PAGE) return;
    queue.push(event);
    if (queue.length >= maxBatch) flush();
  }

  function onError(e: ErrorEvent) {
    // Cross-origin scripts report only "Script error." with no detail: nothing to learn from it.
    if (!e.error && /^script error\.?$/i.test(e.message)) return;
    const err = e.error as { name?: unknown; message?: unknown } | null | undefined;
    enqueue({
      kind: 'error',
      name: errorName(err?.name, 'Error'),
      message: cut(err?.message ?? e.message, 1000),
      path: path(),
    });
  }

  function onRejection(e: PromiseRejectionEvent) {
    const reason = e.reason as { name?: unknown; message?: unknown } | null | undefined;
    const isError = reason instanceof Error;
    enqueue({
      kind: 'error',
      name: errorName(isError ? reason.name : '', 'UnhandledRejection'),
      message: cut(isError ? reason.message : typeof reason === 'string' ? reason : '', 1000) || undefined,
      path: path(),
    });
  }

  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };

  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  const timer = setInterval(flush, options.flushMs ?? 10_000);

  const client: TelemetryClient = {
    track(name, meta) {
      const clean = cut(name, 100).trim();
      if (clean) enqueue({ kind: 'event', name: clean, path: path(), meta: cleanMeta(meta) });
    },
    flush,
    uninstall() {
      flush();
      clearInterval(timer);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      if (active === client) active = null;
      queue = [];
    },
  };
  active = client;
  return client;
}

/** Records an event through the installed client; does nothing before `installTelemetry`. */
export function track(name: string, meta?: Record<string, TelemetryMetaValue>): void {
  active?.track(name, meta);
}
