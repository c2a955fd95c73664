import type { CrmSourceField } from '@replyforce/contracts';
import { useId } from 'react';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import {
  type CrmFieldInfo,
  isPicklist,
  type MappingRow,
  SOURCE_FIELDS,
  SOURCE_LABELS,
  showsValueMap,
  targetOptions,
  valueKeys,
} from './mapping-draft.ts';
import { SOURCE_MISSING } from './mapping-problems.ts';

const SOURCE_OPTIONS = [
  { value: '', label: 'Choose a field…' },
  ...SOURCE_FIELDS.map((source) => ({ value: source, label: SOURCE_LABELS[source] })),
];

function valuesLegend(source: MappingRow['source'], vendor: string): string {
  if (source === 'lead_tag') return `${vendor} value for each lead tag`;
  if (source === 'lead_source' || source === 'channel') return `${vendor} value for each channel`;
  return `${vendor} value for each ReplyForce value`;
}

/** ReplyForce value → CRM value: a picklist offers the CRM's values, a text field takes any. */
function ValueMapEditor({
  row,
  field,
  vendor,
  disabled,
  onChange,
}: {
  row: MappingRow;
  field: CrmFieldInfo | undefined;
  vendor: string;
  disabled: boolean;
  onChange: (values: Record<string, string>) => void;
}) {
  const picklist = isPicklist(field);
  const hintId = useId();
  const set = (key: string, value: string) => onChange({ ...row.values, [key]: value });
  return (
    <fieldset
      className="min-w-0 rounded-md bg-slate-50 px-3 py-2 dark:bg-slate-800/60"
      aria-describedby={hintId}
    >
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
        {valuesLegend(row.source, vendor)}
      </legend>
      <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
        {picklist
          ? `A value left blank leaves the ${vendor} field as it is for those leads.`
          : 'A value left blank is sent as it is.'}
      </p>
      <div className="mt-2 grid gap-2 sm:grid-cols-3">
        {valueKeys(row).map((key) => {
          const current = row.values[key] ?? '';
          return picklist ? (
            <SelectField
              key={key}
              label={key}
              value={current}
              disabled={disabled}
              onChange={(value) => set(key, value)}
              options={[
                { value: '', label: 'Leave as it is' },
                // A value the field no longer offers stays visible, so the server can say so.
                ...(current && !field?.options?.includes(current)
                  ? [{ value: current, label: `${current} (not offered)` }]
                  : []),
                ...(field?.options ?? []).map((option) => ({ value: option, label: option })),
              ]}
            />
          ) : (
            <TextField
              key={key}
              label={key}
              value={current}
              placeholder={key}
              disabled={disabled}
              maxLength={200}
              onChange={(value) => set(key, value)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

/** One mapping: a ReplyForce field → a CRM field, with its value map and the problems found with it. */
export function MappingRowEditor({
  row,
  position,
  fields,
  vendor,
  problems,
  disabled,
  onChange,
  onRemove,
}: {
  row: MappingRow;
  position: number;
  fields: readonly CrmFieldInfo[];
  vendor: string;
  problems: readonly string[];
  disabled: boolean;
  onChange: (row: MappingRow) => void;
  onRemove: () => void;
}) {
  const field = fields.find((f) => f.name === row.target);
  // Only "choose a field" concerns the ReplyForce side; what the server finds is about the CRM side.
  const sourceProblems = problems.filter((p) => p === SOURCE_MISSING);
  const targetProblems = problems.filter((p) => p !== SOURCE_MISSING);
  return (
    <li>
      <fieldset className="min-w-0 space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
        <legend className="sr-only">Mapping {position}</legend>
        <div className="grid items-start gap-3 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)_auto]">
          <SelectField
            label="ReplyForce field"
            value={row.source}
            disabled={disabled}
            options={SOURCE_OPTIONS}
            error={sourceProblems.join(' ') || undefined}
            onChange={(value) => onChange({ ...row, source: value as CrmSourceField | '', values: {} })}
          />
          <span aria-hidden="true" className="hidden pt-8 text-slate-500 sm:block">
            →
          </span>
          <SelectField
            label={`${vendor} field`}
            value={row.target}
            disabled={disabled}
            options={[{ value: '', label: 'Choose a field…' }, ...targetOptions(fields, row.target)]}
            error={targetProblems.join(' ') || undefined}
            onChange={(value) => onChange({ ...row, target: value })}
          />
          <Button
            variant="danger-ghost"
            size="sm"
            className="justify-self-start sm:mt-6"
            disabled={disabled}
            aria-label={`Remove mapping ${position}`}
            onClick={onRemove}
          >
            Remove
          </Button>
        </div>
        {showsValueMap(row, field) && (
          <ValueMapEditor
            row={row}
            field={field}
            vendor={vendor}
            disabled={disabled}
            onChange={(values) => onChange({ ...row, values })}
          />
        )}
      </fieldset>
    </li>
  );
}
