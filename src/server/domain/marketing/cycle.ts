import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, count, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { env } from '~/env';
import type { Db } from '~/server/infra/db/client';
import { marketingDrafts, tenants } from '~/server/infra/db/schema';
import { logger, type Logger } from '~/server/infra/logger';
import { renderDraft } from './content';
import { runMarketingCycleInputSchema, type MarketingCycleResult, type RunMarketingCycleInput } from './schemas';
import { cycleDate, MARKETING_SEGMENTS, SEGMENT_ACTIONS, segmentRules, type MarketingSegment } from './segments';

/**
 * The daily marketing cycle (SPEC J2, DEV_SAFETY §2): segments every tenant and stores one
 * draft per tenant, action and cycle as `pending_approval`. Nothing is sent here — an admin
 * approves each draft first (see drafts.ts).
 *
 * - Bounded memory at any scale: tenants are walked in batches by keyset pagination
 *   (`id > last order by id limit n`) and segmented by the database (segments.ts).
 * - Idempotent: one multi-row `insert ... on conflict (tenant_id, action, cycle) do nothing`
 *   per batch, so a retry, a second run the same day or two concurrent runs create nothing twice.
 * - Evidence: one JSON line per draft created and one summary line per cycle are appended to
 *   `logs/auto_marketing.log`: ids, segment, locale and lengths; never an address or a body.
 */
export type MarketingCycleDeps = {
  db: Db;
  now?: () => Date;
  log?: Logger;
  /** Defaults to <cwd>/logs/auto_marketing.log. */
  logFile?: string;
};

export type MarketingCycleOptions = RunMarketingCycleInput & {
  /** Called after each batch (pct 0..100) and at the end. */
  onProgress?: (pct: number, step: string) => void;
};

export const defaultMarketingLogFile = () => path.resolve(process.cwd(), 'logs', 'auto_marketing.log');

type BatchRow = { id: string; name: string; locale: string; existing: string[] | null } & Record<MarketingSegment, boolean>;

export async function runMarketingCycle(deps: MarketingCycleDeps, options: MarketingCycleOptions = {}): Promise<MarketingCycleResult> {
  const { dryRun, batchSize: requestedBatch } = runMarketingCycleInputSchema.parse({
    dryRun: options.dryRun,
    batchSize: options.batchSize,
  });
  const batchSize = requestedBatch ?? env.MARKETING_BATCH_SIZE;
  const now = deps.now?.() ?? new Date();
  const cycle = cycleDate(now);
  const log = (deps.log ?? logger).child({ job: 'marketing-cycle', cycle, dryRun });
  const logFile = deps.logFile ?? defaultMarketingLogFile();
  const progress = options.onProgress ?? (() => {});

  // Fail before writing any draft if the log cannot be written at all.
  if (!dryRun) await mkdir(path.dirname(logFile), { recursive: true });

  const considered = and(isNull(tenants.deletedAt), lte(tenants.createdAt, now));
  const [totalRow] = await deps.db.select({ n: count() }).from(tenants).where(considered);
  const total = totalRow?.n ?? 0;
  progress(0, `${total} tenants to scan`);

  const rules = segmentRules(now);
  const result: MarketingCycleResult = {
    cycle,
    scanned: 0,
    segments: { new_signup: 0, active_trial: 0, winback: 0 },
    created: 0,
    skipped: 0,
    dryRun,
    logFile: dryRun ? null : logFile,
  };

  let last: string | null = null;
  for (;;) {
    const batch: BatchRow[] = await deps.db
      .select({
        id: tenants.id,
        name: tenants.name,
        locale: tenants.locale,
        ...rules,
        // The actions already drafted for this tenant in this cycle (the unique key's rows).
        // ("tenants"."id" qualified: drizzle renders the column unqualified, which would bind to d.id.)
        existing: sql<string[] | null>`(select array_agg(d.action::text) from ${marketingDrafts} d where d.tenant_id = "tenants"."id" and d.cycle = ${cycle})`,
      })
      .from(tenants)
      .where(and(considered, last ? gt(tenants.id, last) : undefined))
      .orderBy(asc(tenants.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    last = batch[batch.length - 1]!.id;
    result.scanned += batch.length;

    const due: (BatchRow & { segment: MarketingSegment })[] = [];
    for (const row of batch) {
      for (const segment of MARKETING_SEGMENTS) {
        if (!row[segment]) continue;
        result.segments[segment] += 1;
        if (row.existing?.includes(SEGMENT_ACTIONS[segment])) result.skipped += 1;
        else due.push({ ...row, segment });
      }
    }

    if (dryRun) {
      result.created += due.length;
    } else if (due.length > 0) {
      const drafts = due.map((row) => ({
        tenantId: row.id,
        segment: row.segment,
        cycle,
        status: 'pending_approval' as const,
        createdAt: now,
        ...renderDraft({ tenantId: row.id, tenantName: row.name, segment: row.segment, locale: row.locale }),
      }));
      // A concurrent run may have inserted some of these since the read: those conflict and
      // are not returned, so they count as skipped here and are logged by the run that won.
      const { inserted, attempted } = await insertDrafts(deps.db, drafts.map(({ feature: _feature, ...d }) => d));
      const won = new Set(inserted.map((r) => `${r.tenantId}/${r.action}`));
      result.created += inserted.length;
      result.skipped += attempted - inserted.length;
      const ts = (deps.now?.() ?? new Date()).toISOString();
      const lines = drafts
        .filter((d) => won.has(`${d.tenantId}/${d.action}`))
        .map((d) =>
          JSON.stringify({
            event: 'draft_created',
            ts,
            cycle,
            tenant_id: d.tenantId,
            segment: d.segment,
            action: d.action,
            locale: d.locale,
            subject_length: d.subject.length,
            body_length: d.body.length,
          }),
        );
      await appendLines(logFile, lines, log);
    }

    const pct = total > 0 ? Math.min(99, Math.floor((result.scanned / total) * 100)) : 99;
    progress(pct, `${result.scanned}/${Math.max(total, result.scanned)} tenants, ${result.created} ${dryRun ? 'drafts to create' : 'drafts created'}`);
    if (batch.length < batchSize) break;
  }

  if (!dryRun) {
    const summary = {
      event: 'cycle_summary',
      ts: (deps.now?.() ?? new Date()).toISOString(),
      cycle,
      scanned: result.scanned,
      segments: result.segments,
      created: result.created,
      skipped: result.skipped,
    };
    await appendLines(logFile, [JSON.stringify(summary)], log);
  }
  log.info(
    { scanned: result.scanned, segments: result.segments, created: result.created, skipped: result.skipped },
    dryRun ? 'marketing cycle dry run' : 'marketing cycle done',
  );
  progress(100, 'done');
  return result;
}

type NewDraft = typeof marketingDrafts.$inferInsert & { tenantId: string; action: string };

/**
 * One multi-row insert, idempotent by the unique key. A tenant deleted since its batch was
 * read (account deletion) fails the foreign key: the batch is retried without it. Errors are
 * re-thrown without the query's parameters, which hold the drafts' text (DEV_SAFETY §2).
 */
async function insertDrafts(db: Db, drafts: NewDraft[]): Promise<{ inserted: { tenantId: string; action: string }[]; attempted: number }> {
  let pending = drafts;
  for (let attempt = 1; ; attempt++) {
    try {
      const inserted = await db
        .insert(marketingDrafts)
        .values(pending)
        .onConflictDoNothing({ target: [marketingDrafts.tenantId, marketingDrafts.action, marketingDrafts.cycle] })
        .returning({ tenantId: marketingDrafts.tenantId, action: marketingDrafts.action });
      return { inserted, attempted: pending.length };
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause ?? (error as { code?: unknown; message?: unknown });
      if (cause.code === '23503' && attempt < 3) {
        const ids = pending.map((d) => d.tenantId);
        const alive = new Set((await db.select({ id: tenants.id }).from(tenants).where(inArray(tenants.id, ids))).map((r) => r.id));
        pending = pending.filter((d) => alive.has(d.tenantId));
        if (pending.length === 0) return { inserted: [], attempted: 0 };
        continue;
      }
      const code = typeof cause.code === 'string' ? cause.code : 'unknown';
      const reason = typeof cause.message === 'string' && !cause.message.startsWith('Failed query') ? `: ${cause.message}` : '';
      throw new Error(`Could not store marketing drafts (${code})${reason}`);
    }
  }
}

/**
 * Drafts are already stored when their lines are written; the database is the source of
 * truth, so a failing log write is reported in the app log instead of failing the job (a retry
 * would find the drafts existing and could not write the lines either).
 */
async function appendLines(file: string, lines: string[], log: Logger): Promise<void> {
  if (lines.length === 0) return;
  try {
    await appendFile(file, `${lines.join('\n')}\n`, 'utf8');
  } catch (error) {
    log.error({ err: error, lines: lines.length }, 'could not append to the marketing log');
  }
}
