import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { marketingDrafts } from '~/server/infra/db/schema';
import { cycleDate } from '~/server/domain/marketing/segments';
import { setupTestDeps } from '../helpers/deps';

/**
 * `npm run marketing:cycle` (SPEC J4) as a user runs it: tsx on the script, its own pool.
 * Only dry runs and failures here: a real run would draft today's cycle for every tenant of
 * the shared test database (the cycle itself is covered by marketing-cycle.test.ts).
 */
const deps = setupTestDeps();
const root = path.resolve(import.meta.dirname, '../..');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/marketing-cycle.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('marketing:cycle CLI (SPEC J4)', () => {
  it('--dry-run prints counts per segment and progress, and stores nothing', async () => {
    const today = cycleDate(new Date());
    const [before] = await deps.db.select({ n: count() }).from(marketingDrafts).where(eq(marketingDrafts.cycle, today));
    const res = run(['--dry-run', '--batch-size', '5']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(`marketing cycle ${today} (dry run)`);
    expect(res.stdout).toMatch(/tenants scanned: \d+/);
    expect(res.stdout).toMatch(/new sign-ups \(welcome sequence\): +\d+/);
    expect(res.stdout).toMatch(/active trials \(case study\): +\d+/);
    expect(res.stdout).toMatch(/churned or inactive \(winback\): +\d+/);
    expect(res.stdout).toMatch(/drafts that would be created: \d+/);
    expect(res.stdout).toContain('marketing cycle: 100% done');
    expect(res.stdout).not.toContain('@');
    const [after] = await deps.db.select({ n: count() }).from(marketingDrafts).where(eq(marketingDrafts.cycle, today));
    expect(after!.n).toBe(before!.n);
  });

  it('exits 1 with the reason on bad arguments or an unreachable database', () => {
    const bad = run(['--batch-size', 'many']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--batch-size must be a whole number');
    const unknown = run(['--send-now']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('usage: npm run marketing:cycle');
    const down = run(['--dry-run'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/levqor_test' });
    expect(down.status).toBe(1);
    expect(down.stderr).toContain('marketing:cycle failed: PostgreSQL is not reachable');
  });
});
