import { Badge } from '../../components/badge.tsx';
import { cn } from '../../lib/cn.ts';
import { CRM_STATUS_LOOK, type CrmSyncStatus, vendorLabel } from './lead-labels.ts';

const BAR_TONE = { HOT: 'bg-red-500', WARM: 'bg-amber-500', COLD: 'bg-indigo-500' } as const;

/** The score as a number with a bar; the number carries the meaning, the bar is decoration. */
export function ScoreMeter({
  score,
  tag,
  size = 'sm',
}: {
  score: number;
  tag: keyof typeof BAR_TONE;
  size?: 'sm' | 'lg';
}) {
  return (
    <span className="flex items-center gap-2">
      <span
        className={cn(
          'text-right font-semibold tabular-nums text-slate-900 dark:text-white',
          size === 'lg' ? 'text-3xl' : 'w-7 text-sm',
        )}
      >
        {score}
      </span>
      <span
        aria-hidden="true"
        className={cn(
          'h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700',
          size === 'lg' ? 'w-32' : 'w-16',
        )}
      >
        <span className={cn('block h-full rounded-full', BAR_TONE[tag])} style={{ width: `${score}%` }} />
      </span>
      <span className="sr-only"> out of 100</span>
    </span>
  );
}

export function ManualTagBadge() {
  return <Badge tone="neutral">Set by hand</Badge>;
}

export function CrmStatusBadge({ status, vendor }: { status: CrmSyncStatus; vendor?: string }) {
  const look = CRM_STATUS_LOOK[status];
  return (
    <Badge tone={look.tone}>
      {vendor && <span className="mr-1">{vendorLabel(vendor)}:</span>}
      {look.label}
    </Badge>
  );
}
