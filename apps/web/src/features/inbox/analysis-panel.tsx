import { useId, useState } from 'react';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { formatDateTime, formatMessageTime } from '../../lib/format.ts';
import { type AnalysisView, humanize, percent, type SentimentLabel, signedScore } from './analysis.ts';
import { Decision, Guardrails, LeadMeter, Row } from './analysis-parts.tsx';
import { LeadTagBadge } from './conversation-badges.tsx';
import type { AnalysedMessage } from './thread-ai.ts';

const SENTIMENT_TONE: Record<SentimentLabel, 'green' | 'neutral' | 'red' | 'amber'> = {
  positive: 'green',
  neutral: 'neutral',
  negative: 'red',
  mixed: 'amber',
};

/**
 * What the AI made of one customer message: sentiment, intent, lead score and its signals, the
 * guardrail checks and the decision. Shows the message picked in the thread, else the newest.
 */
export function AnalysisPanel({
  analysed,
  customerName,
  waiting,
  now,
}: {
  analysed: AnalysedMessage | null;
  customerName: string;
  /** The newest customer message has no analysis yet (the AI step is running or queued). */
  waiting: boolean;
  now: number;
}) {
  const [open, setOpen] = useState(true);
  const headingId = useId();
  const bodyId = useId();
  if (!analysed && !waiting) return null;

  return (
    <section
      id="ai-analysis"
      aria-labelledby={headingId}
      className="border-t border-slate-200 px-4 py-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900 dark:text-white">
          AI analysis
          {analysed && (
            <span className="font-normal text-slate-600 dark:text-slate-400">
              {' '}
              of {customerName}’s message at{' '}
              <time dateTime={analysed.message.createdAt} title={formatDateTime(analysed.message.createdAt)}>
                {formatMessageTime(analysed.message.createdAt, now)}
              </time>
            </span>
          )}
        </h3>
        {analysed && (
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? 'Hide' : 'Show'}
            <span className="sr-only"> the AI analysis</span>
          </Button>
        )}
      </div>
      {waiting && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" role="status">
          The AI is analysing the newest message…
        </p>
      )}
      {analysed && open && <AnalysisBody id={bodyId} view={analysed.analysis} text={analysed.message.text} />}
    </section>
  );
}

function AnalysisBody({ id, view, text }: { id: string; view: AnalysisView; text: string }) {
  const { sentiment, intent, lead } = view;
  return (
    <div id={id} className="mt-2 space-y-3">
      <blockquote className="line-clamp-2 border-l-2 border-slate-300 pl-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
        {text}
      </blockquote>
      <dl className="grid gap-3 sm:grid-cols-2">
        <Row term="Sentiment">
          {sentiment ? (
            <>
              <Badge tone={SENTIMENT_TONE[sentiment.label]}>{humanize(sentiment.label)}</Badge>
              <span>
                score {signedScore(sentiment.score)}
                {sentiment.urgency && <>, urgency {sentiment.urgency}</>}
              </span>
              {sentiment.emotions.length > 0 && (
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  ({sentiment.emotions.join(', ')})
                </span>
              )}
            </>
          ) : (
            'Not available'
          )}
        </Row>
        <Row term="Intent">
          {intent ? (
            <>
              <span className="font-medium">{humanize(intent.intent)}</span>
              <span>{percent(intent.confidence)} confident</span>
            </>
          ) : (
            'Not available'
          )}
        </Row>
        <Row term="Lead">
          {lead ? (
            <>
              <LeadTagBadge tag={lead.tag} />
              <span>score {lead.score} / 100</span>
              <LeadMeter score={lead.score} />
              {lead.manualTag && (
                <span className="text-xs text-slate-600 dark:text-slate-400">(tag set by hand)</span>
              )}
            </>
          ) : (
            'Not scored'
          )}
        </Row>
        <Row term="Recommended action">{lead?.recommendedAction ?? '—'}</Row>
        {lead && lead.signals.length > 0 && (
          <div className="min-w-0 sm:col-span-2">
            <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">Lead signals</dt>
            <dd className="mt-1">
              <ul className="flex flex-wrap gap-1" aria-label="Lead signals">
                {lead.signals.map((signal) => (
                  <li key={signal}>
                    <Badge tone="indigo">{humanize(signal)}</Badge>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="min-w-0 sm:col-span-2">
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">Guardrails</dt>
          <dd className="mt-1">
            <Guardrails view={view} />
          </dd>
        </div>
        <Decision view={view} />
        {(view.language || view.topic) && (
          <Row term="Language and topic">
            {[view.language?.toUpperCase(), view.topic && humanize(view.topic)].filter(Boolean).join(' · ')}
          </Row>
        )}
      </dl>
    </div>
  );
}
