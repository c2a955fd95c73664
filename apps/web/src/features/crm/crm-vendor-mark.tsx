import type { CrmVendorId } from '@replyforce/contracts';
import { cn } from '../../lib/cn.ts';

const MARKS: Record<CrmVendorId, { color: string; letter: string }> = {
  hubspot: { color: '#FF5C35', letter: 'H' },
  salesforce: { color: '#0B74C4', letter: 'S' },
  zoho: { color: '#D3222A', letter: 'Z' },
  pipedrive: { color: '#1A7F4B', letter: 'P' },
};

/** A small recognisable mark per CRM; decorative, since the CRM's name is always printed next to it. */
export function CrmVendorMark({ vendor, className }: { vendor: CrmVendorId; className?: string }) {
  const { color, letter } = MARKS[vendor];
  return (
    <svg viewBox="0 0 24 24" className={cn('size-7 shrink-0', className)} aria-hidden="true">
      <rect width="24" height="24" rx="6" fill={color} />
      <text
        x="12"
        y="16.5"
        textAnchor="middle"
        fontSize="13"
        fontWeight="700"
        fontFamily="system-ui, sans-serif"
        fill="#fff"
      >
        {letter}
      </text>
    </svg>
  );
}
