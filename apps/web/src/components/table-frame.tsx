import type { ReactNode } from 'react';
import { cn } from '../lib/cn.ts';
import { focusRing } from './button.tsx';

/**
 * Wraps a table that may scroll sideways on narrow screens. It is focusable and named so keyboard
 * users can scroll it too (WCAG 2.1.1, axe "scrollable-region-focusable").
 */
export function TableFrame({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
      tabIndex={0}
      className={cn(
        'overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900',
        focusRing,
        className,
      )}
    >
      {children}
    </section>
  );
}
