/**
 * Seed data of the jobs benchmark (bench/jobs.ts), generated inside PostgreSQL with
 * `insert ... select ... from generate_series(...)`: no row travels through JavaScript, so 100k
 * tenants and 1M growth events take about a minute, not an hour.
 *
 * Per tenant (N = 100k in levqor_bench, 10k in levqor_bench_10k): 1 owner (+ a member for one
 * tenant in ten), 2 workflows, 10 growth events; one tenant in ten has a subscription, one in
 * 25 a referral code, one in 20 was referred; incidents: 0.3% of N (at least 30).
 *
 * Every timestamp is relative to the seed's ANCHOR (the moment it was seeded), spread over the
 * two years before it and denser towards the anchor (a growing product: density falls linearly
 * from twice the mean at the anchor to zero two years before), so that the last complete week
 * before the anchor has realistic counts. The anchor is stored with the seed's version and size
 * as the database's comment (no table is added to the schema); the benchmark reads it back to
 * pick its week and the marketing cycle's clock, so a re-run weeks later measures the same data.
 *
 * Rows are inserted in time order (tenants, users, workflows and growth events by their creation
 * time), as a live database appends them, so that the physical order correlates with the
 * timestamps the way it would in production (it decides how many heap pages a range scan reads).
 *
 * Deterministic ids: tenant i is md5('levqor-bench-tenant-' || i)::uuid and its owner is user
 * 'bench-user-' || i, so tables refer to each other by index without lookups. random() is
 * seeded (setseed) on the one connection that seeds, so two seeds of the same size are alike.
 */
import postgres from 'postgres';

/** Bump when the generated data changes: databases seeded by another version are seeded again. */
export const SEED_VERSION = 2;
const COMMENT_PREFIX = 'levqor-bench jobs seed ';

export type SeedInfo = { version: number; tenants: number; anchor: string; seededAt: string; seedMs: number };

export type SeedCounts = {
  tenants: number;
  users: number;
  workflows: number;
  growthEvents: number;
  subscriptions: number;
  referralCodes: number;
  referrals: number;
  incidents: number;
};

/** The row counts a seed of `n` tenants produces. */
export function expectedCounts(n: number): SeedCounts {
  return {
    tenants: n,
    users: n + Math.floor((n + 5) / 10), // owners + a member for i % 10 = 5
    workflows: 2 * n,
    growthEvents: 10 * n,
    subscriptions: Math.floor(n / 10),
    referralCodes: Math.floor(n / 25),
    referrals: Math.floor(n / 20),
    incidents: incidentCount(n),
  };
}

const incidentCount = (n: number) => Math.max(30, Math.round(n * 0.003));

/** The database's name in a postgres:// URL. */
export const dbNameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** The same server and credentials, another database. */
export function withDbName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

export async function readCounts(sql: postgres.Sql): Promise<SeedCounts> {
  const [row] = await sql<Record<keyof SeedCounts, string>[]>`
    select (select count(*) from tenants) as tenants,
           (select count(*) from users) as users,
           (select count(*) from workflows) as workflows,
           (select count(*) from growth_events) as "growthEvents",
           (select count(*) from subscriptions) as subscriptions,
           (select count(*) from referral_codes) as "referralCodes",
           (select count(*) from referrals) as referrals,
           (select count(*) from incidents) as incidents`;
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as SeedCounts;
}

/**
 * The seed already in the database, when it is complete: same version and size, and the row
 * counts it produced (incidents: at least as many, the health checks may open more). Null when
 * the database is missing, unmigrated, empty, partly seeded or seeded differently.
 */
export async function existingSeed(url: string, n: number): Promise<{ info: SeedInfo; counts: SeedCounts } | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await sql<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = current_database()`;
    const comment = row?.comment ?? '';
    if (!comment.startsWith(COMMENT_PREFIX)) return null;
    const info = JSON.parse(comment.slice(COMMENT_PREFIX.length)) as SeedInfo;
    if (info.version !== SEED_VERSION || info.tenants !== n) return null;
    const counts = await readCounts(sql);
    const expected = expectedCounts(n);
    const complete = (Object.keys(expected) as (keyof SeedCounts)[]).every((k) =>
      k === 'incidents' ? counts[k] >= expected[k] : counts[k] === expected[k],
    );
    return complete ? { info, counts } : null;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    // 3D000: no such database; 42P01: no such table (not migrated).
    if (code === '3D000' || code === '42P01') return null;
    throw err;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The statements of one seed, in order. `A` is the anchor as a timestamptz literal. */
function statements(n: number, anchor: Date): { label: string; text: string }[] {
  const A = `'${anchor.toISOString()}'::timestamptz`;
  /** A moment in the two years before the anchor, denser towards it (see the header). */
  const spread = `(${A} - interval '730 days' * (1 - sqrt(random())) - interval '1 minute')`;
  const tenantId = (i: string) => `md5('levqor-bench-tenant-' || (${i}))::uuid`;
  const steps = JSON.stringify([{ id: 'log', name: 'Log', type: 'log', config: { message: 'Bench workflow ran', level: 'info' } }]);
  return [
    {
      label: `${n} tenants`,
      // Subscribers (i % 10 = 0) take their subscription's status; the others are trials
      // (recent ones current, 3% extended past the anchor), churned or lapsed trials.
      text: `
        insert into tenants (id, name, plan, status, trial_ends_at, locale, signup_source, utm_source, utm_medium,
                             utm_campaign, last_activity_at, created_at, updated_at, deleted_at)
        select ${tenantId('i')}, 'Bench Tenant ' || i,
               (array['starter','growth','pro','business'])[1 + (i * 7) % 4]::plan,
               (case
                  when i % 10 = 0 then (array['active','canceled','past_due'])[case when (i / 10) % 100 < 75 then 1 when (i / 10) % 100 < 93 then 2 else 3 end]
                  when created_at > ${A} - interval '7 days' then 'trialing'
                  when r1 < 0.03 then 'trialing'
                  when r1 < 0.40 then 'canceled'
                  when r1 < 0.41 then 'suspended'
                  else 'trialing'
                end)::tenant_status,
               case when i % 10 <> 0 and created_at <= ${A} - interval '7 days' and r1 < 0.03
                    then ${A} + interval '14 days' * r2
                    else created_at + interval '7 days' end,
               (array['en','en','en','de','es','fr','pt','it','nl','hi','ja'])[1 + (i * 13) % 11],
               (array['organic','referral','ads','partner'])[1 + i % 4],
               case when i % 3 = 0 then (array['google','twitter','newsletter','linkedin'])[1 + i % 4] end,
               case when i % 3 = 0 then (array['cpc','social','email'])[1 + i % 3] end,
               case when i % 3 = 0 then 'launch-' || (i % 12) end,
               case when r3 < 0.15 then null else ${A} - (${A} - created_at) * power(random(), 2) end,
               created_at, created_at,
               case when r3 > 0.99 then created_at + (${A} - created_at) * random() end
        from (select i, ${spread} as created_at, random() as r1, random() as r2, random() as r3
              from generate_series(1, ${n}) as i) g
        order by created_at`,
    },
    {
      label: 'users',
      // An owner per tenant (the first three are platform admins), a member for i % 10 = 5;
      // 65% have signed in, mostly recently.
      text: `
        insert into users (id, name, email, tenant_id, role, locale, last_login_at, created_at, updated_at)
        select 'bench-' || kind || '-' || i, 'Bench ' || kind || ' ' || i, 'bench-' || kind || '-' || i || '@bench.levqor.test',
               t.id, (case when kind = 'member' then 'member' when i <= 3 then 'admin' else 'owner' end)::user_role,
               t.locale,
               case when random() < 0.65 then ${A} - (${A} - t.created_at) * power(random(), 3) end,
               t.created_at, t.created_at
        from generate_series(1, ${n}) as i
        cross join (values ('user'), ('member')) as k(kind)
        join tenants t on t.id = ${tenantId('i')}
        where kind = 'user' or i % 10 = 5
        order by t.created_at`,
    },
    {
      label: 'workflows',
      text: `
        insert into workflows (tenant_id, name, description, steps, status, created_by, created_at, updated_at)
        select tenant_id, 'Bench workflow ' || i || '-' || k, '', '${steps}'::jsonb,
               (array['draft','active','paused'])[1 + (i + k) % 3]::workflow_status, 'bench-user-' || i, created_at, created_at
        from (select t.id as tenant_id, i, k, t.created_at + (${A} - t.created_at) * random() as created_at
              from generate_series(1, ${n}) as i
              join tenants t on t.id = ${tenantId('i')}
              cross join generate_series(1, 2) as k) w
        order by created_at`,
    },
    {
      label: 'growth events',
      // 70% anonymous visits, then signups, trial starts, conversions (with revenue), churn.
      text: `
        insert into growth_events (type, tenant_id, visitor_hash, source, utm_medium, utm_campaign, amount_pence, occurred_at)
        select type::growth_event_type,
               case when type <> 'visit' then ${tenantId(`1 + floor(random() * ${n})::int`)} end,
               case when type = 'visit' then md5('levqor-bench-visitor-' || (j % ${Math.max(1, 3 * n)})) end,
               (array['direct','google','twitter','referral','newsletter','linkedin'])[1 + j % 6],
               case when j % 4 = 0 then (array['cpc','social','email'])[1 + j % 3] end,
               case when j % 4 = 0 then 'launch-' || (j % 12) end,
               case when type = 'conversion' then (array[900, 2900, 5900, 14900, 9000, 29000])[1 + j % 6] end,
               occurred_at
        from (select j, occurred_at, case when r < 0.70 then 'visit' when r < 0.82 then 'signup' when r < 0.92 then 'trial_start'
                                          when r < 0.97 then 'conversion' else 'churn' end as type
              from (select j, random() as r, ${spread} as occurred_at from generate_series(1, ${10 * n}) as j) r) e
        order by occurred_at`,
    },
    {
      label: 'subscriptions',
      // One tenant in ten; 75% active (4% of those with a cancellation scheduled: canceled_at
      // set, still active, as Stripe reports it), 18% canceled, 7% past due; 30% yearly;
      // started over the year before the anchor.
      text: `
        insert into subscriptions (tenant_id, stripe_subscription_id, stripe_customer_id, plan, "interval", status,
                                   current_period_end, cancel_at_period_end, started_at, canceled_at, created_at, updated_at)
        select tenant_id, 'sub_bench_' || i, 'cus_bench_' || i, plan, ival::billing_interval, status,
               ${A} + interval '30 days' * random(),
               status = 'active' and scheduled,
               started_at,
               case when status = 'canceled' then started_at + (${A} - started_at) * random()
                    when status = 'active' and scheduled then greatest(started_at, ${A} - interval '21 days' * random()) end,
               started_at, started_at
        from (select i, t.id as tenant_id, t.plan,
                     case when random() < 0.7 then 'month' else 'year' end as ival,
                     t.status::text::subscription_status as status,
                     random() < 0.04 as scheduled,
                     least(${A} - interval '1 minute', greatest(t.created_at, ${A} - interval '365 days' * random())) as started_at
              from generate_series(10, ${n}, 10) as i
              join tenants t on t.id = ${tenantId('i')}) s`,
    },
    {
      label: 'referral codes',
      text: `
        insert into referral_codes (code, user_id, tenant_id, created_at)
        select 'BENCH' || lpad(i::text, 7, '0'), 'bench-user-' || i, t.id, t.created_at
        from generate_series(25, ${n}, 25) as i
        join tenants t on t.id = ${tenantId('i')}`,
    },
    {
      label: 'referrals',
      // Referred user j = 20k - 3 (unique, never a referrer: referrers are multiples of 25);
      // 30% converted within 30 days of signing up, 2% flagged.
      text: `
        insert into referrals (code, referrer_user_id, referred_user_id, referred_tenant_id, status, flag_reason, created_at, converted_at)
        select 'BENCH' || lpad(r::text, 7, '0'), 'bench-user-' || r, 'bench-user-' || j, t.id,
               (case when x < 0.30 then 'converted' when x < 0.32 then 'flagged' else 'signed_up' end)::referral_status,
               case when x >= 0.30 and x < 0.32 then 'self_referral' end,
               t.created_at,
               case when x < 0.30 then least(${A} - interval '1 minute', t.created_at + interval '30 days' * random()) end
        from (select k, 20 * k - 3 as j, 25 * (1 + (k * 7) % ${Math.floor(n / 25)}) as r, random() as x
              from generate_series(1, ${Math.floor(n / 20)}) as k) g
        join tenants t on t.id = ${tenantId('j')}`,
    },
    {
      label: 'incidents',
      // All resolved: at most one open incident per check is allowed, and the health checks own those.
      text: `
        insert into incidents ("check", severity, summary, opened_at, resolved_at)
        select (array['database','redis','queue','stripe','mail','disk'])[1 + i % 6],
               case when i % 5 = 0 then 'critical' else 'warning' end,
               'Bench incident ' || i, opened_at, opened_at + interval '1 minute' * (5 + floor(random() * 240))
        from (select i, ${A} - interval '730 days' * random() - interval '1 day' as opened_at
              from generate_series(1, ${incidentCount(n)}) as i) g`,
    },
  ];
}

/**
 * Seeds a freshly created and migrated database (empty tables) with `n` tenants in one
 * transaction, then VACUUM ANALYZE (statistics and visibility map, as autovacuum would leave
 * them on a live database). Returns the seed's record, also stored as the database comment.
 */
export async function seed(url: string, n: number, log: (m: string) => void): Promise<SeedInfo> {
  if (!Number.isInteger(n) || n < 100 || n % 100 !== 0) throw new Error(`seed size must be a multiple of 100, got ${n}`);
  const started = performance.now();
  const anchor = new Date();
  const name = dbNameOf(url);
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await sql.begin(async (tx) => {
      await tx`select setseed(0.4242)`;
      for (const s of statements(n, anchor)) {
        const t = performance.now();
        const res = await tx.unsafe(s.text);
        log(`  ${name}: ${s.label}: ${res.count} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    });
    const t = performance.now();
    await sql.unsafe('vacuum (analyze)');
    log(`  ${name}: vacuum analyze in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const record: SeedInfo = {
      version: SEED_VERSION,
      tenants: n,
      anchor: anchor.toISOString(),
      seededAt: new Date().toISOString(),
      seedMs: Math.round(performance.now() - started),
    };
    // Written last: a seed cut short leaves no comment and is seeded again next time.
    await sql.unsafe(`comment on database "${name.replace(/"/g, '""')}" is '${COMMENT_PREFIX}${JSON.stringify(record).replace(/'/g, "''")}'`);
    return record;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
