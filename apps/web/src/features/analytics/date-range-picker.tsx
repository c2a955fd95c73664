import { type FormEvent, useState } from 'react';
import { Button } from '../../components/button.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { TextField } from '../../components/field.tsx';
import {
  customRangeError,
  isHourly,
  PRESETS,
  presetRange,
  type RangeChoice,
  type SelectedRange,
} from './date-range.ts';
import { formatDay } from './format-analytics.ts';

const CHOICES = [
  ...PRESETS.map((p) => ({ value: p.id as RangeChoice, label: p.label })),
  { value: 'custom' as RangeChoice, label: 'Custom' },
];

/**
 * Presets as a radio group (Tab enters it, arrows move), and for Custom two native date fields,
 * checked before anything is asked of the server.
 */
export function DateRangePicker({
  value,
  onChange,
}: {
  value: SelectedRange;
  onChange: (next: SelectedRange) => void;
}) {
  const [customOpen, setCustomOpen] = useState(value.choice === 'custom');
  const [draft, setDraft] = useState({ from: value.from, to: value.to });
  const [error, setError] = useState<string | null>(null);

  const choose = (choice: RangeChoice) => {
    setError(null);
    if (choice === 'custom') {
      setDraft({ from: value.from, to: value.to });
      setCustomOpen(true);
      return;
    }
    setCustomOpen(false);
    onChange({ choice, ...presetRange(choice) });
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const problem = customRangeError(draft.from, draft.to);
    setError(problem);
    if (!problem) onChange({ choice: 'custom', ...draft });
  };

  return (
    <div className="space-y-3">
      <ChoiceGroup
        legend="Date range"
        value={customOpen ? 'custom' : value.choice}
        onChange={choose}
        choices={CHOICES}
      />
      {customOpen && (
        <form
          onSubmit={apply}
          aria-label="Custom date range"
          noValidate
          className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
        >
          <TextField
            type="date"
            label="From"
            value={draft.from}
            onChange={(from) => setDraft((d) => ({ ...d, from }))}
            className="w-full sm:w-44"
            required
          />
          <TextField
            type="date"
            label="To"
            value={draft.to}
            onChange={(to) => setDraft((d) => ({ ...d, to }))}
            className="w-full sm:w-44"
            required
          />
          <Button type="submit">Apply</Button>
          {error && (
            <p role="alert" className="basis-full text-sm font-medium text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
        </form>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        Showing {formatDay(value.from)} – {formatDay(value.to)} (UTC), by {isHourly(value) ? 'hour' : 'day'}.
      </p>
    </div>
  );
}
