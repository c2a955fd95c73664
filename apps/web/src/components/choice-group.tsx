import { useId } from 'react';
import { cn } from '../lib/cn.ts';

export interface Choice<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

/**
 * A single choice among a few options, shown as a segmented control. Native radios underneath, so
 * Tab enters the group once and the arrow keys move the choice, as screen-reader users expect.
 */
export function ChoiceGroup<T extends string>({
  legend,
  value,
  onChange,
  choices,
  hideLegend,
  className,
}: {
  legend: string;
  value: T;
  onChange: (value: T) => void;
  choices: ReadonlyArray<Choice<T>>;
  hideLegend?: boolean;
  className?: string;
}) {
  const name = useId();
  return (
    <fieldset className={cn('min-w-0', className)}>
      <legend
        className={
          hideLegend ? 'sr-only' : 'mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200'
        }
      >
        {legend}
      </legend>
      <div className="inline-flex max-w-full flex-wrap rounded-md border border-slate-300 bg-white p-0.5 dark:border-slate-600 dark:bg-slate-900">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className={cn(
              'relative cursor-pointer rounded px-3 py-1.5 text-sm font-medium',
              'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-indigo-600 dark:has-[:focus-visible]:outline-indigo-400',
              choice.value === value
                ? 'bg-indigo-600 text-white dark:bg-indigo-500'
                : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
              choice.disabled && 'cursor-not-allowed opacity-50',
            )}
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === value}
              disabled={choice.disabled}
              onChange={() => onChange(choice.value)}
              className="sr-only"
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
