import {
  flaggedInputSchema,
  flaggedOutputSchema,
  getOrCreateReferralCode,
  getReferralLeaderboard,
  getReferralStats,
  leaderboardInputSchema,
  leaderboardOutputSchema,
  listFlaggedReferrals,
  referralLinkSchema,
  referralStatsSchema,
} from '~/server/domain/referrals/referrals';
import { adminProcedure, createTRPCRouter, protectedProcedure } from '../trpc';

/** SPEC G2: the caller's referral link and results; top referrers and flagged referrals for admins. */
export const referralsRouter = createTRPCRouter({
  mine: protectedProcedure.output(referralLinkSchema).query(({ ctx }) => getOrCreateReferralCode(ctx, ctx.user)),
  stats: protectedProcedure.output(referralStatsSchema).query(({ ctx }) => getReferralStats(ctx, ctx.user)),
  leaderboard: adminProcedure
    .input(leaderboardInputSchema)
    .output(leaderboardOutputSchema)
    .query(({ ctx, input }) => getReferralLeaderboard(ctx, input)),
  flagged: adminProcedure
    .input(flaggedInputSchema)
    .output(flaggedOutputSchema)
    .query(({ ctx, input }) => listFlaggedReferrals(ctx, input)),
});
