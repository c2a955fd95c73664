import type { ReactNode } from 'react';
import { BrandMark } from './brand.tsx';
import { Spinner } from './spinner.tsx';

/** Whole-screen message used before the app frame can render (restoring the session, server down). */
export function FullPageStatus({
  title,
  children,
  busy = false,
}: {
  title: string;
  children?: ReactNode;
  busy?: boolean;
}) {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <BrandMark />
      <div role={busy ? 'status' : 'alert'} className="flex flex-col items-center gap-2">
        <p className="flex items-center gap-2 text-slate-700 dark:text-slate-300">
          {busy && <Spinner />}
          {title}
        </p>
        {children}
      </div>
    </main>
  );
}
