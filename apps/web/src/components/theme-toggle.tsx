import { cn } from '../lib/cn.ts';
import { setThemePreference, type ThemePreference, useThemePreference } from '../lib/theme.ts';
import { focusRing } from './button.tsx';

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function Icon({ theme }: { theme: ThemePreference }) {
  const common = {
    viewBox: '0 0 24 24',
    className: 'size-4',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2,
  } as const;
  if (theme === 'light') {
    return (
      <svg aria-hidden="true" {...common}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    );
  }
  if (theme === 'dark') {
    return (
      <svg aria-hidden="true" {...common}>
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
    );
  }
  return (
    <svg aria-hidden="true" {...common}>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </svg>
  );
}

/** Cycles System → Light → Dark. "System" follows prefers-color-scheme. */
export function ThemeToggle({ className }: { className?: string }) {
  const theme = useThemePreference();
  return (
    <button
      type="button"
      onClick={() => setThemePreference(NEXT[theme])}
      aria-label={`Theme: ${LABEL[theme]}. Switch to ${LABEL[NEXT[theme]]}`}
      title={`Theme: ${LABEL[theme]}`}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
        focusRing,
        className,
      )}
    >
      <Icon theme={theme} />
      <span className="hidden sm:inline" aria-hidden="true">
        {LABEL[theme]}
      </span>
    </button>
  );
}
