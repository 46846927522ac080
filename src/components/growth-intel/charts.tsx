'use client';

import { useSyncExternalStore } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The charts of /admin/growth (SPEC G4), drawn with recharts. Only this admin page imports this
 * module, so recharts never reaches public pages or the dashboard. Every chart is decorative for
 * assistive technology (aria-hidden, no keyboard layer): the same figures are in a table next
 * to it. Animations are off when the user prefers reduced motion.
 */
export const CHART_COLORS = {
  primary: '#818cf8', // indigo-400
  secondary: '#22d3ee', // cyan-400
  tertiary: '#34d399', // emerald-400
  grid: '#334155', // slate-700
  axis: '#cbd5e1', // slate-300
  tooltipBg: '#1e293b', // slate-800
} as const;

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';
function subscribe(onChange: () => void) {
  const mq = window.matchMedia(reducedMotionQuery);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(reducedMotionQuery).matches,
    () => true, // server: no animation
  );
}

const axisProps = { stroke: CHART_COLORS.axis, tick: { fill: CHART_COLORS.axis, fontSize: 12 }, tickLine: false } as const;
const tooltipProps = {
  contentStyle: { background: CHART_COLORS.tooltipBg, border: `1px solid ${CHART_COLORS.grid}`, borderRadius: 8, color: '#f8fafc' },
  labelStyle: { color: '#f8fafc' },
  cursor: { fill: 'rgba(148, 163, 184, 0.12)' },
} as const;

function ChartFrame({ note, height = 260, children }: { note: string; height?: number; children: React.ReactElement }) {
  return (
    <figure className="mt-3">
      <div aria-hidden="true" className="w-full" style={{ height }} data-testid="growth-chart">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{note}</figcaption>
    </figure>
  );
}

export type BarDatum = { label: string; value: number };

/** One series of bars (e.g. the funnel steps). */
export function SimpleBarChart({
  data,
  name,
  note,
  format,
  integer = false,
}: {
  data: BarDatum[];
  name: string;
  note: string;
  format: (value: number) => string;
  /** Counts: the axis shows whole numbers only (no "0.5 sign-ups"). */
  integer?: boolean;
}) {
  const animate = !usePrefersReducedMotion();
  return (
    <ChartFrame note={note}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="label" {...axisProps} interval={0} />
        <YAxis {...axisProps} tickFormatter={format} width={72} allowDecimals={!integer} />
        <Tooltip {...tooltipProps} formatter={(v) => format(Number(v))} />
        <Bar dataKey="value" name={name} fill={CHART_COLORS.primary} radius={[6, 6, 0, 0]} isAnimationActive={animate} />
      </BarChart>
    </ChartFrame>
  );
}

export type SeriesSpec = { key: string; name: string; color: string };

/** Grouped bars, one group per row of `data` (e.g. sign-ups and paid per source). */
export function GroupedBarChart({
  data,
  series,
  note,
  format,
}: {
  data: Record<string, string | number>[];
  series: SeriesSpec[];
  note: string;
  format: (value: number) => string;
}) {
  const animate = !usePrefersReducedMotion();
  return (
    <ChartFrame note={note}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="label" {...axisProps} />
        <YAxis {...axisProps} tickFormatter={format} width={72} />
        <Tooltip {...tooltipProps} formatter={(v) => format(Number(v))} />
        <Legend wrapperStyle={{ color: CHART_COLORS.axis, fontSize: 12 }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} radius={[4, 4, 0, 0]} isAnimationActive={animate} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

/** Lines over an ordered x axis (days, weeks). */
export function MultiLineChart({
  data,
  series,
  note,
  format,
  integer = false,
}: {
  data: Record<string, string | number | null>[];
  series: SeriesSpec[];
  note: string;
  format: (value: number) => string;
  /** Counts: the axis shows whole numbers only. */
  integer?: boolean;
}) {
  const animate = !usePrefersReducedMotion();
  return (
    <ChartFrame note={note}>
      <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="label" {...axisProps} minTickGap={24} />
        <YAxis {...axisProps} tickFormatter={format} width={72} allowDecimals={!integer} />
        <Tooltip {...tooltipProps} formatter={(v) => format(Number(v))} />
        <Legend wrapperStyle={{ color: CHART_COLORS.axis, fontSize: 12 }} />
        {series.map((s) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            dot={data.length <= 31}
            connectNulls
            isAnimationActive={animate}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
