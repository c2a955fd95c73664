import type { ReactNode } from 'react';
import { cn } from '../lib/cn.ts';

export function Card({
  title,
  description,
  children,
  className,
  headingLevel = 2,
}: {
  title?: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      className={cn(
        'rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900',
        className,
      )}
    >
      {title && <Heading className="text-base font-semibold text-slate-900 dark:text-white">{title}</Heading>}
      {description && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>}
      <div className={title || description ? 'mt-4' : undefined}>{children}</div>
    </section>
  );
}
