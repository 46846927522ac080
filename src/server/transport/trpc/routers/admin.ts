import { z } from 'zod';
import {
  adminOverviewSchema,
  getAdminOverview,
  listTenants,
  listTenantsInputSchema,
  tenantRowSchema,
} from '~/server/domain/admin/overview';
import { abuseSignalRowSchema, listAbuseSignals, listAbuseSignalsInputSchema } from '~/server/domain/abuse/signals';
import { incidentRowSchema, listIncidents, listIncidentsInputSchema } from '~/server/domain/health/incidents';
import { getTelemetryOverview, telemetryOverviewSchema } from '~/server/domain/telemetry/overview';
import { getWebQueue } from '~/server/infra/queue/web-queues';
import { runJobNow, runJobNowInputSchema, runJobNowOutputSchema } from '../../jobs/run-now';
import { adminProcedure, createTRPCRouter } from '../trpc';

const scalingStatusSchema = z.object({
  enabled: z.boolean(),
  tier: z.enum(['generous', 'normal', 'tight', 'critical']),
  load: z.number(),
  limits: z.record(z.enum(['api', 'ai', 'auth']), z.object({ points: z.number(), windowSeconds: z.number() })),
  signals: z.object({
    eventLoopUtilization: z.number(),
    requestsPerSecond: z.number(),
    queueDepth: z.number(),
    load: z.number(),
    sampledAt: z.string(),
  }),
});

export const adminRouter = createTRPCRouter({
  overview: adminProcedure.output(adminOverviewSchema).query(({ ctx }) => getAdminOverview(ctx)),
  tenants: adminProcedure
    .input(listTenantsInputSchema)
    .output(z.object({ items: z.array(tenantRowSchema), total: z.number().int() }))
    .query(({ ctx, input }) => listTenants(ctx, input)),
  /** SPEC H3: incident timeline, newest first. */
  incidents: adminProcedure
    .input(listIncidentsInputSchema)
    .output(z.object({ items: z.array(incidentRowSchema), total: z.number().int() }))
    .query(({ ctx, input }) => listIncidents(ctx, input)),
  /** SPEC H5: the active rate-limit tier and the load behind it (this instance). */
  scaling: adminProcedure.output(scalingStatusSchema.nullable()).query(({ ctx }) => ctx.rateLimiter?.status() ?? null),
  /** SPEC H8: fraud / abuse signals, newest first (IP hashes only). */
  abuseSignals: adminProcedure
    .input(listAbuseSignalsInputSchema)
    .output(z.object({ items: z.array(abuseSignalRowSchema), total: z.number().int() }))
    .query(({ ctx, input }) => listAbuseSignals(ctx, input)),
  /** SPEC H7: daily health score with suggestions, and the anomalies of the last 24 h. */
  telemetry: adminProcedure.output(telemetryOverviewSchema).query(({ ctx }) => getTelemetryOverview(ctx)),
  /** Issue 16: an empty admin page's "Run it now" queues its scheduled job at once. */
  runJob: adminProcedure
    .input(runJobNowInputSchema)
    .output(runJobNowOutputSchema)
    .mutation(({ ctx, input }) => runJobNow({ queueFor: getWebQueue, now: ctx.now }, input)),
});
