import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { WARNING_THRESHOLDS, type Meter } from '~/server/domain/billing/limits';
import { localizedPath } from '~/i18n/paths';
import { locales, type Locale } from '~/i18n/locales';
import { CATALOGS, fillMessage } from '~/server/domain/i18n/catalogs';
import type { Db } from '~/server/infra/db/client';
import { tenants, usageNotices, users } from '~/server/infra/db/schema';
import type { Logger } from '~/server/infra/logger';
import type { MailTransport } from '~/server/infra/mail/transport';
import { UPGRADE_PATH } from './limit-error';
import { usagePeriod } from './period';

/**
 * Usage warnings (SPEC P3): when an admission takes a meter to 80% or 100% of its monthly limit,
 * a notice row is written once per workspace, meter, month and threshold (the primary key). The
 * dashboard shows this month's notices; the `usage-warnings` job e-mails each one to the
 * workspace's owners once, when a mail transport is configured.
 */
export function crossedThresholds(before: number, after: number, limit: number): number[] {
  if (limit <= 0) return [];
  return WARNING_THRESHOLDS.filter((t) => before * 100 < t * limit && after * 100 >= t * limit);
}

export async function raiseNotices(
  deps: { db: Db; now?: () => Date },
  input: { tenantId: string; meter: Meter; before: number; after: number; limit: number },
): Promise<number> {
  const thresholds = crossedThresholds(input.before, input.after, input.limit);
  if (thresholds.length === 0) return 0;
  const now = deps.now?.() ?? new Date();
  const { period } = usagePeriod(now);
  const rows = await deps.db
    .insert(usageNotices)
    .values(thresholds.map((threshold) => ({ tenantId: input.tenantId, meter: input.meter, period, threshold, used: input.after, limit: input.limit, createdAt: now })))
    .onConflictDoNothing()
    .returning({ threshold: usageNotices.threshold });
  return rows.length;
}


/**
 * Sends pending notices to the owners, each at most once: a notice is claimed (pending ->
 * sending) before its e-mail goes out, and ends 'sent', 'failed' or 'no_transport'. Idempotent:
 * a second run finds nothing pending.
 */
export async function sendUsageWarnings(deps: { db: Db; mail: MailTransport; log: Logger; appUrl: string; now?: () => Date }): Promise<{ sent: number; skipped: number }> {
  const claimed = await deps.db
    .update(usageNotices)
    .set({ mailState: 'sending' })
    .where(
      sql`(${usageNotices.tenantId}, ${usageNotices.meter}, ${usageNotices.period}, ${usageNotices.threshold}) in (
        select tenant_id, meter, period, threshold from usage_notices where mail_state = 'pending' order by created_at limit 100 for update skip locked)`,
    )
    .returning();
  let sent = 0;
  let skipped = 0;
  for (const notice of claimed) {
    const key = and(
      eq(usageNotices.tenantId, notice.tenantId),
      eq(usageNotices.meter, notice.meter),
      eq(usageNotices.period, notice.period),
      eq(usageNotices.threshold, notice.threshold),
    );
    if (deps.mail.kind === 'none') {
      await deps.db.update(usageNotices).set({ mailState: 'no_transport' }).where(key);
      skipped++;
      continue;
    }
    const owners = await deps.db
      .select({ email: users.email, locale: tenants.locale })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(and(eq(users.tenantId, notice.tenantId), inArray(users.role, ['owner']), isNull(users.deletedAt)));
    // In the workspace's language, like its weekly report.
    const locale: Locale = (locales as readonly string[]).includes(owners[0]?.locale ?? '') ? (owners[0]!.locale as Locale) : 'en';
    const { subject, text } = renderUsageWarningMail(locale, notice, deps.appUrl);
    try {
      if (owners.length) {
        await deps.mail.send({ to: owners.map((o) => o.email), subject, text, idempotencyKey: `usage-${notice.tenantId}-${notice.meter}-${notice.period}-${notice.threshold}` });
      }
      await deps.db.update(usageNotices).set({ mailState: 'sent', emailedAt: deps.now?.() ?? new Date() }).where(key);
      sent++;
    } catch (error) {
      deps.log.warn({ meter: notice.meter, threshold: notice.threshold, err: { name: (error as Error).name } }, 'usage warning e-mail failed');
      await deps.db.update(usageNotices).set({ mailState: 'failed' }).where(key);
    }
  }
  return { sent, skipped };
}

/** A usage warning e-mail in the workspace's language (messages/<locale>.json, UsageEmails). */
export function renderUsageWarningMail(
  locale: Locale,
  notice: { meter: Meter; period: string; threshold: number; used: number; limit: number },
  appUrl: string,
): { subject: string; text: string } {
  const t = CATALOGS[locale].UsageEmails;
  const month = notice.period.slice(0, 7);
  const meter = t.meters[notice.meter];
  const atLimit = notice.threshold >= 100;
  const subject = fillMessage(atLimit ? t.subjectAt : t.subjectNear, { percent: notice.threshold, meter, month });
  const text = [
    fillMessage(t.used, { used: notice.used, limit: notice.limit, meter, month }),
    atLimit ? t.atLimit : t.nearLimit,
    fillMessage(t.link, { url: `${appUrl.replace(/\/+$/, '')}${localizedPath(UPGRADE_PATH, locale)}` }),
  ].join('\n\n');
  return { subject, text };
}
