import { useEffect, useId, useRef, useState } from 'react';
import { LEAD_SEARCH_MAX } from './lead-filters.ts';

const SEARCH_DELAY_MS = 300;

/** Searches as the person types (after a pause), or at once on Enter. */
export function LeadSearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  // The latest callback, without restarting the typing delay each time the page re-renders.
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });

  // Follow the address (Back button, "clear filters") unless the person is typing.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setDraft(value);
  }, [value]);

  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onSearchRef.current(draft.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);

  return (
    <search className="min-w-48 flex-1">
      <label htmlFor={id} className="sr-only">
        Search leads
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={draft}
        maxLength={LEAD_SEARCH_MAX}
        placeholder="Search by name, handle or id…"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onSearch(draft.trim());
        }}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
    </search>
  );
}
