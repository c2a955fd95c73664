import { type FormEvent, useMemo, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { focusFirstInvalid } from '../../lib/validation.ts';
import { type CrmConnection, useRefreshCrmFields, useSaveCrmMapping } from './crm-api.ts';
import { CRM_VENDOR_INFO } from './crm-vendors.ts';
import {
  type CrmFieldInfo,
  emptyRow,
  isMappingChanged,
  MAX_MAPPING_ROWS,
  type MappingItem,
  type MappingRow,
  rowsFromItems,
  toMappingItems,
} from './mapping-draft.ts';
import { checkRows, hasProblems, type MappingProblems, problemsFromError } from './mapping-problems.ts';
import { MappingRowEditor } from './mapping-row.tsx';

const NO_PROBLEMS: MappingProblems = { rows: {}, general: [] };

/** The mapping's rows, edited locally and saved as a whole; problems shown on their rows. */
export function MappingForm({
  connection,
  saved,
  fields,
  fetchedAt,
}: {
  connection: CrmConnection;
  saved: MappingItem[];
  fields: CrmFieldInfo[];
  fetchedAt: string;
}) {
  const vendor = CRM_VENDOR_INFO[connection.vendor];
  const save = useSaveCrmMapping(connection.id);
  const refresh = useRefreshCrmFields(connection.id);
  const [rows, setRows] = useState<MappingRow[]>(() => rowsFromItems(saved));
  const [problems, setProblems] = useState<MappingProblems>(NO_PROBLEMS);
  const [justSaved, setJustSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const fieldMap = useMemo(() => new Map(fields.map((f) => [f.name, f])), [fields]);
  const changed = isMappingChanged(rows, saved, fieldMap);

  const focusProblem = () => requestAnimationFrame(() => focusFirstInvalid(formRef.current));

  const update = (next: MappingRow) => {
    setRows((all) => all.map((row) => (row.key === next.key ? next : row)));
    setJustSaved(false);
    // The row's problems were about what it held before.
    setProblems((p) => {
      if (!p.rows[next.key]) return p;
      const { [next.key]: _gone, ...rest } = p.rows;
      return { ...p, rows: rest };
    });
  };

  const add = () => {
    setRows((all) => [...all, emptyRow()]);
    setJustSaved(false);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('li:last-child select')?.focus());
  };

  const remove = (key: string) => {
    setRows((all) => all.filter((row) => row.key !== key));
    setJustSaved(false);
    addRef.current?.focus();
  };

  const discard = () => {
    setRows(rowsFromItems(saved));
    setProblems(NO_PROBLEMS);
    save.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = checkRows(rows);
    setProblems(local);
    if (hasProblems(local)) {
      focusProblem();
      return;
    }
    // The server numbers its problems by position in what was sent.
    const sent = rows.map((row) => row.key);
    save.mutate(toMappingItems(rows, fieldMap), {
      onSuccess: (answer) => {
        setRows(rowsFromItems(answer.items));
        setProblems(NO_PROBLEMS);
        setJustSaved(true);
      },
      onError: (error) => {
        setProblems(problemsFromError(error, sent));
        focusProblem();
      },
    });
  };

  return (
    <form
      ref={formRef}
      aria-label={`Field mapping for ${vendor.label}`}
      noValidate
      onSubmit={submit}
      className="space-y-4"
    >
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Which details of a lead go to which field of the {vendor.label} {vendor.record}. {vendor.label}{' '}
          checks the mapping when you save.
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span>
            {fields.length} fields, read from {vendor.label}{' '}
            <time dateTime={fetchedAt} title={formatDateTime(fetchedAt)}>
              {formatRelative(fetchedAt)}
            </time>
          </span>
          <Button variant="ghost" size="sm" loading={refresh.isPending} onClick={() => refresh.mutate()}>
            Read the fields again
          </Button>
        </div>
        {refresh.isError && (
          <Alert tone="error" className="mt-2" title="Could not read the fields">
            {errorMessage(refresh.error)}
          </Alert>
        )}
      </div>

      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No field is mapped. Add one below.</p>
      ) : (
        <ol ref={listRef} aria-label="Mapped fields" className="space-y-3">
          {rows.map((row, index) => (
            <MappingRowEditor
              key={row.key}
              row={row}
              position={index + 1}
              fields={fields}
              vendor={vendor.label}
              problems={problems.rows[row.key] ?? []}
              disabled={save.isPending}
              onChange={update}
              onRemove={() => remove(row.key)}
            />
          ))}
        </ol>
      )}

      <Button
        ref={addRef}
        variant="secondary"
        size="sm"
        disabled={save.isPending || rows.length >= MAX_MAPPING_ROWS}
        onClick={add}
      >
        Add a field
      </Button>

      {problems.general.length > 0 && (
        <Alert tone="error" title="The mapping cannot be saved yet">
          <ul className="list-disc pl-4">
            {problems.general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {save.isError && (
        <Alert tone="error" title="Not saved">
          <p>{errorMessage(save.error)}</p>
          {Object.keys(problems.rows).length > 0 && <p>See the highlighted fields.</p>}
        </Alert>
      )}

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button type="submit" loading={save.isPending} disabled={!changed && !save.isPending}>
          Save mapping
        </Button>
        {changed && (
          <Button variant="ghost" disabled={save.isPending} onClick={discard}>
            Discard changes
          </Button>
        )}
        {justSaved && !changed && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Saved. New syncs use this mapping.
          </p>
        )}
      </div>
    </form>
  );
}
