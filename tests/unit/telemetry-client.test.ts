import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installTelemetry, track, type TelemetryClient } from '~/lib/telemetry-client';
import { parseTelemetryBatch, TELEMETRY_MAX_BODY_BYTES } from '~/server/domain/telemetry/ingest';

/**
 * The browser client against minimal stand-ins for the browser globals it touches (window,
 * document, navigator.sendBeacon, fetch). What it sends must be what the server accepts.
 */
type Sent = { via: 'beacon' | 'fetch'; url: string; body: string; type?: string; init?: RequestInit };

let sent: Sent[];
let beaconAccepts: boolean;
let win: EventTarget & { location: { pathname: string } };
let doc: EventTarget & { visibilityState: string };
let client: TelemetryClient | null;

beforeEach(() => {
  sent = [];
  beaconAccepts = true;
  win = Object.assign(new EventTarget(), { location: { pathname: '/dashboard/workflows' } });
  doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const pending: Promise<void>[] = [];
  vi.stubGlobal('window', win);
  vi.stubGlobal('document', doc);
  vi.stubGlobal('navigator', {
    sendBeacon: (url: string, data: Blob) => {
      if (!beaconAccepts) return false;
      pending.push(data.text().then((body) => void sent.push({ via: 'beacon', url, body, type: data.type })));
      return true;
    },
  });
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    sent.push({ via: 'fetch', url, body: String(init.body), init });
    return Promise.resolve(new Response(null, { status: 202 }));
  });
  settle = async () => {
    await Promise.all(pending.splice(0));
  };
  client = null;
});

let settle: () => Promise<void>;

afterEach(() => {
  client?.uninstall();
  vi.unstubAllGlobals();
});

const events = () => sent.flatMap((s) => (JSON.parse(s.body) as { events: Record<string, unknown>[] }).events);

describe('browser telemetry client (SPEC H7)', () => {
  it('batches tracked events and sends them with sendBeacon as application/json on flush', async () => {
    client = installTelemetry({ endpoint: '/api/telemetry', flushMs: 60_000 });
    track('template.viewed', { template: 'lead-capture', position: 3, featured: true });
    client.track('referral.copied');
    expect(sent).toHaveLength(0);
    client.flush();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ via: 'beacon', url: '/api/telemetry', type: 'application/json' });
    expect(events()).toEqual([
      { kind: 'event', name: 'template.viewed', path: '/dashboard/workflows', meta: { template: 'lead-capture', position: 3, featured: true } },
      { kind: 'event', name: 'referral.copied', path: '/dashboard/workflows' },
    ]);
    expect(parseTelemetryBatch(sent[0]!.body).events).toHaveLength(2);
  });

  it('captures uncaught errors and unhandled rejections, with the path only', async () => {
    win.location.pathname = '/fr/dashboard?email=ada@example.com';
    client = installTelemetry({ flushMs: 60_000 });
    win.dispatchEvent(Object.assign(new Event('error'), { message: 'Uncaught TypeError: x is undefined', error: new TypeError('x is undefined') }));
    win.dispatchEvent(Object.assign(new Event('error'), { message: 'Script error.', error: null }));
    win.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new RangeError('too far') }));
    win.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: { status: 500 } }));
    client.flush();
    await settle();
    expect(events()).toEqual([
      { kind: 'error', name: 'TypeError', message: 'x is undefined', path: '/fr/dashboard' },
      { kind: 'error', name: 'RangeError', message: 'too far', path: '/fr/dashboard' },
      { kind: 'error', name: 'UnhandledRejection', path: '/fr/dashboard' },
    ]);
  });

  it('sends when maxBatch events wait, when the page is hidden and when it is left', async () => {
    client = installTelemetry({ flushMs: 60_000, maxBatch: 3 });
    track('a');
    track('b');
    expect(sent).toHaveLength(0);
    track('c');
    await settle();
    expect(sent).toHaveLength(1);

    track('d');
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(sent).toHaveLength(2);

    track('e');
    win.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(sent).toHaveLength(3);
    expect(events().map((e) => e.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('sends on its timer', async () => {
    vi.useFakeTimers();
    try {
      client = installTelemetry({ flushMs: 5000 });
      track('timed');
      vi.advanceTimersByTime(4999);
      expect(sent).toHaveLength(0);
      vi.advanceTimersByTime(1);
      await vi.waitFor(async () => {
        await settle();
        expect(sent).toHaveLength(1);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('falls back to fetch with keepalive when sendBeacon refuses', async () => {
    beaconAccepts = false;
    client = installTelemetry({ flushMs: 60_000 });
    track('fallback');
    client.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.via).toBe('fetch');
    expect(sent[0]!.init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'same-origin' });
    expect(new Headers(sent[0]!.init!.headers).get('content-type')).toBe('application/json');
  });

  it('keeps every request within the server limits (bytes, events, field lengths)', async () => {
    client = installTelemetry({ flushMs: 60_000, maxBatch: 1000 });
    for (let i = 0; i < 120; i++) {
      track(`big-${i}-${'n'.repeat(200)}`, {
        ...Object.fromEntries(Array.from({ length: 15 }, (_, k) => [`key-${k}-${'k'.repeat(60)}`, 'v'.repeat(400)])),
      });
    }
    client.flush();
    await settle();
    expect(sent.length).toBeGreaterThan(1);
    for (const s of sent) {
      expect(new TextEncoder().encode(s.body).length).toBeLessThanOrEqual(TELEMETRY_MAX_BODY_BYTES);
      expect(() => parseTelemetryBatch(s.body)).not.toThrow();
    }
  });

  it('installs once, and stops listening after uninstall', async () => {
    client = installTelemetry({ flushMs: 60_000 });
    expect(installTelemetry()).toBe(client);
    client.uninstall();
    client = null;
    win.dispatchEvent(Object.assign(new Event('error'), { message: 'late', error: new Error('late') }));
    track('ignored');
    await settle();
    expect(sent).toHaveLength(0);
  });
});
