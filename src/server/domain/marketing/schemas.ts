import { z } from 'zod';
import { MARKETING_ACTIONS, MARKETING_SEGMENTS } from './segments';

/**
 * Inputs and outputs of the marketing domain (SPEC J2), for the tRPC router (admin-only
 * procedures), the BullMQ job payload and the CLI. The acting admin's id comes from the
 * session, never from input.
 */
export const MARKETING_DRAFT_STATUSES = ['pending_approval', 'approved', 'rejected', 'sent'] as const;

export const marketingSegmentSchema = z.enum(MARKETING_SEGMENTS);
export const marketingActionSchema = z.enum(MARKETING_ACTIONS);
export const marketingDraftStatusSchema = z.enum(MARKETING_DRAFT_STATUSES);
export const mailTransportKindSchema = z.enum(['resend', 'smtp', 'none']);

// ---- cycle ----

export const runMarketingCycleInputSchema = z
  .strictObject({
    dryRun: z.boolean().default(false),
    /** Tenants per batch; defaults to env MARKETING_BATCH_SIZE. */
    batchSize: z.number().int().min(1).max(10_000).optional(),
  })
  .default({ dryRun: false });
export type RunMarketingCycleInput = z.input<typeof runMarketingCycleInputSchema>;

export const marketingCycleResultSchema = z.object({
  /** The cycle's date in Europe/London, YYYY-MM-DD. */
  cycle: z.string(),
  /** Tenants considered (not soft-deleted, created before the cycle's clock). */
  scanned: z.number().int(),
  /** Tenants per segment (a tenant may be in several: a sign-up on its trial is new and trialing). */
  segments: z.object({ new_signup: z.number().int(), active_trial: z.number().int(), winback: z.number().int() }),
  /** Drafts created (dry run: that would be created). */
  created: z.number().int(),
  /** Tenants in a segment whose draft for this action and cycle already existed. */
  skipped: z.number().int(),
  dryRun: z.boolean(),
  /** Where the JSON lines went; null on a dry run (nothing written). */
  logFile: z.string().nullable(),
});
export type MarketingCycleResult = z.infer<typeof marketingCycleResultSchema>;

// ---- drafts: list ----

export const listDraftsInputSchema = z
  .strictObject({
    status: marketingDraftStatusSchema.optional(),
    segment: marketingSegmentSchema.optional(),
    limit: z.number().int().min(1).max(100).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .default({ limit: 50, offset: 0 });
export type ListDraftsInput = z.input<typeof listDraftsInputSchema>;

export const marketingDraftSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  segment: marketingSegmentSchema,
  action: z.string(),
  cycle: z.string(),
  locale: z.string(),
  subject: z.string(),
  body: z.string(),
  status: marketingDraftStatusSchema,
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  sentAt: z.date().nullable(),
});
export type MarketingDraft = z.infer<typeof marketingDraftSchema>;

export const listDraftsOutputSchema = z.object({ items: z.array(marketingDraftSchema), total: z.number().int() });

// ---- drafts: decide and send ----

export const decideDraftsInputSchema = z.strictObject({
  ids: z.array(z.uuid('Unknown draft')).min(1, 'Choose at least one draft').max(200, 'At most 200 drafts at a time'),
  decision: z.enum(['approve', 'reject']),
});
export type DecideDraftsInput = z.infer<typeof decideDraftsInputSchema> & { adminUserId: string };

const sendFailureSchema = z.object({ id: z.string(), error: z.string() });

export const decideDraftsOutputSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  /** Drafts this call moved out of pending_approval. */
  updated: z.array(z.string()),
  /** Ids left as they were: unknown, or no longer pending approval. */
  skipped: z.array(z.string()),
  /** The transport used for approvals; 'none' -> approved drafts stay approved, nothing sent. */
  transport: mailTransportKindSchema,
  sent: z.array(z.string()),
  /** Approved drafts whose sending failed: they stay approved, for a later send pass. */
  failed: z.array(sendFailureSchema),
});
export type DecideDraftsResult = z.infer<typeof decideDraftsOutputSchema>;

export const sendApprovedDraftsInputSchema = z
  .strictObject({ limit: z.number().int().min(1).max(200).default(50) })
  .default({ limit: 50 });
export type SendApprovedDraftsInput = z.input<typeof sendApprovedDraftsInputSchema>;

export const sendApprovedDraftsOutputSchema = z.object({
  transport: mailTransportKindSchema,
  /** Approved drafts looked at in this pass. */
  attempted: z.number().int(),
  sent: z.array(z.string()),
  failed: z.array(sendFailureSchema),
});
export type SendApprovedDraftsResult = z.infer<typeof sendApprovedDraftsOutputSchema>;
