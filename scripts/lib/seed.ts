import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '~/server/domain/accounts/password';
import { createTenantWithOwner } from '~/server/domain/accounts/signup';
import type { Db } from '~/server/infra/db/client';
import { loadCurrentUser } from '~/server/domain/accounts/users';
import { createWorkflow } from '~/server/domain/workflows/workflows';
import { tenants, users } from '~/server/infra/db/schema';
import type { WorkflowStep } from '~/server/domain/workflows/steps';
import { workflowStepsSchema } from '~/server/domain/workflows/steps';
import { seedDemoHistory } from './demo-history';
import { ROOT } from './local-env';

export type DemoCredentials = { admin: { email: string; password: string }; member: { email: string; password: string } };

const CREDENTIALS_FILE = path.join(ROOT, '.levqor', 'demo-credentials.json');
export const DEMO_ADMIN_EMAIL = 'admin@levqor.local';
export const DEMO_MEMBER_EMAIL = 'member@levqor.local';

const newPassword = () => randomBytes(12).toString('base64url');

export const DEMO_WORKFLOWS: { name: string; description: string; steps: WorkflowStep[] }[] = [
  {
    name: 'New lead follow-up',
    description: 'When the website form is submitted, wait a day, e-mail the lead and log it.',
    steps: workflowStepsSchema.parse([
      { id: 'form', name: 'Form submitted', type: 'webhook_trigger', config: { method: 'POST' } },
      { id: 'wait', name: 'Wait a day', type: 'delay', config: { amount: 1, unit: 'days' } },
      {
        id: 'mail',
        name: 'E-mail the lead',
        type: 'email',
        config: { to: '{{ body.email }}', subject: 'Thanks for getting in touch', body: 'Hi {{ body.name }}, thanks for your message. We will reply within one working day.' },
      },
      { id: 'log', name: 'Log it', type: 'log', config: { message: 'Followed up {{ body.email }}', level: 'info' } },
    ]),
  },
  {
    name: 'Monday sales digest',
    description: 'Every Monday at 08:00, fetch last week’s orders and post a summary.',
    steps: workflowStepsSchema.parse([
      { id: 'monday', name: 'Mondays 08:00', type: 'schedule_trigger', config: { cron: '0 8 * * 1', timezone: 'Europe/London' } },
      {
        id: 'orders',
        name: 'Fetch orders',
        type: 'http_request',
        config: { method: 'GET', url: 'https://shop.example.com/api/orders?since=7d', timeoutMs: 10000 },
      },
      { id: 'sum', name: 'Summarise', type: 'transform', config: { mapping: { total: '{{ response.body.total }}' } } },
      { id: 'log', name: 'Log digest', type: 'log', config: { message: 'Weekly total {{ total }}', level: 'info' } },
    ]),
  },
];

function readStored(): DemoCredentials | null {
  if (!existsSync(CREDENTIALS_FILE)) return null;
  try {
    return JSON.parse(readFileSync(CREDENTIALS_FILE, 'utf8')) as DemoCredentials;
  } catch {
    return null;
  }
}

function store(creds: DemoCredentials) {
  mkdirSync(path.dirname(CREDENTIALS_FILE), { recursive: true, mode: 0o700 });
  writeFileSync(CREDENTIALS_FILE, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
}

/**
 * Demo data for a first run: Levqor's own admin workspace and a customer workspace with a
 * member and two workflows, then six weeks of history around them (demo-history.ts). Idempotent; passwords are random, stored (git-ignored) in
 * .levqor/demo-credentials.json so that `npm start` can print them again.
 */
export async function seedDemo(
  db: Db,
  opts: { resetPasswords?: boolean; history?: boolean } = {},
): Promise<{ created: boolean; credentials: DemoCredentials | null }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${DEMO_ADMIN_EMAIL}`);
  if (existing && !opts.resetPasswords) return { created: false, credentials: readStored() };

  const creds: DemoCredentials = {
    admin: { email: DEMO_ADMIN_EMAIL, password: newPassword() },
    member: { email: DEMO_MEMBER_EMAIL, password: newPassword() },
  };

  if (existing) {
    for (const who of [creds.admin, creds.member]) {
      await db
        .update(users)
        .set({ passwordHash: await hashPassword(who.password) })
        .where(sql`lower(${users.email}) = ${who.email}`);
    }
    store(creds);
    return { created: false, credentials: creds };
  }

  const admin = await createTenantWithOwner(
    { db },
    { name: 'Levqor Admin', email: creds.admin.email, passwordHash: await hashPassword(creds.admin.password), companyName: 'Levqor HQ', source: 'seed' },
  );
  await db.update(users).set({ role: 'admin' }).where(eq(users.id, admin.userId));
  await db.update(tenants).set({ status: 'active', plan: 'business', trialEndsAt: null }).where(eq(tenants.id, admin.tenantId));

  const member = await createTenantWithOwner(
    { db },
    { name: 'Maya Member', email: creds.member.email, passwordHash: await hashPassword(creds.member.password), companyName: 'Acme Demo Ltd', source: 'seed' },
  );
  await db.update(users).set({ role: 'member' }).where(eq(users.id, member.userId));
  // Through the domain, like any workflow: validated, with its first version (runs need one).
  const memberUser = (await loadCurrentUser({ db }, member.userId))!;
  const workflowIds: string[] = [];
  for (const w of DEMO_WORKFLOWS) workflowIds.push((await createWorkflow({ db }, memberUser, w)).id);
  // Acme has been a paying customer for a while: its demo user sees a workspace in use.
  await db.update(tenants).set({ status: 'active', plan: 'growth', createdAt: new Date(Date.now() - 60 * 86_400_000) }).where(eq(tenants.id, member.tenantId));
  if (opts.history !== false) {
    await seedDemoHistory(db, { now: new Date(), workspace: { tenantId: member.tenantId, userId: member.userId, workflowIds, adminUserId: admin.userId }, logsDir: path.join(ROOT, 'logs') });
  }
  store(creds);
  return { created: true, credentials: creds };
}
