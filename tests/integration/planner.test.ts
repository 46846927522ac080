import { randomInt } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { listPlans, runUpgradePlanner, setPlanStatus } from '~/server/domain/planner/plans';
import { createTelemetryWriter } from '~/server/domain/telemetry/log';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import type { Db } from '~/server/infra/db/client';
import { incidents, telemetryEvents, upgradePlans, workflowRuns, workflowRunSteps, workflowVersions } from '~/server/infra/db/schema';
import { callerFor, inRolledBackTransaction, makeUser, setupTestDeps } from '../helpers/deps';

/**
 * The upgrade planner (SPEC P7). Each test seeds a past day of its own inside a transaction that
 * is rolled back, so other files' telemetry, incidents and runs never meet these.
 */
const deps = setupTestDeps();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date(Date.UTC(1990, 0, 1) + randomInt(0, 3000) * DAY + 12 * HOUR);
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

async function seedFindings(db: Db, tenant: { tenantId: string; id: string }) {
  // Telemetry of the last 24 h: one slow endpoint, one failing endpoint, one repeated error.
  const writer = createTelemetryWriter({ db, now: () => ago(2), flushIntervalMs: 60_000 });
  for (let i = 0; i < 30; i++) writer.logPerformance('trpc:workflows.list', i === 0 ? 12_000 : 40, { ok: true });
  for (let i = 0; i < 40; i++) writer.logPerformance('rest:POST /api/hooks', 30, { ok: i >= 25 });
  await writer.close();
  await db.insert(telemetryEvents).values(Array.from({ length: 12 }, (_, i) => ({ kind: 'error' as const, source: 'server' as const, name: 'Error', message: 'connect ECONNREFUSED crm.example.test:443', createdAt: ago(3 + i) })));
  // Three redis incidents this week.
  await db.insert(incidents).values([1, 3, 5].map((d) => ({ check: 'redis', severity: 'major', summary: 'Redis unreachable', openedAt: ago(d * 24), resolvedAt: ago(d * 24 - 0.5) })));
  // http_request steps that failed 12 times out of 20 this week.
  const user = (await loadCurrentUser({ db }, tenant.id))!;
  const workflow = await createWorkflow({ db }, user, {
    name: 'Planner sample',
    steps: [
      { id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } },
      { id: 'call', name: 'Call', type: 'http_request', config: { method: 'GET', url: 'https://crm.example.test/leads' } },
    ],
  });
  const [version] = await db.select().from(workflowVersions).where(eq(workflowVersions.workflowId, workflow.id));
  for (let i = 0; i < 20; i++) {
    const failed = i < 12;
    const [run] = await db
      .insert(workflowRuns)
      .values({ tenantId: tenant.tenantId, workflowId: workflow.id, versionId: version!.id, version: version!.version, trigger: 'manual', triggerPayload: {}, status: failed ? 'failed' : 'succeeded', queuedAt: ago(30 + i), startedAt: ago(30 + i), finishedAt: ago(30 + i), updatedAt: ago(30 + i) })
      .returning({ id: workflowRuns.id });
    await db.insert(workflowRunSteps).values({ tenantId: tenant.tenantId, runId: run!.id, stepId: 'call', stepIndex: 1, stepType: 'http_request', attempt: 1, status: failed ? 'failed' : 'succeeded', idempotencyKey: `${run!.id}:call:1`, startedAt: ago(30 + i), finishedAt: ago(30 + i), durationMs: 10 });
  }
}

describe('upgrade planner (SPEC P7)', () => {
  it('writes one design-only plan per finding, refreshes them on the next pass and archives the stale ones', async () => {
    const owner = await makeUser(deps.db);
    await inRolledBackTransaction(deps.db, async (db) => {
      await seedFindings(db, owner);
      // Live plans of the shared database (other files' rebuilds) would be refreshed, not opened.
      await db.update(upgradePlans).set({ status: 'archived' }).where(inArray(upgradePlans.status, ['open', 'in_progress']));
      const first = await runUpgradePlanner({ db, now: () => NOW });
      const { plans } = await listPlans({ db }, {});
      const mine = plans.filter((p) => p.firstSeenAt.getTime() === NOW.getTime());
      const byKind = Object.fromEntries(mine.map((p) => [`${p.kind}:${p.subject}`, p]));
      expect(byKind['slow_endpoint:trpc:workflows.list']).toMatchObject({ priority: 2, category: 'performance', risk: 'low', evidence: { maxMs: 12_000, thresholdMs: 2000 } });
      expect(byKind['high_error_rate:rest:POST /api/hooks']).toMatchObject({ priority: 2, category: 'reliability', evidence: { errorPercent: 62.5, requests: 40 } });
      expect(byKind['high_error_rate:*']).toMatchObject({ priority: 1 });
      expect(byKind['repeated_error:connect ECONNREFUSED crm.example.test:443']).toMatchObject({ priority: 3, evidence: { occurrences: 12 } });
      expect(byKind['recurring_incident:redis']).toMatchObject({ priority: 2, source: 'incidents:redis', evidence: { incidents: 3, minutesDown: 90, days: 7 } });
      expect(byKind['failing_step_type:http_request']).toMatchObject({ priority: 2, category: 'ux', evidence: { attempts: 20, failed: 12, failedPercent: 60 } });
      expect(mine.every((p) => p.status === 'open' && p.autoApplicable === false)).toBe(true);
      // Worst first.
      expect(mine[0]!.priority).toBe(1);
      expect(mine.map((p) => p.priority)).toEqual([...mine.map((p) => p.priority)].sort());
      expect(first).toMatchObject({ opened: first.findings, refreshed: 0 });

      // Six hours later the same findings refresh the same plans: nothing new opens.
      const second = await runUpgradePlanner({ db, now: () => new Date(NOW.getTime() + 1000) });
      expect(second).toMatchObject({ opened: 0, refreshed: second.findings });
      const [refreshed] = await db.select().from(upgradePlans).where(eq(upgradePlans.fingerprint, 'slow_endpoint:trpc:workflows.list'));
      expect(refreshed!.occurrences).toBe(2);

      // An admin moves one by hand; the planner never applies anything.
      const admin = await makeUser(db, { role: 'admin' });
      const slow = byKind['slow_endpoint:trpc:workflows.list']!;
      expect(await setPlanStatus({ db }, admin, { id: slow.id, status: 'in_progress', note: 'Index on tenant_id' })).toEqual({ id: slow.id, status: 'in_progress' });
      expect((await listPlans({ db }, { status: 'in_progress' })).plans.map((p) => p.id)).toContain(slow.id);
      // (Refused statements run in a savepoint: the test's own transaction goes on.)
      await expect(db.transaction((sp) => sp.update(upgradePlans).set({ autoApplicable: true }).where(eq(upgradePlans.id, slow.id)))).rejects.toThrow();

      // Applied, then the slowness comes back: a new plan opens beside the applied one; the
      // applied one cannot be reopened over it.
      await setPlanStatus({ db }, admin, { id: slow.id, status: 'applied' });
      const third = await runUpgradePlanner({ db, now: () => new Date(NOW.getTime() + 2000) });
      expect(third.opened).toBe(1);
      await expect(db.transaction((sp) => setPlanStatus({ db: sp as unknown as Db }, admin, { id: slow.id, status: 'open' }))).rejects.toMatchObject({ code: 'CONFLICT' });

      // A week without the findings: the live plans are archived as stale.
      const later = await runUpgradePlanner({ db, now: () => new Date(NOW.getTime() + 8 * DAY) });
      expect(later.archived).toBeGreaterThanOrEqual(6);
      const live = await listPlans({ db }, {});
      // (Only this test's plans: other files' plans of the shared database are dated today.)
      expect(live.plans.filter((p) => p.firstSeenAt.getTime() >= NOW.getTime() && p.firstSeenAt.getTime() < NOW.getTime() + DAY)).toEqual([]);
    });
  });

  it('is for admins only, and refuses an unknown plan or status with a clear 4xx', async () => {
    const member = await makeUser(deps.db);
    const admin = await makeUser(deps.db, { role: 'admin' });
    await expect(callerFor(deps, member).planner.plans({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(deps, admin).planner.setStatus({ id: crypto.randomUUID(), status: 'applied' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Upgrade plan not found' });
    await expect(callerFor(deps, admin).planner.setStatus({ id: crypto.randomUUID(), status: 'done' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await callerFor(deps, admin).admin.runJob({ job: 'upgrade-planner' })).toMatchObject({ alreadyQueued: false });
  });
});
