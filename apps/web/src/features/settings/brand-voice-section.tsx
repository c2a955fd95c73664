import { ChoiceGroup } from '../../components/choice-group.tsx';
import { TextAreaField, TextField } from '../../components/field.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import {
  checkVoiceForm,
  fromVoiceForm,
  previewVoice,
  toVoiceForm,
  VOICE_LIMITS,
  type VoiceField,
  type VoiceForm,
} from './brand-voice-form.ts';
import { CheckboxField } from './checkbox-field.tsx';
import { ReadOnlyNotice, SaveBar, SECTION_HEADING_ID, SectionHeading } from './section-parts.tsx';
import { type BrandVoice, useBrandVoice, useSaveBrandVoice } from './settings-api.ts';
import { useSettingsForm } from './use-settings-form.ts';
import { voiceSamples } from './voice-preview.ts';

const TONES = [
  { value: 'professional', label: 'Professional' },
  { value: 'friendly', label: 'Friendly' },
  { value: 'casual', label: 'Casual' },
] as const;

const EMOJI = [
  { value: 'none', label: 'None' },
  { value: 'sparing', label: 'Sparing' },
  { value: 'allowed', label: 'Allowed' },
] as const;

function VoicePreview({ voice }: { voice: BrandVoice }) {
  const { tenant } = useSession();
  const samples = voiceSamples(voice, tenant.name);
  return (
    <section
      aria-labelledby="voice-preview-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900/60"
    >
      <div>
        <h3 id="voice-preview-heading" className="font-semibold text-slate-900 dark:text-white">
          Preview
        </h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Sample replies with the settings on the left, before saving. Tone, emoji, length and signature apply
          to every reply; a language model also follows the guidelines.
        </p>
      </div>
      <ul className="space-y-3">
        {samples.map((sample) => (
          <li key={sample.situation} className="space-y-1.5">
            <p className="text-xs font-medium text-slate-600 dark:text-slate-400">{sample.situation}</p>
            <p className="w-fit max-w-[85%] rounded-lg bg-white px-3 py-2 text-sm text-slate-800 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-700">
              <span className="sr-only">Customer: </span>
              {sample.customer}
            </p>
            <p className="ml-auto w-fit max-w-[85%] whitespace-pre-line rounded-lg bg-indigo-600 px-3 py-2 text-sm text-white dark:bg-indigo-500">
              <span className="sr-only">Reply: </span>
              {sample.reply}
            </p>
            <p className="text-right text-xs text-slate-500 dark:text-slate-400">
              {sample.reply.length} / {voice.maxLength} characters
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BrandVoiceForm({ saved, canEdit }: { saved: BrandVoice; canEdit: boolean }) {
  const save = useSaveBrandVoice();
  const { form, set, error, dirty, submit, formRef } = useSettingsForm<BrandVoice, VoiceForm, VoiceField>({
    saved,
    save,
    toForm: toVoiceForm,
    fromForm: fromVoiceForm,
    check: checkVoiceForm,
  });

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
      <form ref={formRef} noValidate onSubmit={submit} aria-label="Brand voice" className="min-w-0">
        <fieldset disabled={!canEdit} className="min-w-0 space-y-5">
          <legend className="sr-only">Brand voice</legend>
          <ChoiceGroup legend="Tone" value={form.tone} onChange={(v) => set('tone', v)} choices={TONES} />
          <ChoiceGroup legend="Emoji" value={form.emoji} onChange={(v) => set('emoji', v)} choices={EMOJI} />
          <TextField
            label="Maximum length (characters)"
            type="number"
            inputMode="numeric"
            min={VOICE_LIMITS.minLength}
            max={VOICE_LIMITS.maxLength}
            value={form.maxLength}
            onChange={(v) => set('maxLength', v)}
            error={error('maxLength')}
            hint="Longer replies are cut at the last sentence that fits; the signature always fits."
            className="max-w-xs"
          />
          <CheckboxField
            label="Reply in the customer's language"
            checked={form.matchCustomerLanguage}
            onChange={(v) => set('matchCustomerLanguage', v)}
            hint="Built-in replies exist in English, Spanish, French, German, Italian and Portuguese."
          />
          <TextField
            label="Signature"
            value={form.signature}
            maxLength={VOICE_LIMITS.signature}
            onChange={(v) => set('signature', v)}
            error={error('signature')}
            hint="Added on its own line under every reply, e.g. “— The Acme team”. Leave empty for none."
          />
          <TextAreaField
            label="Guidelines for the language model"
            value={form.guidelines}
            rows={4}
            onChange={(v) => set('guidelines', v)}
            error={error('guidelines')}
            hint="What the business does and how it likes to write. Only used when a language model is set."
          />
          <TextAreaField
            label="Banned phrases"
            value={form.bannedPhrases}
            rows={3}
            onChange={(v) => set('bannedPhrases', v)}
            error={error('bannedPhrases')}
            hint="One per line. A reply that contains one is held back for a person."
          />
          <TextAreaField
            label="Products and services"
            value={form.products}
            rows={3}
            onChange={(v) => set('products', v)}
            error={error('products')}
            hint="One per line. Recognised in messages and counted as a buying signal."
          />
          {canEdit && (
            <SaveBar
              pending={save.isPending}
              error={save.error}
              saved={save.isSuccess}
              dirty={dirty}
              label="Save brand voice"
            />
          )}
        </fieldset>
      </form>
      <div className="min-w-0 xl:sticky xl:top-4 xl:self-start">
        <VoicePreview voice={previewVoice(form, saved)} />
      </div>
    </div>
  );
}

export function BrandVoiceSection() {
  const canEdit = useCan('manage:ai_settings');
  const voice = useBrandVoice();
  return (
    <section aria-labelledby={SECTION_HEADING_ID}>
      <SectionHeading
        title="Brand voice"
        description="How every reply sounds, whether the AI writes it or a template does."
      />
      {!canEdit && <ReadOnlyNotice />}
      <div className="mt-4">
        {voice.isPending ? (
          <LoadingState label="Loading the brand voice…" />
        ) : !voice.data ? (
          <ErrorState
            error={voice.error}
            title="Could not load the brand voice"
            onRetry={() => void voice.refetch()}
          />
        ) : (
          <BrandVoiceForm saved={voice.data} canEdit={canEdit} />
        )}
      </div>
    </section>
  );
}
