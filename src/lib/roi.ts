/**
 * ROI estimate of the pricing page (SPEC B4), computed in the browser only:
 *
 *   hours saved per month = hours per week × 52 weeks ÷ 12 months × automation share
 *   value saved per month = hours saved per month × hourly cost
 *
 * The automation share is an assumption shown next to the result (70%: the part of routine,
 * rule-based work a workflow typically takes over; the rest stays with people: exceptions,
 * approvals, follow-ups). Nothing is stored or sent anywhere.
 */
export const ROI_ASSUMPTIONS = { weeksPerYear: 52, monthsPerYear: 12, automationShare: 0.7 } as const;
export const ROI_LIMITS = { hoursPerWeek: { min: 0, max: 168 }, hourlyRate: { min: 0, max: 10_000 } } as const;
export const ROI_DEFAULTS = { hoursPerWeek: 10, hourlyRate: 30 } as const;

export type RoiField = keyof typeof ROI_LIMITS;

/** A field's value as a number within its limits, or null (empty, not a number, out of range). */
export function parseRoiInput(field: RoiField, raw: string): number | null {
  const text = raw.trim();
  if (!text) return null;
  const value = Number(text);
  const { min, max } = ROI_LIMITS[field];
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

export function estimateRoi(hoursPerWeek: number, hourlyRate: number): { hoursSavedPerMonth: number; valueSavedPerMonth: number } {
  const { weeksPerYear, monthsPerYear, automationShare } = ROI_ASSUMPTIONS;
  const hoursSavedPerMonth = ((hoursPerWeek * weeksPerYear) / monthsPerYear) * automationShare;
  return { hoursSavedPerMonth, valueSavedPerMonth: hoursSavedPerMonth * hourlyRate };
}
