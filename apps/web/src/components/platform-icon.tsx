import type { PlatformId } from '@replyforce/contracts';
import { cn } from '../lib/cn.ts';

/** A small recognisable mark per platform; decorative, since the platform's name is always printed next to it. */
export function PlatformIcon({ platform, className }: { platform: PlatformId; className?: string }) {
  const size = cn('size-5 shrink-0', className);
  switch (platform) {
    case 'facebook':
      return (
        <svg viewBox="0 0 24 24" className={size} aria-hidden="true">
          <circle cx="12" cy="12" r="12" fill="#1877F2" />
          <path
            d="M13.4 19.5v-6h2l.3-2.4h-2.3V9.6c0-.7.2-1.2 1.2-1.2h1.2V6.3c-.2 0-1-.1-1.8-.1-1.8 0-3 1.1-3 3.1v1.8h-2v2.4h2v6z"
            fill="#fff"
          />
        </svg>
      );
    case 'instagram':
      return (
        <svg viewBox="0 0 24 24" className={size} aria-hidden="true">
          <rect width="24" height="24" rx="6" fill="#D62976" />
          <rect x="5" y="5" width="14" height="14" rx="4" fill="none" stroke="#fff" strokeWidth="1.8" />
          <circle cx="12" cy="12" r="3.3" fill="none" stroke="#fff" strokeWidth="1.8" />
          <circle cx="16.3" cy="7.7" r="1" fill="#fff" />
        </svg>
      );
    case 'whatsapp':
      return (
        <svg viewBox="0 0 24 24" className={size} aria-hidden="true">
          <circle cx="12" cy="12" r="12" fill="#25D366" />
          <path
            d="M6.2 17.8l.9-3.1a5.9 5.9 0 1 1 2.2 2.2z"
            fill="none"
            stroke="#fff"
            strokeWidth="1.6"
            strokeLinejoin="round"
          />
          <path
            d="M10 9.3c.2-.4.5-.4.7-.2l.6 1.1c.1.2 0 .4-.2.6l-.3.3c.4.8 1 1.4 1.8 1.8l.3-.3c.2-.2.4-.3.6-.2l1.1.6c.2.2.2.5-.2.7-.9.6-2.2.3-3.4-.9s-1.5-2.6-1-3.5z"
            fill="#fff"
          />
        </svg>
      );
    case 'x':
      return (
        <svg viewBox="0 0 24 24" className={size} aria-hidden="true">
          <rect width="24" height="24" rx="6" className="fill-slate-900 dark:fill-slate-100" />
          <path
            d="M7 6.5h2.8l7.2 11H14.2zM16.6 6.5 7.4 17.5"
            fill="none"
            strokeWidth="1.6"
            strokeLinecap="round"
            className="stroke-white dark:stroke-slate-900"
          />
        </svg>
      );
  }
}
