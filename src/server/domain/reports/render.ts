import { METRIC_KEYS, type Metric, type MetricKey, type WeeklyFigures } from './figures';

/**
 * The weekly report as Markdown (SPEC J3). It is an internal document for the founders, stored
 * as Markdown and e-mailed as text, so it is written in English; every word of it (and of its
 * e-mail subject and progress steps) is in COPY.
 */
export const COPY = {
  title: (period: string) => `Levqor weekly report: ${period}`,
  range: (from: string, to: string, timeZone: string, previous: string) =>
    `**${from} to ${to}** (${timeZone}), compared with ${previous}.`,
  columns: ['Figure', 'This week', 'Last week', 'Change'] as const,
  labels: {
    newTenants: 'New tenants',
    activeUsers: 'Active users',
    workflowsTotal: 'Workflows (total)',
    workflowsNew: 'Workflows (new)',
    mrrPence: 'MRR (GBP, end of week)',
    referrals: 'Referrals',
    referralConversions: 'Referral conversions',
    incidents: 'Incidents',
  } satisfies Record<MetricKey, string>,
  notesTitle: 'Notes',
  notes: [
    'New tenants: workspaces created in the week, not deleted.',
    'Active users: people whose latest sign-in falls in the week (only the latest sign-in is kept, so someone active in both weeks counts in the later one).',
    'Workflows (total): every workflow created before the end of the week.',
    'MRR: active subscriptions at the end of the week at the locked prices; a yearly plan counts one twelfth of its price.',
    'Referrals: sign-ups through a referral link in the week; conversions: referred workspaces that became paying in the week.',
    'n/a: last week was 0, so there is no percentage.',
  ],
  notApplicable: 'n/a',
  generated: (at: string, timeZone: string) => `_Generated ${at} (${timeZone}) by Levqor._`,
  mailSubject: (period: string) => `Levqor weekly report ${period}`,
  steps: {
    week: 'choosing the week',
    figures: 'computing figures',
    render: 'rendering the report',
    store: 'storing the report',
    file: 'writing the Markdown file',
    mail: 'e-mailing the admins',
    done: 'done',
  },
} as const;

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const pounds = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 123456 -> "£1,234.56"; -1200 -> "-£12.00". */
export function formatPence(pence: number): string {
  return `${pence < 0 ? '-' : ''}£${pounds.format(Math.abs(pence) / 100)}`;
}

export function formatCount(n: number): string {
  return integer.format(n);
}

const signed = (n: number, format: (abs: number) => string) => `${n > 0 ? '+' : n < 0 ? '-' : ''}${format(Math.abs(n))}`;

/** "↑ +3 (+50.0%)", "↓ -£12.00 (-4.1%)", "→ 0 (0.0%)", "↑ +2 (n/a)". */
export function formatChange(m: Metric, money = false): string {
  const arrow = m.change > 0 ? ARROW.up : m.change < 0 ? ARROW.down : ARROW.flat;
  const amount = signed(m.change, money ? formatPence : formatCount);
  const pct = m.changePercent === null ? COPY.notApplicable : `${signed(m.changePercent, (p) => percent.format(p))}%`;
  return `${arrow} ${amount} (${pct})`;
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
/** "2026-11-16" -> "Monday 16 November 2026" (a calendar date, no zone arithmetic). */
const formatDay = (isoDay: string) => longDate.format(new Date(`${isoDay}T00:00:00Z`)).replace(',', '');

function formatInstant(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function renderWeeklyReportMarkdown(figures: WeeklyFigures): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const table = METRIC_KEYS.map((key) => {
    const m = figures.metrics[key];
    const money = key === 'mrrPence';
    const value = money ? formatPence : formatCount;
    return row([COPY.labels[key], value(m.thisWeek), value(m.lastWeek), formatChange(m, money)]);
  });
  return [
    `# ${COPY.title(figures.period)}`,
    '',
    COPY.range(formatDay(figures.firstDay), formatDay(figures.lastDay), figures.timeZone, figures.previousPeriod),
    '',
    row(COPY.columns),
    row(['---', '---:', '---:', '---']),
    ...table,
    '',
    `## ${COPY.notesTitle}`,
    '',
    ...COPY.notes.map((n) => `- ${n}`),
    '',
    COPY.generated(formatInstant(figures.generatedAt, figures.timeZone), figures.timeZone),
    '',
  ].join('\n');
}
