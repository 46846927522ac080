/** Usage periods are calendar months in UTC (SPEC P3). */
export type UsagePeriod = { start: Date; end: Date; /** 'YYYY-MM-01', the counters' key */ period: string; /** 'YYYY-MM' */ month: string };

export function usagePeriod(now: Date): UsagePeriod {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const month = start.toISOString().slice(0, 7);
  return { start, end, period: `${month}-01`, month };
}

/** Whole days left in the period, counting today (1 on the last day). */
export function daysLeft(now: Date): number {
  return Math.max(1, Math.ceil((usagePeriod(now).end.getTime() - now.getTime()) / 86_400_000));
}
