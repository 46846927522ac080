import { describe, expect, it } from 'vitest';
import { getWebQueue } from '~/server/infra/queue/web-queues';
import { callerFor, makeUser, setupTestDeps } from '../helpers/deps';

/**
 * "Run it now" (issue 16): an admin queues a scheduled job from an empty admin page; it lands in
 * its queue under its own name with the default payload, once per minute however often it is
 * clicked; members cannot.
 */
const deps = setupTestDeps();

describe('admin.runJob', () => {
  it('queues the job once per minute for admins, and refuses members and unknown jobs', async () => {
    const admin = await makeUser(deps.db, { role: 'admin' });
    const api = callerFor(deps, admin);
    const first = await api.admin.runJob({ job: 'weekly-report' });
    expect(first).toMatchObject({ alreadyQueued: false, jobId: expect.stringMatching(/^manual-weekly-report-\d+$/) });
    const job = await getWebQueue('reports').getJob(first.jobId);
    expect(job).toMatchObject({ name: 'weekly-report', data: {} });
    const again = await api.admin.runJob({ job: 'weekly-report' });
    expect(again).toEqual({ jobId: first.jobId, alreadyQueued: true });

    const member = await makeUser(deps.db, { role: 'owner' });
    await expect(callerFor(deps, member).admin.runJob({ job: 'weekly-report' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.admin.runJob({ job: 'heartbeat' } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await job?.remove();
  });
});
