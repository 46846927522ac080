import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressStream } from '../../scripts/lib/progress';
import { metric, METRIC_KEYS, type WeeklyFigures } from '~/server/domain/reports/figures';
import { isoWeekOf, lastCompleteWeek, parseIsoWeek, previousWeek } from '~/server/domain/reports/iso-week';
import { formatChange, formatPence, renderWeeklyReportMarkdown } from '~/server/domain/reports/render';

const iso = (d: Date) => d.toISOString();
const HOUR = 3_600_000;

describe('ISO weeks in Europe/London (SPEC J3)', () => {
  it('a winter week runs Monday 00:00 GMT to Monday 00:00 GMT', () => {
    const w = isoWeekOf(new Date('2026-11-18T12:00:00Z'));
    expect(w).toMatchObject({ label: '2026-W47', year: 2026, week: 47, firstDay: '2026-11-16', lastDay: '2026-11-22' });
    expect(iso(w.start)).toBe('2026-11-16T00:00:00.000Z');
    expect(iso(w.end)).toBe('2026-11-23T00:00:00.000Z');
  });

  it('the week of the spring change (late March) starts in GMT and ends in BST: 167 hours', () => {
    // Clocks go forward on Sunday 31 March 2024 at 01:00 UTC.
    const w = isoWeekOf(new Date('2024-03-27T12:00:00Z'));
    expect(w.label).toBe('2024-W13');
    expect(iso(w.start)).toBe('2024-03-25T00:00:00.000Z');
    expect(iso(w.end)).toBe('2024-03-31T23:00:00.000Z');
    expect(w.end.getTime() - w.start.getTime()).toBe(167 * HOUR);
    // 23:30 UTC on that Sunday is already Monday 00:30 BST: the next week.
    expect(isoWeekOf(new Date('2024-03-31T23:30:00Z')).label).toBe('2024-W14');
    expect(isoWeekOf(new Date('2024-03-31T22:59:59.999Z')).label).toBe('2024-W13');
  });

  it('the week of the autumn change (late October) starts in BST and ends in GMT: 169 hours', () => {
    // Clocks go back on Sunday 27 October 2024 at 01:00 UTC.
    const w = isoWeekOf(new Date('2024-10-23T12:00:00Z'));
    expect(w.label).toBe('2024-W43');
    expect(iso(w.start)).toBe('2024-10-20T23:00:00.000Z');
    expect(iso(w.end)).toBe('2024-10-28T00:00:00.000Z');
    expect(w.end.getTime() - w.start.getTime()).toBe(169 * HOUR);
    expect(isoWeekOf(new Date('2024-10-20T23:00:00Z')).label).toBe('2024-W43');
    expect(isoWeekOf(new Date('2024-10-20T22:59:59Z')).label).toBe('2024-W42');
  });

  it('uses the London calendar, not the UTC one, in summer', () => {
    // Sunday 23:30 UTC = Monday 00:30 BST.
    expect(isoWeekOf(new Date('2024-06-02T23:30:00Z')).label).toBe('2024-W23');
    expect(isoWeekOf(new Date('2024-06-02T23:30:00Z'), 'UTC').label).toBe('2024-W22');
    const w = parseIsoWeek('2024-W23');
    expect(iso(w.start)).toBe('2024-06-02T23:00:00.000Z');
    expect(iso(w.end)).toBe('2024-06-09T23:00:00.000Z');
  });

  it('handles ISO years that differ from calendar years, and week 53', () => {
    expect(isoWeekOf(new Date('2021-01-03T12:00:00Z')).label).toBe('2020-W53');
    expect(isoWeekOf(new Date('2024-12-30T12:00:00Z')).label).toBe('2025-W01');
    expect(isoWeekOf(new Date('2026-01-01T12:00:00Z')).label).toBe('2026-W01');
    expect(previousWeek(parseIsoWeek('2021-W01')).label).toBe('2020-W53');
    expect(previousWeek(parseIsoWeek('2025-W01')).label).toBe('2024-W52');
  });

  it('previous week of a DST week ends exactly where it starts', () => {
    const w = parseIsoWeek('2024-W44');
    const p = previousWeek(w);
    expect(p.label).toBe('2024-W43');
    expect(p.end.getTime()).toBe(w.start.getTime());
    expect(iso(w.start)).toBe('2024-10-28T00:00:00.000Z');
  });

  it('parses labels round-trip and refuses nonsense with a clear message', () => {
    for (const label of ['2024-W01', '2024-W13', '2024-W43', '2020-W53', '2026-W47']) {
      const w = parseIsoWeek(label);
      expect(w.label).toBe(label);
      expect(isoWeekOf(w.start).label).toBe(label);
      expect(isoWeekOf(new Date(w.end.getTime() - 1)).label).toBe(label);
    }
    expect(parseIsoWeek(' 2026-w47 ').label).toBe('2026-W47');
    expect(() => parseIsoWeek('nonsense')).toThrow(/expected an ISO week such as 2026-W47/);
    expect(() => parseIsoWeek('2021-W53')).toThrow(/2021 has no week 53/);
    expect(() => parseIsoWeek('2026-W00')).toThrow(/no week 0/);
    expect(() => parseIsoWeek('2026-W60')).toThrow(/no week 60/);
    expect(() => parseIsoWeek('0001-W01')).toThrow(/1970 or later/);
  });

  it('the last complete week on Monday 08:00 London is the week that just ended', () => {
    expect(lastCompleteWeek(new Date('2026-11-23T08:00:00Z')).label).toBe('2026-W47');
    expect(lastCompleteWeek(new Date('2024-04-01T07:00:00Z')).label).toBe('2024-W13'); // 08:00 BST
    expect(lastCompleteWeek(new Date('2024-03-31T23:00:00Z')).label).toBe('2024-W13'); // Monday 00:00 BST
    expect(lastCompleteWeek(new Date('2024-03-31T22:59:59Z')).label).toBe('2024-W12');
  });
});

function figuresWith(values: Partial<Record<(typeof METRIC_KEYS)[number], [number, number]>>): WeeklyFigures {
  const w = parseIsoWeek('2026-W47');
  const p = previousWeek(w);
  return {
    version: 1,
    period: w.label,
    periodStart: iso(w.start),
    periodEnd: iso(w.end),
    firstDay: w.firstDay,
    lastDay: w.lastDay,
    previousPeriod: p.label,
    previousStart: iso(p.start),
    previousEnd: iso(p.end),
    timeZone: w.timeZone,
    currency: 'GBP',
    generatedAt: '2026-11-23T08:00:00.000Z',
    metrics: Object.fromEntries(METRIC_KEYS.map((k) => [k, metric(...(values[k] ?? [0, 0]))])) as WeeklyFigures['metrics'],
  };
}

describe('weekly report Markdown', () => {
  it('computes changes: absolute, percent with one decimal, null percent after a zero week', () => {
    expect(metric(3, 2)).toEqual({ thisWeek: 3, lastWeek: 2, change: 1, changePercent: 50 });
    expect(metric(18484, 11967)).toEqual({ thisWeek: 18484, lastWeek: 11967, change: 6517, changePercent: 54.5 });
    expect(metric(1, 3).changePercent).toBe(-66.7);
    expect(metric(2, 0)).toEqual({ thisWeek: 2, lastWeek: 0, change: 2, changePercent: null });
    expect(metric(0, 0).changePercent).toBeNull();
  });

  it('formats money as pounds and changes with arrows', () => {
    expect(formatPence(123456)).toBe('£1,234.56');
    expect(formatPence(2417)).toBe('£24.17');
    expect(formatPence(0)).toBe('£0.00');
    expect(formatPence(-1200)).toBe('-£12.00');
    expect(formatChange(metric(3, 2))).toBe('↑ +1 (+50.0%)');
    expect(formatChange(metric(1000, 1500))).toBe('↓ -500 (-33.3%)');
    expect(formatChange(metric(5, 5))).toBe('→ 0 (0.0%)');
    expect(formatChange(metric(2, 0))).toBe('↑ +2 (n/a)');
    expect(formatChange(metric(18484, 11967), true)).toBe('↑ +£65.17 (+54.5%)');
  });

  it('renders a title with the week and dates, and one table row per figure', () => {
    const md = renderWeeklyReportMarkdown(
      figuresWith({ newTenants: [3, 2], mrrPence: [123456, 100000], incidents: [2, 0], workflowsTotal: [12345, 12000] }),
    );
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Levqor weekly report: 2026-W47');
    expect(md).toContain('**Monday 16 November 2026 to Sunday 22 November 2026** (Europe/London), compared with 2026-W46.');
    expect(md).toContain('| Figure | This week | Last week | Change |');
    expect(md).toContain('| New tenants | 3 | 2 | ↑ +1 (+50.0%) |');
    expect(md).toContain('| MRR (GBP, end of week) | £1,234.56 | £1,000.00 | ↑ +£234.56 (+23.5%) |');
    expect(md).toContain('| Incidents | 2 | 0 | ↑ +2 (n/a) |');
    expect(md).toContain('| Workflows (total) | 12,345 | 12,000 | ↑ +345 (+2.9%) |');
    expect(lines.filter((l) => l.startsWith('| ') && !l.startsWith('| ---')).length).toBe(METRIC_KEYS.length + 1);
    expect(md).toContain('_Generated 2026-11-23 08:00 (Europe/London) by Levqor._');
  });
});

function sink(isTTY: boolean): ProgressStream & { out: string } {
  const s = {
    out: '',
    isTTY,
    columns: 80,
    write(chunk: string | Uint8Array) {
      s.out += String(chunk);
      return true;
    },
  };
  return s as ProgressStream & { out: string };
}

describe('CLI progress helper', () => {
  it('prints plain lines when not on a terminal, one per change', () => {
    const s = sink(false);
    const p = createProgress('weekly report', { stream: s });
    p.update(0, 'choosing the week');
    p.update(40, 'computing figures');
    p.update(40, 'computing figures');
    p.update(140, 'done');
    p.done();
    expect(s.out).toBe('weekly report: 0% choosing the week\nweekly report: 40% computing figures\nweekly report: 100% done\n');
  });

  it('redraws one line with \\r on a terminal and ends it once', () => {
    const s = sink(true);
    const p = createProgress('weekly report', { stream: s });
    p.update(40, 'computing figures');
    p.update(100, 'done');
    p.done();
    p.done();
    expect(s.out.split('\r').length).toBe(3);
    expect(s.out).toContain('[████████░░░░░░░░░░░░]  40% computing figures');
    expect(s.out).toContain('[████████████████████] 100% done');
    expect(s.out.endsWith('\n')).toBe(true);
    expect(s.out.match(/\n/g)).toHaveLength(1);
  });
});
