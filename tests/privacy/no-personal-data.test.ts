import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestDeps } from '../helpers/deps';

/**
 * Runs after every other project (SPEC F5, H7, H8): nothing the suite logged or stored as
 * telemetry may contain an e-mail address or an IP, although the tests signed up dozens of
 * users, failed sign-ins from many IPs, and sent telemetry with e-mails in it.
 */
const deps = setupTestDeps();
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)/;

describe('privacy audit of the whole test run', () => {
  it('no log line holds an e-mail address or an IP', () => {
    const file = process.env.LOG_FILE!;
    expect(existsSync(file), `${file} should exist (run the whole suite: npm test)`).toBe(true);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(10);
    const leaks = lines.filter((l) => EMAIL.test(l) || IPV4.test(l)).slice(0, 5);
    expect(leaks).toEqual([]);
  });

  it('no stored telemetry holds an e-mail address or an IP', async () => {
    const rows = await deps.db.execute<{ text: string }>(sql`
      select concat_ws(' ', name, message, endpoint, meta::text) as text from telemetry_events`);
    const leaks = rows.filter((r) => EMAIL.test(r.text) || IPV4.test(r.text)).slice(0, 5);
    expect(leaks).toEqual([]);
  });

  it('abuse signals keep only hashes', async () => {
    const rows = await deps.db.execute<{ ip_hash: string }>(sql`select ip_hash from abuse_signals`);
    for (const r of rows) expect(r.ip_hash).toMatch(/^[0-9a-f]{16,64}$/);
  });
});
