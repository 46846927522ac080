import { describe, expect, it } from 'vitest';
import { evaluateDiscountRules } from '~/server/domain/growth/discounts/suggest';
import { addDays, dayRanges, daysBetween, daysIn, isDay, isoWeekLabel, weekStartOf } from '~/server/domain/growth/intelligence/dates';
import { funnelInputSchema, growthRollupInputSchema } from '~/server/domain/growth/intelligence/schemas';

describe('growth intelligence days and weeks (UTC)', () => {
  it('validates calendar days', () => {
    expect(['2026-11-21', '2024-02-29'].every(isDay)).toBe(true);
    expect(['2026-02-29', '2026-13-01', '2026-1-01', '21/11/2026', ''].some(isDay)).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysIn('2026-03-30', '2026-04-02')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
  });

  it('finds ISO weeks (Monday starts, week-year edges)', () => {
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(weekStartOf('2026-11-16')).toBe('2026-11-16');
    expect(isoWeekLabel('2026-11-16')).toBe('2026-W47');
    expect(isoWeekLabel(weekStartOf('2021-01-03'))).toBe('2020-W53');
    expect(isoWeekLabel(weekStartOf('2024-12-30'))).toBe('2025-W01');
  });

  it('merges consecutive days into half-open ranges', () => {
    expect(dayRanges(['2026-01-01', '2026-01-02', '2026-01-04'])).toEqual([
      { from: '2026-01-01', to: '2026-01-03' },
      { from: '2026-01-04', to: '2026-01-05' },
    ]);
    expect(dayRanges([])).toEqual([]);
  });

  it('checks periods and job payloads', () => {
    expect(funnelInputSchema.safeParse({ from: '2026-01-02', to: '2026-01-01' }).success).toBe(false);
    expect(funnelInputSchema.safeParse({ from: '2026-01-01', to: '2026-01-01', source: ' Google ' }).data?.source).toBe('google');
    expect(funnelInputSchema.safeParse({ from: '2026-01-01', to: '2026-01-01', extra: 1 }).success).toBe(false);
    expect(growthRollupInputSchema.safeParse({}).success).toBe(true);
    expect(growthRollupInputSchema.safeParse({ day: '2026-11-21' }).success).toBe(true);
    expect(growthRollupInputSchema.safeParse({ day: 'yesterday' }).success).toBe(false);
  });
});

describe('discount rules (SPEC G5)', () => {
  const total = (signups: number, trials: number, conversions: number) => ({ source: '*', signups, trials, conversions });

  it('low trial conversion: below 10% with at least 20 trials', () => {
    expect(evaluateDiscountRules([total(0, 20, 1)]).map((c) => c.rule)).toEqual(['low_trial_conversion']);
    expect(evaluateDiscountRules([total(0, 19, 0)])).toEqual([]); // too few trials to judge
    expect(evaluateDiscountRules([total(0, 20, 2)])).toEqual([]); // exactly 10% is not below
    expect(evaluateDiscountRules([])).toEqual([]);
    expect(evaluateDiscountRules([total(0, 40, 1)])[0]).toMatchObject({ percentOff: 20, durationMonths: 1, source: '*', reason: { ratePct: 2.5 } });
  });

  it('underperforming source: under half the overall sign-up -> paid rate, with at least 20 sign-ups', () => {
    const rows = [
      total(100, 0, 20),
      { source: 'weak', signups: 40, trials: 0, conversions: 3 }, // 7.5% < 10%
      { source: 'fine', signups: 40, trials: 0, conversions: 4 }, // 10%: not below half of 20%
      { source: 'small', signups: 19, trials: 0, conversions: 0 }, // too few sign-ups
    ];
    expect(evaluateDiscountRules(rows).map((c) => `${c.rule}:${c.source}`)).toEqual(['source_underperforming:weak']);
    // Nothing converts anywhere: no source is "under" the rest.
    expect(evaluateDiscountRules([total(100, 0, 0), { source: 'x', signups: 50, trials: 0, conversions: 0 }])).toEqual([]);
  });
});
