import { randomBytes } from 'node:crypto';
import { asc, like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '~/app/api/telemetry/route';
import { getSql } from '~/server/infra/db/client';
import { telemetryEvents } from '~/server/infra/db/schema';
import { ingestTelemetry, TELEMETRY_MAX_BODY_BYTES } from '~/server/domain/telemetry/ingest';
import { setupTestDeps } from '../helpers/deps';

const deps = setupTestDeps();
// The route handler uses the process-wide pool (getDb(), on the test database here).
afterAll(async () => {
  await getSql().end({ timeout: 5 });
});

/** Letters only, so that scrubbing leaves it as it is; every test's rows are found by it. */
const tag = (label: string) => `${label}${Array.from(randomBytes(12), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const rowsTagged = (prefix: string) =>
  deps.db.select().from(telemetryEvents).where(like(telemetryEvents.name, `${prefix}%`)).orderBy(asc(telemetryEvents.id));

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://localhost:3000/api/telemetry', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** The route's refusal of a request: a 4xx and its `{ error: { code, message } }`. */
async function rejection(req: Request): Promise<{ code: string; message: string }> {
  const res = await POST(req);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe('telemetry ingest (SPEC H7)', () => {
  it('stores a valid batch with source browser, scrubbed', async () => {
    const name = tag('ok');
    const body = JSON.stringify({
      events: [
        { kind: 'event', name: `${name}.viewed`, path: '/dashboard', meta: { template: 'lead-capture', position: 2, featured: true } },
        { kind: 'error', name: `${name}.TypeError`, message: 'x is undefined', path: '/dashboard/workflows/42?tab=steps' },
        { kind: 'performance', name: `${name}.page`, path: '/dashboard', duration_ms: 812 },
      ],
    });
    const result = await ingestTelemetry({ db: deps.db }, JSON.parse(body));
    expect(result).toEqual({ accepted: 3 });
    const rows = await rowsTagged(name);
    expect(rows.map((r) => ({ kind: r.kind, source: r.source, endpoint: r.endpoint, durationMs: r.durationMs, message: r.message, meta: r.meta }))).toEqual([
      { kind: 'event', source: 'browser', endpoint: '/dashboard', durationMs: null, message: null, meta: { template: 'lead-capture', position: 2, featured: true } },
      { kind: 'error', source: 'browser', endpoint: '/dashboard/workflows/[id]', durationMs: null, message: 'x is undefined', meta: null },
      { kind: 'performance', source: 'browser', endpoint: '/dashboard', durationMs: 812, message: null, meta: null },
    ]);
  });

  it('rejects an oversize body with 413 and stores nothing', async () => {
    const name = tag('big');
    const events = Array.from({ length: 20 }, (_, i) => ({ kind: 'event', name: `${name}${i}`, message: 'm'.repeat(999) }));
    const body = JSON.stringify({ events });
    expect(new TextEncoder().encode(body).length).toBeGreaterThan(TELEMETRY_MAX_BODY_BYTES);
    // Declared length over the limit, and (without a usable declaration) while reading.
    expect((await rejection(post(body))).code).toBe('PAYLOAD_TOO_LARGE');
    const stream = new Blob([body]).stream();
    const chunked = new Request('http://localhost:3000/api/telemetry', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.headers.get('content-length')).toBeNull();
    expect((await rejection(chunked)).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await rowsTagged(name)).toHaveLength(0);
  });

  it('rejects more than 50 events with 413 and stores none of them', async () => {
    const name = tag('many');
    const body = JSON.stringify({ events: Array.from({ length: 51 }, (_, i) => ({ kind: 'event', name: `${name}${i}` })) });
    const err = await rejection(post(body));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.message).toMatch(/50 events/);
    expect(await rowsTagged(name)).toHaveLength(0);
  });

  it('rejects malformed JSON with 400', async () => {
    const name = tag('json');
    const err = await rejection(post(`{"events":[{"kind":"event","name":"${name}"}`));
    expect(err.code).toBe('BAD_REQUEST');
    expect(await rowsTagged(name)).toHaveLength(0);
  });

  it('rejects unknown fields with 422 and the validation message, storing none of the batch', async () => {
    const name = tag('unknown');
    const body = JSON.stringify({
      events: [
        { kind: 'event', name: `${name}.fine` },
        { kind: 'event', name: `${name}.bad`, userId: 'u-123' },
      ],
    });
    const err = await rejection(post(body));
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toMatch(/events\.1.*userId/);
    const top = await rejection(post(JSON.stringify({ events: [{ kind: 'event', name: `${name}.x` }], user: 'u' })));
    expect(top.code).toBe('UNPROCESSABLE');
    expect(await rowsTagged(name)).toHaveLength(0);
  });

  it('rejects invalid values with 422, storing none of the batch', async () => {
    const name = tag('invalid');
    const invalid = [
      { kind: 'metric', name: `${name}.kind` },
      { kind: 'event', name: `${name}.path`, path: 'no-slash' },
      { kind: 'performance', name: `${name}.ms`, duration_ms: 600_001 },
      { kind: 'event', name: `${name}.meta`, meta: { nested: { a: 1 } } },
      { kind: 'event', name: `${name}${'n'.repeat(100)}` },
    ];
    for (const bad of invalid) {
      const body = JSON.stringify({ events: [{ kind: 'event', name: `${name}.good` }, bad] });
      const err = await rejection(post(body));
      expect(err.code, JSON.stringify(bad)).toBe('UNPROCESSABLE');
      expect(err.message).toMatch(/^events\.1/);
    }
    expect(await rowsTagged(name)).toHaveLength(0);
  });

  it('never stores the sender’s IP or an e-mail, even when the client sends one', async () => {
    const name = tag('privacy');
    const ip = '203.0.113.77';
    const email = 'ada.lovelace@example.com';
    const res = await POST(
      post(
        JSON.stringify({
          events: [
            {
              kind: 'error',
              name: `${name}.Error`,
              message: `Request for ${email} from ${ip} failed (token=abc123secret)`,
              path: `/dashboard/${email}?email=${email}&ip=${ip}`,
              meta: { email, userId: 'user-42', ip, note: `contact ${email}` },
            },
          ],
        }),
        { 'x-forwarded-for': `${ip}, 10.0.0.1`, 'x-real-ip': ip, cookie: 'authjs.session-token=secret', 'user-agent': 'Test/1.0' },
      ),
    );
    expect(res.status).toBe(202);
    const [row, ...rest] = await rowsTagged(name);
    expect(rest).toHaveLength(0);
    const stored = JSON.stringify(row);
    for (const secret of [ip, '10.0.0.1', email, 'lovelace', 'user-42', 'abc123secret', 'Test/1.0', 'session-token']) {
      expect(stored).not.toContain(secret);
    }
    expect(row).toMatchObject({
      source: 'browser',
      message: 'Request for [email] from [ip] failed (token=[redacted])',
      endpoint: '/dashboard/[email]',
      meta: { email: '[redacted]', userId: '[redacted]', ip: '[redacted]', note: 'contact [email]' },
    });
  });
});

describe('POST /api/telemetry (route handler)', () => {
  const errorBody = async (res: Response) => (await res.json()) as { error: { code: string; message: string } };

  it('answers 202 { accepted } with no-store', async () => {
    const name = tag('route');
    const res = await POST(post(JSON.stringify({ events: [{ kind: 'event', name }, { kind: 'event', name: `${name}.2` }] })));
    expect(res.status).toBe(202);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ accepted: 2 });
    expect(await rowsTagged(name)).toHaveLength(2);
  });

  it('answers 413, 400 and 422 with { error: { code, message } } and stores nothing', async () => {
    const name = tag('routebad');
    const tooBig = await POST(post('{}', { 'content-length': String(TELEMETRY_MAX_BODY_BYTES + 1) }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('cache-control')).toBe('no-store');
    expect((await errorBody(tooBig)).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/bytes/) });

    const tooMany = await POST(post(JSON.stringify({ events: Array.from({ length: 51 }, () => ({ kind: 'event', name })) })));
    expect(tooMany.status).toBe(413);

    const malformed = await POST(post('{"events":'));
    expect(malformed.status).toBe(400);
    expect((await errorBody(malformed)).error.code).toBe('BAD_REQUEST');

    const unknown = await POST(post(JSON.stringify({ events: [{ kind: 'event', name, ip: '1.2.3.4' }] })));
    expect(unknown.status).toBe(422);
    expect((await errorBody(unknown)).error).toMatchObject({ code: 'UNPROCESSABLE', message: expect.stringMatching(/ip/) });

    const invalid = await POST(post(JSON.stringify({ events: [{ kind: 'event', name, duration_ms: -1 }] })));
    expect(invalid.status).toBe(422);
    expect(await rowsTagged(name)).toHaveLength(0);
  });

  it('refuses NUL characters with 400 (PostgreSQL cannot store them) and stores nothing', async () => {
    const name = tag('nul');
    const res = await POST(post(JSON.stringify({ events: [{ kind: 'error', name, message: 'bad\u0000byte' }] })));
    expect(res.status).toBe(400);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringMatching(/NUL/) } });
    expect(await rowsTagged(name)).toHaveLength(0);
  });

  it('refuses cross-site posts with 403', async () => {
    const name = tag('xsite');
    const res = await POST(post(JSON.stringify({ events: [{ kind: 'event', name }] }), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect(res.status).toBe(403);
    expect(await rowsTagged(name)).toHaveLength(0);
  });
});
