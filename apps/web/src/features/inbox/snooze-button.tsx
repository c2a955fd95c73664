import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button, focusRing } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { cn } from '../../lib/cn.ts';
import { MAX_SNOOZE_DAYS, parseSnoozeTime, snoozeChoices, toLocalInput } from './snooze.ts';

const DAY_MS = 86_400_000;

/** Any time within the server's limit, typed or picked in the browser's own date-time control. */
function SnoozeUntilForm({ onSnooze }: { onSnooze: (until: Date) => void }) {
  const [value, setValue] = useState(() => toLocalInput(new Date(Date.now() + DAY_MS)));
  const [error, setError] = useState<string | undefined>();
  const now = new Date();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseSnoozeTime(value);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    onSnooze(parsed.until);
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      className="space-y-2 border-t border-slate-200 p-2 dark:border-slate-700"
    >
      <TextField
        type="datetime-local"
        label="Until a date and time"
        value={value}
        onChange={(next) => {
          setValue(next);
          if (error) setError(undefined);
        }}
        min={toLocalInput(now)}
        max={toLocalInput(new Date(now.getTime() + MAX_SNOOZE_DAYS * DAY_MS))}
        error={error}
        hint={`Your time zone; at most ${MAX_SNOOZE_DAYS} days ahead.`}
        required
      />
      <Button type="submit" size="sm" variant="secondary" className="w-full">
        Snooze until then
      </Button>
    </form>
  );
}

/** A disclosure with the snooze durations and a custom time; Escape or a click elsewhere closes it. */
export function SnoozeButton({ disabled, onSnooze }: { disabled: boolean; onSnooze: (until: Date) => void }) {
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const choose = (until: Date) => {
    setOpen(false);
    onSnooze(until);
  };

  return (
    <div ref={boxRef} className="relative">
      <Button
        ref={buttonRef}
        variant="secondary"
        size="sm"
        disabled={disabled}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Snooze
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M5.2 7.5a.75.75 0 0 1 1.06 0L10 11.2l3.74-3.7a.75.75 0 1 1 1.06 1.06l-4.27 4.24a.75.75 0 0 1-1.06 0L5.2 8.56a.75.75 0 0 1 0-1.06z" />
        </svg>
      </Button>
      {open && (
        <div
          id={panelId}
          className="absolute left-0 z-20 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <ul className="p-1" aria-label="Snooze for">
            {snoozeChoices().map((choice) => (
              <li key={choice.label}>
                <button
                  type="button"
                  className={cn(
                    'block w-full rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800',
                    focusRing,
                  )}
                  onClick={() => choose(choice.until)}
                >
                  {choice.label}
                </button>
              </li>
            ))}
          </ul>
          <SnoozeUntilForm onSnooze={choose} />
        </div>
      )}
    </div>
  );
}
