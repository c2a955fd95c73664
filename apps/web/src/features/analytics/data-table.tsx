import type { ReactNode } from 'react';
import { TableFrame } from '../../components/table-frame.tsx';
import { cn } from '../../lib/cn.ts';

export interface Column {
  label: string;
  /** Figures line up on the right. */
  numeric?: boolean;
}

const th = 'px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';
const td = 'px-3 py-2 text-sm text-slate-800 dark:text-slate-200';

/** A plain table of figures; the first cell of each row is its header. */
export function DataTable({
  label,
  columns,
  rows,
}: {
  label: string;
  columns: readonly Column[];
  rows: readonly (readonly ReactNode[])[];
}) {
  return (
    <TableFrame label={label}>
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
        <caption className="sr-only">{label}</caption>
        <thead className="bg-slate-50 dark:bg-slate-800/50">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={cn(th, c.numeric ? 'text-right' : 'text-left')}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row, r) => (
            // Rows are positional (buckets, stages); their order never changes under React.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    key={i}
                    scope="row"
                    className={cn(td, 'whitespace-nowrap text-left font-medium')}
                  >
                    {cell}
                  </th>
                ) : (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    key={i}
                    className={cn(td, columns[i]?.numeric && 'text-right tabular-nums')}
                  >
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
