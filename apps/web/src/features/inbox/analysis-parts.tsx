import type { ReactNode } from 'react';
import { Badge } from '../../components/badge.tsx';
import { cn } from '../../lib/cn.ts';
import {
  type AnalysisView,
  type DecisionAction,
  flagLabel,
  guardrailChecks,
  otherFlags,
  percent,
  reasonLabel,
  triggerLabel,
} from './analysis.ts';

// The pieces of the AI analysis panel: a labelled row, the lead meter, the guardrail checklist
// and the decision with its reasons.

const DECISION_LABEL: Record<DecisionAction, string> = {
  send: 'Sent automatically',
  hold: 'Held for approval',
  handoff: 'Handed to a person',
  none: 'No reply sent',
};

const SOURCE_LABEL: Record<string, string> = {
  greeting: 'greeting',
  faq: 'FAQ',
  knowledge: 'knowledge base',
  template: 'reply template',
  llm: 'language model',
  cache: 'cached answer',
  holding: 'holding message',
  none: 'none',
};

export function Row({
  term,
  children,
  className,
}: {
  term: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('min-w-0', className)}>
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="mt-0.5 flex flex-wrap items-center gap-1.5 text-sm text-slate-900 dark:text-slate-100">
        {children}
      </dd>
    </div>
  );
}

export function LeadMeter({ score }: { score: number }) {
  const value = Math.max(0, Math.min(100, score));
  return (
    <span
      aria-hidden="true"
      className="block h-1.5 w-24 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <span
        className={cn(
          'block h-full rounded-full',
          value >= 70 ? 'bg-red-500' : value >= 40 ? 'bg-amber-500' : 'bg-indigo-500',
        )}
        style={{ width: `${value}%` }}
      />
    </span>
  );
}

export function Guardrails({ view }: { view: AnalysisView }) {
  const extra = otherFlags(view);
  return (
    <>
      <ul className="grid gap-1 sm:grid-cols-2" aria-label="Guardrail checks">
        {guardrailChecks(view).map((check) => (
          <li key={check.id} className="flex items-start gap-1.5 text-sm">
            {check.found ? (
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400"
                fill="currentColor"
              >
                <path d="M10 2 1 18h18L10 2zm-.9 6h1.8v4.5H9.1V8zm0 6h1.8v1.8H9.1V14z" />
              </svg>
            ) : (
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400"
                fill="currentColor"
              >
                <path d="M8 13.6 4.4 10l-1.3 1.3L8 16.2l9-9-1.3-1.3z" />
              </svg>
            )}
            <span className="min-w-0">
              <span className={cn(check.found && 'font-semibold text-red-800 dark:text-red-300')}>
                {check.label}: {check.found ? 'found' : 'none'}
              </span>
              {check.detail && (
                <span className="block text-xs text-slate-600 dark:text-slate-400">{check.detail}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      {extra.length > 0 && (
        <p className="mt-1 flex flex-wrap gap-1">
          {extra.map((flag) => (
            <Badge key={flag} tone="amber">
              {flagLabel(flag)}
            </Badge>
          ))}
        </p>
      )}
      {view.replyFlagDetails.length > 0 && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{view.replyFlagDetails.join(' · ')}</p>
      )}
    </>
  );
}

export function Decision({ view }: { view: AnalysisView }) {
  const { decision, reply } = view;
  if (!decision) return null;
  const why = decision.triggers.length
    ? decision.triggers.map(triggerLabel)
    : decision.reasons.map(reasonLabel);
  return (
    <Row term="Decision" className="sm:col-span-2">
      <span className="font-medium">{DECISION_LABEL[decision.action]}</span>
      {why.length > 0 && <span className="text-slate-600 dark:text-slate-400">— {why.join(', ')}</span>}
      {reply && (
        <span className="basis-full text-xs text-slate-600 dark:text-slate-400">
          Reply from the {SOURCE_LABEL[reply.source] ?? reply.source}, {percent(reply.confidence)} confident
          {reply.requiresHuman ? '; needs a person' : ''}
        </span>
      )}
    </Row>
  );
}
