import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/field.tsx';
import { errorMessage } from '../../lib/api.ts';
import { isLeadTag, type LeadTagValue } from './lead-filters.ts';
import { type LeadDetail, useSetLeadTag } from './leads-api.ts';

const OPTIONS = [
  { value: '', label: 'Automatic (from scoring)' },
  { value: 'HOT', label: 'HOT' },
  { value: 'WARM', label: 'WARM' },
  { value: 'COLD', label: 'COLD' },
];

/**
 * A tag a person sets sticks: later messages still move the score, but not the tag, until it is
 * handed back to scoring. Only for roles with `write:leads`.
 */
export function TagOverride({ lead }: { lead: LeadDetail }) {
  const setTag = useSetLeadTag(lead.id);
  const current = lead.manualTag ?? '';
  const [choice, setChoice] = useState<string>(current);
  const [saved, setSaved] = useState<string | null>(null);
  const [lastCurrent, setLastCurrent] = useState(current);
  // Someone else (or another tab) changed it: start from the new value.
  if (current !== lastCurrent) {
    setLastCurrent(current);
    setChoice(current);
  }

  const save = (tag: LeadTagValue | null) => {
    setSaved(null);
    setTag.mutate(tag, {
      onSuccess: (result) =>
        setSaved(
          tag
            ? `Tag set to ${tag}. Scoring keeps it.`
            : `Handed back to scoring: the tag is ${result.tag} now.`,
        ),
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(isLeadTag(choice) ? choice : null);
  };

  return (
    <form onSubmit={submit} aria-label="Tag override" className="space-y-3">
      <SelectField
        label="Tag"
        value={choice}
        onChange={(value) => {
          setChoice(value);
          setSaved(null);
        }}
        options={OPTIONS}
        hint={
          lead.manualTag
            ? 'Set by hand: later messages move the score but not the tag.'
            : 'Scoring sets the tag from each message. Pick one to keep it fixed.'
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" loading={setTag.isPending} disabled={choice === current}>
          Save tag
        </Button>
        {lead.manualTag && (
          <Button variant="secondary" onClick={() => save(null)} disabled={setTag.isPending}>
            Hand back to scoring
          </Button>
        )}
      </div>
      {saved && <Alert tone="success">{saved}</Alert>}
      {setTag.isError && (
        <Alert tone="error" title="The tag was not changed">
          {errorMessage(setTag.error)}
        </Alert>
      )}
    </form>
  );
}
