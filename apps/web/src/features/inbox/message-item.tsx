import type { MessageDto } from '@replyforce/contracts';
import { Badge } from '../../components/badge.tsx';
import { focusRing } from '../../components/button.tsx';
import { cn } from '../../lib/cn.ts';
import { formatDateTime, formatMessageTime } from '../../lib/format.ts';
import { LinkifiedText } from '../outbox/linkified-text.tsx';
import { humanize, readAnalysis } from './analysis.ts';
import { DeliveryStatus } from './delivery-status.tsx';

const KIND_LABEL: Partial<Record<MessageDto['kind'], string>> = {
  comment: 'Comment',
  comment_reply: 'Public reply',
  private_reply: 'Private reply',
  template: 'Template',
};

const BUBBLE = {
  customer:
    'rounded-bl-sm bg-white text-slate-900 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-700',
  ai: 'rounded-br-sm bg-indigo-50 text-slate-900 ring-1 ring-indigo-200 dark:bg-indigo-950 dark:text-indigo-50 dark:ring-indigo-800',
  // Not sent: dashed, like a note waiting for a decision.
  draft:
    'rounded-br-sm border-2 border-dashed border-amber-400 bg-amber-50 text-slate-900 dark:border-amber-600 dark:bg-amber-950/40 dark:text-amber-50',
  agent:
    'rounded-br-sm bg-emerald-50 text-slate-900 ring-1 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-50 dark:ring-emerald-800',
} as const;

function templateName(message: MessageDto): string | null {
  const template = message.context.template;
  if (typeof template === 'object' && template !== null) {
    const name = (template as Record<string, unknown>).name;
    if (typeof name === 'string') return name;
  }
  return typeof message.context.templateName === 'string' ? message.context.templateName : null;
}

function SenderIcon({ sender }: { sender: 'ai' | 'agent' }) {
  return sender === 'ai' ? (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-3.5" fill="currentColor">
      <path d="M12 2.5l1.9 5.6 5.6 1.9-5.6 1.9L12 17.5l-1.9-5.6L4.5 10l5.6-1.9zM19 15l.9 2.1L22 18l-2.1.9L19 21l-.9-2.1L16 18l2.1-.9z" />
    </svg>
  ) : (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-3.5"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
    >
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" strokeLinecap="round" />
    </svg>
  );
}

function Attachments({ attachments }: { attachments: MessageDto['attachments'] }) {
  const links = attachments.filter((a) => typeof a.url === 'string' && /^https?:\/\//.test(a.url));
  if (links.length === 0) {
    return attachments.length > 0 ? (
      <p className="mt-1 text-xs opacity-80">
        {attachments.length} attachment{attachments.length === 1 ? '' : 's'}
      </p>
    ) : null;
  }
  return (
    <ul className="mt-1 space-y-0.5 text-xs">
      {links.map((attachment) => (
        <li key={attachment.url}>
          <LinkifiedText text={attachment.url ?? ''} />
          {attachment.type && <span className="opacity-80"> ({attachment.type})</span>}
        </li>
      ))}
    </ul>
  );
}

/** Picks this customer message for the AI analysis panel; names what the AI made of it. */
function AnalysisToggle({
  message,
  shown,
  onShow,
}: {
  message: MessageDto;
  shown: boolean;
  onShow: (message: MessageDto) => void;
}) {
  const analysis = readAnalysis(message.aiAnalysis);
  if (!analysis) return null;
  const parts = [
    analysis.sentiment ? humanize(analysis.sentiment.label) : null,
    analysis.lead ? `${analysis.lead.tag} lead` : null,
  ].filter((part): part is string => part !== null);
  return (
    <button
      type="button"
      aria-pressed={shown}
      aria-controls="ai-analysis"
      onClick={() => onShow(message)}
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-medium ring-1 ring-inset',
        shown
          ? 'bg-indigo-600 text-white ring-indigo-600 dark:bg-indigo-500 dark:ring-indigo-500'
          : 'text-indigo-700 ring-indigo-200 hover:bg-indigo-50 dark:text-indigo-300 dark:ring-indigo-800 dark:hover:bg-indigo-950',
        focusRing,
      )}
    >
      <SenderIcon sender="ai" />
      AI analysis{parts.length > 0 && `: ${parts.join(', ')}`}
    </button>
  );
}

/** One message of the thread: who sent it, what kind it is, when, and how far it got. */
export function MessageItem({
  message,
  customerName,
  authorName,
  now,
  analysisShown,
  onShowAnalysis,
}: {
  message: MessageDto;
  customerName: string;
  authorName: (userId: string | null) => string | null;
  now: number;
  /** This message's analysis is the one in the AI analysis panel. */
  analysisShown?: boolean;
  onShowAnalysis?: (message: MessageDto) => void;
}) {
  const time = (
    <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
      {formatMessageTime(message.createdAt, now)}
    </time>
  );

  if (message.sender === 'system') {
    return (
      <li className="flex justify-center px-2">
        <p className="max-w-[90%] rounded-md bg-slate-100 px-3 py-1.5 text-center text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
          <span className="font-semibold">System</span> · {message.text} · {time}
        </p>
      </li>
    );
  }

  const fromCustomer = message.sender === 'customer';
  const who = fromCustomer
    ? customerName
    : message.sender === 'ai'
      ? 'AI assistant'
      : (authorName(message.authorUserId) ?? 'Agent');
  const kindLabel = KIND_LABEL[message.kind];
  const template = message.kind === 'template' ? templateName(message) : null;
  const problem = message.status === 'failed' || message.status === 'blocked';
  const draft = message.status === 'draft';
  const rejected = message.status === 'rejected';
  // An AI reply a person approved carries their id; an edited one keeps the AI's words in context.
  const reviewer = message.sender === 'ai' && message.authorUserId ? authorName(message.authorUserId) : null;
  const editedByReviewer = message.sender === 'ai' && typeof message.context.editedFrom === 'string';

  return (
    <li className={cn('flex', fromCustomer ? 'justify-start' : 'justify-end')}>
      <div
        className={cn(
          'flex max-w-[85%] flex-col gap-1 sm:max-w-[75%]',
          fromCustomer ? 'items-start' : 'items-end',
        )}
      >
        <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
          {!fromCustomer && <SenderIcon sender={message.sender === 'ai' ? 'ai' : 'agent'} />}
          <span className="font-medium text-slate-800 dark:text-slate-200">{who}</span>
          {kindLabel && (
            <Badge tone={message.kind === 'template' ? 'indigo' : 'neutral'}>
              {template ? `Template: ${template}` : kindLabel}
            </Badge>
          )}
          {draft && <Badge tone="amber">Draft, awaiting approval</Badge>}
          {rejected && <Badge tone="neutral">Rejected draft, not sent</Badge>}
          {!draft && !rejected && (reviewer || editedByReviewer) && (
            <span>
              {editedByReviewer ? 'edited and approved' : 'approved'}
              {reviewer ? ` by ${reviewer === 'You' ? 'you' : reviewer}` : ''}
            </span>
          )}
        </p>
        <div
          className={cn(
            'rounded-2xl px-3.5 py-2 text-sm break-words whitespace-pre-wrap',
            BUBBLE[fromCustomer ? 'customer' : draft ? 'draft' : message.sender === 'ai' ? 'ai' : 'agent'],
            problem && 'ring-red-300 dark:ring-red-800',
            rejected && 'line-through decoration-slate-500',
          )}
        >
          <LinkifiedText text={message.text} />
          <Attachments attachments={message.attachments} />
        </div>
        <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
          {time}
          {!fromCustomer && !problem && !draft && !rejected && <DeliveryStatus status={message.status} />}
          {fromCustomer && onShowAnalysis && (
            <AnalysisToggle message={message} shown={Boolean(analysisShown)} onShow={onShowAnalysis} />
          )}
        </p>
        {problem && (
          <p className="max-w-full text-xs text-red-700 dark:text-red-400">
            {message.status === 'blocked' ? 'Blocked before sending' : 'Not delivered'}
            {message.errorMessage ? `: ${message.errorMessage}` : '.'}
          </p>
        )}
      </div>
    </li>
  );
}
