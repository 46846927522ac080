import { describe, expect, it } from 'vitest';
import { makeUser, setupTestDeps } from '../helpers/deps';
import { BASE, messages, sessionCookie } from './browser';

const deps = setupTestDeps();

describe('Bull Board at /admin/queues (SPEC J5)', () => {
  it('sends anonymous visitors to sign-in', async () => {
    const res = await fetch(`${BASE}/admin/queues`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/sign-in?callbackUrl=%2Fadmin%2Fqueues');
  });

  it('answers 403 to a member, on the page and on its API', async () => {
    const member = await makeUser(deps.db, { role: 'member', password: 'board-member-pw' });
    const cookie = await sessionCookie(member.email, 'board-member-pw');
    expect((await fetch(`${BASE}/admin/queues`, { headers: { cookie } })).status).toBe(403);
    // A browser is shown the styled 403 page, not raw JSON.
    const page = await fetch(`${BASE}/admin/queues`, { headers: { cookie, accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });
    expect(page.status).toBe(303);
    const styled = await fetch(new URL(page.headers.get('location')!, BASE), { headers: { cookie, accept: 'text/html' } });
    expect(styled.status).toBe(403);
    expect(await styled.text()).toContain(messages('en')('Errors.forbiddenTitle'));
    expect((await fetch(`${BASE}/admin/queues/api/queues`, { headers: { cookie } })).status).toBe(403);
  });

  it('serves the board, its assets and every queue to an admin', async () => {
    const admin = await makeUser(deps.db, { role: 'admin', password: 'board-admin-pw' });
    const cookie = await sessionCookie(admin.email, 'board-admin-pw');
    const page = await fetch(`${BASE}/admin/queues`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Levqor queues</title>');
    const script = /src="(static\/js\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await fetch(`${BASE}/admin/queues/${script}`, { headers: { cookie } })).status).toBe(200);

    const api = await fetch(`${BASE}/admin/queues/api/queues?page=1&jobsPerPage=10`, { headers: { cookie } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['maintenance', 'marketing', 'reports', 'growth', 'workflow-runs'].sort());
  });

  it('refuses a cross-site state-changing request even from an admin session', async () => {
    const admin = await makeUser(deps.db, { role: 'admin', password: 'board-admin-pw2' });
    const cookie = await sessionCookie(admin.email, 'board-admin-pw2');
    const res = await fetch(`${BASE}/admin/queues/api/queues/maintenance/pause`, {
      method: 'PUT',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
  });
});
