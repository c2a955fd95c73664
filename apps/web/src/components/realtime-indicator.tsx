import { cn } from '../lib/cn.ts';
import { type RealtimeStatus, useRealtimeStatus } from '../lib/realtime.ts';

const LOOK: Record<RealtimeStatus, { dot: string; label: string; title: string }> = {
  live: { dot: 'bg-emerald-500', label: 'Live', title: 'Updates arrive as they happen.' },
  connecting: { dot: 'bg-amber-400', label: 'Connecting…', title: 'Opening the live connection.' },
  offline: {
    dot: 'bg-slate-400',
    label: 'Reconnecting…',
    title: 'The live connection dropped. Retrying; the page refreshes now and then meanwhile.',
  },
  idle: { dot: 'bg-slate-400', label: 'Offline', title: 'No live connection.' },
};

/** Says whether the page updates by itself, so nobody reloads to check. */
export function RealtimeIndicator({ className }: { className?: string }) {
  const status = useRealtimeStatus();
  const look = LOOK[status];
  return (
    <p
      role="status"
      title={look.title}
      className={cn('inline-flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400', className)}
    >
      <span aria-hidden="true" className={cn('size-2 rounded-full', look.dot)} />
      <span>
        <span className="sr-only">Live updates: </span>
        {look.label}
      </span>
    </p>
  );
}
