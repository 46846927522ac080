import { describe, expect, it } from 'vitest';
import { estimateRoi, parseRoiInput, ROI_ASSUMPTIONS } from '~/lib/roi';

describe('ROI calculator (SPEC B4)', () => {
  it('estimates hours and value saved per month: hours/week × 52 ÷ 12 × automation share', () => {
    expect(ROI_ASSUMPTIONS).toEqual({ weeksPerYear: 52, monthsPerYear: 12, automationShare: 0.7 });
    const r = estimateRoi(10, 30);
    expect(r.hoursSavedPerMonth).toBeCloseTo(30.333, 3);
    expect(r.valueSavedPerMonth).toBeCloseTo(910, 6);
    expect(estimateRoi(0, 50)).toEqual({ hoursSavedPerMonth: 0, valueSavedPerMonth: 0 });
  });

  it('accepts only numbers within the limits', () => {
    expect(parseRoiInput('hoursPerWeek', '12.5')).toBe(12.5);
    expect(parseRoiInput('hoursPerWeek', ' 0 ')).toBe(0);
    for (const bad of ['', 'abc', '-1', '169', 'Infinity', 'NaN']) expect(parseRoiInput('hoursPerWeek', bad), bad).toBeNull();
    expect(parseRoiInput('hourlyRate', '10000')).toBe(10_000);
    expect(parseRoiInput('hourlyRate', '10000.01')).toBeNull();
  });
});
