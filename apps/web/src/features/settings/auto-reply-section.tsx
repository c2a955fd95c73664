import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useCan } from '../auth/use-session.ts';
import {
  checkRulesForm,
  fromRulesForm,
  HOLDING_MESSAGE_MAX,
  type RulesField,
  type RulesForm,
  toRulesForm,
} from './auto-reply-form.ts';
import { CheckboxField } from './checkbox-field.tsx';
import { ReadOnlyNotice, SaveBar, SECTION_HEADING_ID, SectionHeading } from './section-parts.tsx';
import { type AutoReplyRules, useAutoReplyRules, useSaveAutoReplyRules } from './settings-api.ts';
import { useSettingsForm } from './use-settings-form.ts';

const NEGATIVE = [
  { value: 'approve', label: 'Draft a reply for approval' },
  { value: 'handoff', label: 'Hand to a person' },
  { value: 'auto', label: 'Reply automatically' },
];

const COMMENTS = [
  { value: 'auto', label: 'Reply automatically' },
  { value: 'approve', label: 'Draft a reply for approval' },
  { value: 'off', label: 'Do not reply' },
];

function RulesFormView({ saved, canEdit }: { saved: AutoReplyRules; canEdit: boolean }) {
  const save = useSaveAutoReplyRules();
  const { form, set, error, dirty, submit, formRef } = useSettingsForm<AutoReplyRules, RulesForm, RulesField>(
    {
      saved,
      save,
      toForm: toRulesForm,
      fromForm: fromRulesForm,
      check: checkRulesForm,
    },
  );

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label="Auto-reply rules" className="max-w-2xl">
      <fieldset disabled={!canEdit} className="min-w-0 space-y-6">
        <legend className="sr-only">Auto-reply rules</legend>
        <CheckboxField
          label="Let the AI send replies by itself"
          checked={form.enabled}
          onChange={(v) => set('enabled', v)}
          hint="Off: every AI reply waits as a draft in the approval queue."
        />
        <TextField
          label="Minimum confidence to send (%)"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={form.minConfidence}
          onChange={(v) => set('minConfidence', v)}
          error={error('minConfidence')}
          hint="A reply the AI is less sure of waits for approval."
          className="max-w-xs"
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            label="Negative messages"
            value={form.negative}
            onChange={(v) => set('negative', v as RulesForm['negative'])}
            options={NEGATIVE}
            error={error('negative')}
          />
          <SelectField
            label="Public comments"
            value={form.comments}
            onChange={(v) => set('comments', v as RulesForm['comments'])}
            options={COMMENTS}
            error={error('comments')}
          />
        </div>
        <fieldset className="min-w-0 space-y-3">
          <legend className="text-sm font-semibold text-slate-900 dark:text-white">Lead tags</legend>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Scores run from 0 to 100. At or above HOT a lead is HOT, at or above WARM it is WARM, below it is
            COLD.
          </p>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField
              label="HOT from score"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              value={form.hotThreshold}
              onChange={(v) => set('hotThreshold', v)}
              error={error('hotThreshold')}
            />
            <TextField
              label="WARM from score"
              type="number"
              inputMode="numeric"
              min={0}
              max={99}
              value={form.warmThreshold}
              onChange={(v) => set('warmThreshold', v)}
              error={error('warmThreshold')}
            />
          </div>
        </fieldset>
        <TextField
          label="Unanswered messages before a person steps in"
          type="number"
          inputMode="numeric"
          min={2}
          max={20}
          value={form.unresolvedLimit}
          onChange={(v) => set('unresolvedLimit', v)}
          error={error('unresolvedLimit')}
          hint="Customer messages in a row that no reply settled."
          className="max-w-xs"
        />
        <TextAreaField
          label="Holding message"
          value={form.holdingMessage}
          rows={3}
          maxLength={HOLDING_MESSAGE_MAX}
          onChange={(v) => set('holdingMessage', v)}
          error={error('holdingMessage')}
          hint="Sent when the AI hands a conversation to a person. Empty: a standard one in the customer's language."
        />
        {canEdit && (
          <SaveBar
            pending={save.isPending}
            error={save.error}
            saved={save.isSuccess}
            dirty={dirty}
            label="Save rules"
          />
        )}
      </fieldset>
    </form>
  );
}

export function AutoReplySection() {
  const canEdit = useCan('manage:ai_settings');
  const rules = useAutoReplyRules();
  return (
    <section aria-labelledby={SECTION_HEADING_ID}>
      <SectionHeading
        title="Auto-reply rules"
        description="When the AI answers on its own, when it drafts for approval, and when a person takes over."
      />
      {!canEdit && <ReadOnlyNotice />}
      <div className="mt-4">
        {rules.isPending ? (
          <LoadingState label="Loading the rules…" />
        ) : !rules.data ? (
          <ErrorState
            error={rules.error}
            title="Could not load the rules"
            onRetry={() => void rules.refetch()}
          />
        ) : (
          <RulesFormView saved={rules.data} canEdit={canEdit} />
        )}
      </div>
    </section>
  );
}
