import { Button } from '../../components/button.tsx';
import { percent } from './analysis.ts';

/**
 * The AI's answer to the newest customer message that was not sent (a person has the
 * conversation, or the rules kept quiet). "Use this reply" puts it in the reply box, where the
 * agent edits it and sends it like any manual reply.
 */
export function SuggestedReply({
  suggestion,
  canWrite,
  onUse,
}: {
  suggestion: { text: string; confidence: number };
  canWrite: boolean;
  onUse: (text: string) => void;
}) {
  return (
    <section
      aria-labelledby="suggested-reply-heading"
      className="space-y-2 border-t border-slate-200 px-4 py-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="suggested-reply-heading" className="text-sm font-semibold text-slate-900 dark:text-white">
          Suggested reply
          <span className="font-normal text-slate-600 dark:text-slate-400">
            {' '}
            (AI, {percent(suggestion.confidence)} confident, not sent)
          </span>
        </h3>
        {canWrite && (
          <Button variant="secondary" size="sm" onClick={() => onUse(suggestion.text)}>
            Use this reply
          </Button>
        )}
      </div>
      <p className="rounded-md border border-dashed border-indigo-300 bg-indigo-50/60 px-3 py-2 text-sm whitespace-pre-wrap text-slate-900 dark:border-indigo-800 dark:bg-indigo-950/40 dark:text-slate-100">
        {suggestion.text}
      </p>
    </section>
  );
}
