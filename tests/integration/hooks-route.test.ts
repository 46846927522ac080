import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '~/app/api/hooks/[workflowId]/route';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { newWebhookSecret } from '~/server/domain/runs/webhooks';
import { createWorkflow, updateWorkflow } from '~/server/domain/workflows/workflows';
import { getSql } from '~/server/infra/db/client';
import { workflowRuns } from '~/server/infra/db/schema';
import { makeUser, setupTestDeps } from '../helpers/deps';

/** SPEC P2 webhook trigger through its route handler: POST /api/hooks/<workflowId>. */
const deps = setupTestDeps();
afterAll(async () => {
  await getSql().end({ timeout: 5 });
});

async function hookedWorkflow(status: 'active' | 'paused' | 'draft' = 'active') {
  const user = (await loadCurrentUser(deps, (await makeUser(deps.db)).id))!;
  const created = await createWorkflow({ db: deps.db, newWebhookSecret }, user, {
    name: 'Hooked',
    steps: [
      { id: 'hook', name: 'Hook', type: 'webhook_trigger', config: { method: 'POST' } },
      { id: 'log', name: 'Log', type: 'log', config: { message: 'got {{ body.n }}' } },
    ],
  });
  if (status !== 'draft') await updateWorkflow({ db: deps.db }, user, { id: created.id, status });
  return { id: created.id, secret: created.webhookSecret! };
}

const call = (id: string, body: BodyInit, headers: Record<string, string> = {}) =>
  POST(new Request(`http://localhost/api/hooks/${id}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }), {
    params: Promise.resolve({ workflowId: id }),
  });
const runsOf = (id: string) => deps.db.select().from(workflowRuns).where(eq(workflowRuns.workflowId, id));

describe('POST /api/hooks/<workflowId> (SPEC P2)', () => {
  it('202 with the run id for the right secret; the run holds the body', async () => {
    const wf = await hookedWorkflow();
    const res = await call(wf.id, JSON.stringify({ n: 7 }), { authorization: `Bearer ${wf.secret}` });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { run_id: string; status: string };
    expect(body).toMatchObject({ run_id: expect.any(String), status: 'queued' });
    const [run] = await runsOf(wf.id);
    expect(run).toMatchObject({ id: body.run_id, trigger: 'webhook', triggerPayload: expect.objectContaining({ body: { n: 7 } }) });
  });

  it('401 for a missing, wrong or other workflow’s secret, and for an unknown workflow, alike', async () => {
    const wf = await hookedWorkflow();
    const other = await hookedWorkflow();
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer lvq_whsec_wrong' }, { authorization: `Bearer ${other.secret}` }, { authorization: wf.secret }];
    for (const headers of attempts) {
      const res = await call(wf.id, '{}', headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/Bearer/) } });
    }
    expect((await call(crypto.randomUUID(), '{}', { authorization: `Bearer ${wf.secret}` })).status).toBe(401);
    expect((await call('not-a-uuid', '{}', { authorization: `Bearer ${wf.secret}` })).status).toBe(401);
    expect(await runsOf(wf.id)).toHaveLength(0);
  });

  it('409 while paused or not yet active; 413 over 64 KiB; 400 for broken JSON — nothing is started', async () => {
    const paused = await hookedWorkflow('paused');
    const draft = await hookedWorkflow('draft');
    expect((await call(paused.id, '{}', { authorization: `Bearer ${paused.secret}` })).status).toBe(409);
    expect((await call(draft.id, '{}', { authorization: `Bearer ${draft.secret}` })).status).toBe(409);
    const wf = await hookedWorkflow();
    const big = JSON.stringify({ pad: 'x'.repeat(70 * 1024) });
    const tooBig = await call(wf.id, big, { authorization: `Bearer ${wf.secret}` });
    expect(tooBig.status).toBe(413);
    const broken = await call(wf.id, '{"n":', { authorization: `Bearer ${wf.secret}` });
    expect(broken.status).toBe(400);
    expect(await runsOf(wf.id)).toHaveLength(0);
    expect(await runsOf(paused.id)).toHaveLength(0);
  });

  it('an Idempotency-Key makes a redelivered call start one run', async () => {
    const wf = await hookedWorkflow();
    const headers = { authorization: `Bearer ${wf.secret}`, 'idempotency-key': 'delivery-42' };
    const first = (await (await call(wf.id, '{"n":1}', headers)).json()) as { run_id: string; duplicate: boolean };
    const second = (await (await call(wf.id, '{"n":1}', headers)).json()) as { run_id: string; duplicate: boolean };
    expect(second).toMatchObject({ run_id: first.run_id, duplicate: true });
    expect(await runsOf(wf.id)).toHaveLength(1);
  });
});
