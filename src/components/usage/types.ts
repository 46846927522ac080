/** The meters as the UI names them (SPEC P3); figures come from the `usage.*` procedures. */
export const METER_KEYS = ['workflow_run', 'api_call', 'ai_credit'] as const;
export type MeterKey = (typeof METER_KEYS)[number];
export type DailyUsage = { day: string; workflow_run: number; api_call: number; ai_credit: number };
