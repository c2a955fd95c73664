import type { ReactNode } from 'react';

// Colours that read on both the light and the dark background (Tailwind's 500 shades), and the
// pieces every chart shares. Axis text follows the surrounding text colour (currentColor).

export const COLORS = {
  median: '#6366f1',
  p90: '#f59e0b',
  positive: '#10b981',
  neutral: '#94a3b8',
  negative: '#ef4444',
  mixed: '#f59e0b',
  funnel: '#6366f1',
} as const;

/** One colour per channel, in order. */
export const SERIES = [
  '#6366f1',
  '#0ea5e9',
  '#10b981',
  '#f59e0b',
  '#ec4899',
  '#8b5cf6',
  '#14b8a6',
  '#f97316',
];

export const axisProps = {
  tick: { fill: 'currentColor', fontSize: 12 },
  stroke: 'currentColor',
  strokeOpacity: 0.3,
  tickLine: false,
} as const;

export const gridProps = { stroke: 'currentColor', strokeOpacity: 0.15, vertical: false } as const;

/** The frame a chart is drawn in: sized for Recharts, and hidden from assistive technology, which
 * gets the summary and the table instead (the chart itself is not keyboard-operable). */
export function ChartFrame({ children, height = 240 }: { children: ReactNode; height?: number }) {
  return (
    <div aria-hidden="true" className="w-full text-slate-600 dark:text-slate-400" style={{ height }}>
      {children}
    </div>
  );
}

interface TooltipEntry {
  name?: string | number;
  value?: unknown;
  color?: string;
  dataKey?: unknown;
}

/** The hover card, themed like the rest of the dashboard. */
export function ChartTooltip({
  active,
  payload,
  label,
  format,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: unknown;
  format: (value: number | null) => string;
}) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md dark:border-slate-700 dark:bg-slate-800">
      <p className="font-medium text-slate-900 dark:text-white">{String(label ?? '')}</p>
      <ul className="mt-1 space-y-0.5">
        {payload.map((entry) => (
          <li key={String(entry.dataKey ?? entry.name)} className="flex items-center gap-2">
            <span aria-hidden="true" className="size-2 rounded-full" style={{ background: entry.color }} />
            <span className="text-slate-600 dark:text-slate-300">{entry.name}</span>
            <span className="ml-auto font-medium text-slate-900 dark:text-white">
              {format(typeof entry.value === 'number' ? entry.value : null)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
