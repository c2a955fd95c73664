import type { MessageDto } from '@replyforce/contracts';
import { cn } from '../../lib/cn.ts';

type Status = MessageDto['status'];

const LABEL: Record<Status, string> = {
  received: 'Received',
  pending: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not delivered',
  blocked: 'Blocked',
  draft: 'Draft, awaiting approval',
  rejected: 'Rejected',
};

function Icon({ status }: { status: Status }) {
  const common = {
    viewBox: '0 0 24 24',
    className: 'size-4',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
  } as const;
  switch (status) {
    case 'pending':
    case 'sending':
      return (
        <svg aria-hidden="true" {...common}>
          <circle cx="12" cy="12" r="8" />
          <path d="M12 8v4l2.5 2" />
        </svg>
      );
    case 'sent':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="m5 12.5 4.5 4.5L19 7.5" />
        </svg>
      );
    case 'delivered':
    case 'read':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="m2.5 12.5 4.5 4.5 9.5-9.5M11.5 16.5l.5.5 9.5-9.5" />
        </svg>
      );
    case 'failed':
      return (
        <svg aria-hidden="true" {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7.5v5.5M12 16.5v.01" />
        </svg>
      );
    case 'blocked':
      return (
        <svg aria-hidden="true" {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="m5.7 5.7 12.6 12.6" />
        </svg>
      );
    default:
      return null;
  }
}

/** Ticks like the messaging apps: one for sent, two for delivered, blue two for read. */
export function DeliveryStatus({ status }: { status: Status }) {
  if (status === 'received') return null;
  return (
    <span
      title={LABEL[status]}
      className={cn(
        'inline-flex items-center gap-0.5',
        status === 'read' && 'text-sky-600 dark:text-sky-400',
        (status === 'failed' || status === 'blocked') && 'text-red-700 dark:text-red-400',
      )}
    >
      <Icon status={status} />
      <span className="sr-only">{LABEL[status]}</span>
    </span>
  );
}

export function deliveryLabel(status: Status): string {
  return LABEL[status];
}
