import type { ReactNode } from 'react';
import { BrandMark } from './brand.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

/** The centred card shared by sign-in, registration and invitation pages. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3 sm:px-6">
        <BrandMark />
        <ThemeToggle />
      </header>
      <main
        id="main"
        className="flex flex-1 items-start justify-center px-4 pb-12 pt-4 sm:items-center sm:pt-0"
      >
        <div className="w-full max-w-md">
          <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900 dark:text-white">{title}</h1>
            {subtitle && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{subtitle}</p>}
            <div className="mt-6">{children}</div>
          </div>
          {footer && (
            <div className="mt-4 text-center text-sm text-slate-600 dark:text-slate-400">{footer}</div>
          )}
        </div>
      </main>
    </div>
  );
}
