import { readBodyText } from '~/server/transport/rest/body';
import { describe, expect, it } from 'vitest';
import { AppError } from '~/server/errors';
import {
  browserEventsToRows,
  parseTelemetryBatch,
  TELEMETRY_MAX_BODY_BYTES,
} from '~/server/domain/telemetry/ingest';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

describe('telemetry batch parsing (SPEC H7)', () => {
  const event = { kind: 'event', name: 'clicked' };

  it('accepts a valid batch', () => {
    const batch = parseTelemetryBatch(JSON.stringify({ events: [event, { kind: 'error', name: 'TypeError', message: 'x', path: '/dashboard' }] }));
    expect(batch.events).toHaveLength(2);
  });

  it('answers 400 for malformed JSON, 413 for more than 50 events, 422 for anything invalid', () => {
    expect(codeOf(() => parseTelemetryBatch('{"events": ['))).toBe('BAD_REQUEST');
    expect(codeOf(() => parseTelemetryBatch(''))).toBe('BAD_REQUEST');
    expect(codeOf(() => parseTelemetryBatch(JSON.stringify({ events: Array.from({ length: 51 }, () => event) })))).toBe('PAYLOAD_TOO_LARGE');
    expect(codeOf(() => parseTelemetryBatch(JSON.stringify({ events: Array.from({ length: 50 }, () => event) })))).toBeNull();
    const invalid = [
      null,
      [],
      {},
      { events: [] },
      { events: [event], extra: 1 },
      { events: [{ ...event, userId: 'u1' }] },
      { events: [{ ...event, kind: 'metric' }] },
      { events: [{ ...event, name: '' }] },
      { events: [{ ...event, name: 'n'.repeat(101) }] },
      { events: [{ ...event, message: 'm'.repeat(1001) }] },
      { events: [{ ...event, path: 'dashboard' }] },
      { events: [{ ...event, path: '//evil.example/x' }] },
      { events: [{ ...event, path: `/${'p'.repeat(300)}` }] },
      { events: [{ ...event, duration_ms: -1 }] },
      { events: [{ ...event, duration_ms: 600_001 }] },
      { events: [{ ...event, duration_ms: 1.5 }] },
      { events: [{ ...event, meta: { a: { b: 1 } } }] },
      { events: [{ ...event, meta: { a: null } }] },
      { events: [{ ...event, meta: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i])) }] },
    ];
    for (const body of invalid) expect(codeOf(() => parseTelemetryBatch(JSON.stringify(body))), JSON.stringify(body)).toBe('UNPROCESSABLE');
  });

  it('names the offending field in the 422 message', () => {
    try {
      parseTelemetryBatch(JSON.stringify({ events: [event, { ...event, userId: 'u1' }] }));
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).message).toMatch(/^events\.1: .*userId/);
    }
  });

  it('turns events into scrubbed browser rows', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const [row] = browserEventsToRows(
      parseTelemetryBatch(
        JSON.stringify({
          events: [{ kind: 'error', name: 'Error', message: 'failed for ada@example.com', path: '/w/42?email=ada@example.com', meta: { email: 'x', n: 1 } }],
        }),
      ),
      at,
    );
    expect(row).toEqual({
      kind: 'error',
      source: 'browser',
      name: 'Error',
      message: 'failed for [email]',
      endpoint: '/w/[id]',
      durationMs: null,
      meta: { email: '[redacted]', n: 1 },
      createdAt: at,
    });
  });
});

describe('bounded body reading', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://localhost/api/telemetry', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('refuses a declared Content-Length over the limit before reading', async () => {
    await expect(readBodyText(post('{}', { 'content-length': String(TELEMETRY_MAX_BODY_BYTES + 1) }), TELEMETRY_MAX_BODY_BYTES)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('refuses a body over the limit while reading, whatever the headers say', async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 4096;
        controller.enqueue(new Uint8Array(4096).fill(32));
        if (sent > 1_000_000) controller.close();
      },
    });
    await expect(readBodyText(post(stream), TELEMETRY_MAX_BODY_BYTES)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(sent).toBeLessThan(64 * 1024);
  });

  it('reads a body at the limit, and refuses invalid UTF-8', async () => {
    expect(await readBodyText(post('x'.repeat(TELEMETRY_MAX_BODY_BYTES)), TELEMETRY_MAX_BODY_BYTES)).toHaveLength(TELEMETRY_MAX_BODY_BYTES);
    await expect(readBodyText(post(new Uint8Array([0xff, 0xfe, 0x7b])), TELEMETRY_MAX_BODY_BYTES)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
