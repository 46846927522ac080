import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { isUuid } from '~/lib/ids';
import type { Db } from '~/server/infra/db/client';
import { marketingDrafts, tenants, users } from '~/server/infra/db/schema';
import { isAppError } from '~/server/errors';
import { logger, type Logger } from '~/server/infra/logger';
import { getMailTransport, type MailTransport } from '~/server/infra/mail/transport';
import {
  listDraftsInputSchema,
  type DecideDraftsInput,
  type DecideDraftsResult,
  type ListDraftsInput,
  type MarketingDraft,
  type SendApprovedDraftsInput,
  type SendApprovedDraftsResult,
} from './schemas';

/**
 * Admin approval of marketing drafts (SPEC J2, DEV_SAFETY §2). Nothing is ever sent without
 * an admin's approval of that exact draft *and* a configured transport; without one, approved
 * drafts stay `approved` until `sendApprovedDrafts` runs with a transport.
 *
 * Sending is at most once per draft: a sender first claims the draft with a conditional update
 * (`approved` -> `sent` where status = 'approved'); only the sender whose update matched sends.
 * If the transport fails, the draft goes back to `approved` and the error is reported.
 * A process dying between claim and send leaves the draft `sent` without an e-mail: for
 * marketing mail a lost message is preferable to a duplicate.
 */
export type MarketingDraftDeps = {
  db: Db;
  now?: () => Date;
  log?: Logger;
  /** Defaults to the process-wide transport from env (getMailTransport). */
  mail?: MailTransport;
};

const SEND_CONCURRENCY = 4;

export async function listDrafts(deps: { db: Db }, rawInput: ListDraftsInput = {}): Promise<{ items: MarketingDraft[]; total: number }> {
  const input = listDraftsInputSchema.parse(rawInput);
  const where = and(
    input.status ? eq(marketingDrafts.status, input.status) : undefined,
    input.segment ? eq(marketingDrafts.segment, input.segment) : undefined,
  );
  const [items, [total]] = await Promise.all([
    deps.db
      .select({
        id: marketingDrafts.id,
        tenantId: marketingDrafts.tenantId,
        tenantName: tenants.name,
        segment: marketingDrafts.segment,
        action: marketingDrafts.action,
        cycle: marketingDrafts.cycle,
        locale: marketingDrafts.locale,
        subject: marketingDrafts.subject,
        body: marketingDrafts.body,
        status: marketingDrafts.status,
        createdAt: marketingDrafts.createdAt,
        decidedAt: marketingDrafts.decidedAt,
        sentAt: marketingDrafts.sentAt,
      })
      .from(marketingDrafts)
      .innerJoin(tenants, eq(tenants.id, marketingDrafts.tenantId))
      .where(where)
      .orderBy(desc(marketingDrafts.createdAt), desc(marketingDrafts.id))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: count() }).from(marketingDrafts).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/**
 * Approves or rejects drafts that are pending approval; any other id (unknown, already
 * decided, sent) is left untouched and reported in `skipped`. Approved drafts are sent at once
 * when a transport is configured.
 */
export async function decideDrafts(deps: MarketingDraftDeps, input: DecideDraftsInput): Promise<DecideDraftsResult> {
  const mail = deps.mail ?? getMailTransport();
  const log = (deps.log ?? logger).child({ module: 'marketing' });
  const ids = [...new Set(input.ids)];
  const valid = ids.filter(isUuid);
  const decided =
    valid.length === 0
      ? []
      : await deps.db
          .update(marketingDrafts)
          .set({
            status: input.decision === 'approve' ? 'approved' : 'rejected',
            decidedBy: input.adminUserId,
            decidedAt: deps.now?.() ?? new Date(),
          })
          .where(and(inArray(marketingDrafts.id, valid), eq(marketingDrafts.status, 'pending_approval')))
          .returning({ id: marketingDrafts.id });
  const updated = decided.map((r) => r.id);
  const changed = new Set(updated);
  const skipped = ids.filter((id) => !changed.has(id));
  log.info({ decision: input.decision, updated: updated.length, skipped: skipped.length, transport: mail.kind }, 'marketing drafts decided');

  const result: DecideDraftsResult = { decision: input.decision, updated, skipped, transport: mail.kind, sent: [], failed: [] };
  if (input.decision === 'approve' && mail.kind !== 'none' && updated.length > 0) {
    const outcome = await sendDrafts({ ...deps, mail, log }, updated, { reportIneligible: true });
    result.sent = outcome.sent;
    result.failed = outcome.failed;
  }
  return result;
}

/** Sends drafts that were approved earlier (e.g. before a transport was configured). */
export async function sendApprovedDrafts(deps: MarketingDraftDeps, input: SendApprovedDraftsInput = {}): Promise<SendApprovedDraftsResult> {
  const mail = deps.mail ?? getMailTransport();
  const log = (deps.log ?? logger).child({ module: 'marketing' });
  const limit = input.limit ?? 50;
  if (mail.kind === 'none') return { transport: 'none', attempted: 0, sent: [], failed: [] };
  // Only drafts that can be sent: a deleted tenant or one without users would otherwise be
  // picked first on every pass and starve the rest.
  const rows = await deps.db
    .select({ id: marketingDrafts.id })
    .from(marketingDrafts)
    .innerJoin(tenants, eq(tenants.id, marketingDrafts.tenantId))
    .where(
      and(
        eq(marketingDrafts.status, 'approved'),
        isNull(tenants.deletedAt),
        sql`exists (select 1 from ${users} where ${users.tenantId} = ${marketingDrafts.tenantId})`,
      ),
    )
    .orderBy(asc(marketingDrafts.decidedAt), asc(marketingDrafts.id))
    .limit(limit);
  const outcome = await sendDrafts({ ...deps, mail, log }, rows.map((r) => r.id), { reportIneligible: false });
  return { transport: mail.kind, attempted: rows.length, ...outcome };
}

type SendOutcome = { sent: string[]; failed: { id: string; error: string }[] };

async function sendDrafts(
  deps: MarketingDraftDeps & { mail: MailTransport; log: Logger },
  ids: string[],
  opts: { reportIneligible: boolean },
): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: [], failed: [] };
  if (ids.length === 0) return outcome;
  // Recipient: the tenant's owner; without one, its earliest user.
  const recipient = sql<string | null>`(
    select ${users.email} from ${users}
    where ${users.tenantId} = ${marketingDrafts.tenantId}
    order by (${users.role} = 'owner') desc, ${users.createdAt} asc, ${users.id} asc
    limit 1)`;
  const rows = await deps.db
    .select({
      id: marketingDrafts.id,
      subject: marketingDrafts.subject,
      body: marketingDrafts.body,
      tenantDeleted: sql<boolean>`${tenants.deletedAt} is not null`,
      to: recipient,
    })
    .from(marketingDrafts)
    .innerJoin(tenants, eq(tenants.id, marketingDrafts.tenantId))
    .where(and(inArray(marketingDrafts.id, ids), eq(marketingDrafts.status, 'approved')));

  await forEachLimited(rows, SEND_CONCURRENCY, async (row) => {
    if (row.tenantDeleted || !row.to) {
      if (opts.reportIneligible) {
        outcome.failed.push({ id: row.id, error: row.tenantDeleted ? 'The tenant was deleted' : 'The tenant has no user to write to' });
      }
      return;
    }
    const [claimed] = await deps.db
      .update(marketingDrafts)
      .set({ status: 'sent', sentAt: deps.now?.() ?? new Date() })
      .where(and(eq(marketingDrafts.id, row.id), eq(marketingDrafts.status, 'approved')))
      .returning({ id: marketingDrafts.id });
    if (!claimed) return; // another sender claimed it first and sends it
    try {
      await deps.mail.send({ to: row.to, subject: row.subject, text: row.body, idempotencyKey: `marketing-draft/${row.id}` });
      outcome.sent.push(row.id);
    } catch (error) {
      await deps.db
        .update(marketingDrafts)
        .set({ status: 'approved', sentAt: null })
        .where(and(eq(marketingDrafts.id, row.id), eq(marketingDrafts.status, 'sent')));
      const message = isAppError(error) ? error.message : 'Sending failed';
      deps.log.warn({ draftId: row.id, transport: deps.mail.kind, reason: message }, 'marketing draft not sent; back to approved');
      outcome.failed.push({ id: row.id, error: message });
    }
  });
  if (outcome.sent.length > 0 || outcome.failed.length > 0) {
    deps.log.info({ transport: deps.mail.kind, sent: outcome.sent.length, failed: outcome.failed.length }, 'marketing drafts sent');
  }
  return outcome;
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(lanes);
}
