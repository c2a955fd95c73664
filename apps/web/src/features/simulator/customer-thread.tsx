import type { PlatformId } from '@replyforce/contracts';
import { useLayoutEffect, useRef } from 'react';
import { Badge } from '../../components/badge.tsx';
import { focusRing } from '../../components/button.tsx';
import { PlatformIcon } from '../../components/platform-icon.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { cn } from '../../lib/cn.ts';
import { formatDateTime, formatMessageTime } from '../../lib/format.ts';
import { PLATFORM_INFO } from '../../lib/platforms.ts';
import { useNow } from '../../lib/use-now.ts';
import { type SandboxThreadMessage, type ThreadTarget, useSandboxThread } from './sandbox-api.ts';

const KIND_LABEL: Record<string, string> = {
  comment: 'Comment',
  comment_reply: 'Public reply',
  private_reply: 'Private reply',
  template: 'Template',
};

/** The customer's own entries: did the platform's webhook reach ReplyForce? */
const INBOUND_STATUS: Record<string, string> = {
  pending: 'Delivering to ReplyForce…',
  retrying: 'ReplyForce did not answer; the platform is retrying',
  failed: 'ReplyForce never accepted this webhook',
  not_subscribed: 'Not delivered: no workspace has connected this account',
};

/** The business's entries: what the customer's device did. */
const OUTBOUND_STATUS: Record<string, string> = { sent: 'Sent', delivered: 'Delivered', read: 'Read' };

function Markers({ message }: { message: SandboxThreadMessage }) {
  const kind = KIND_LABEL[message.kind] ?? null;
  const template = message.template?.name ?? null;
  if (!kind && !message.tag) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {kind && (
        <Badge tone={message.kind === 'template' ? 'indigo' : 'neutral'}>
          {template ? `Template: ${template}` : kind}
        </Badge>
      )}
      {message.tag && <Badge tone="amber">Tag: {message.tag}</Badge>}
    </span>
  );
}

function Bubble({
  message,
  business,
  now,
}: {
  message: SandboxThreadMessage;
  business: string;
  now: number;
}) {
  const mine = message.direction === 'in';
  return (
    <li data-direction={message.direction} className={cn('flex', mine ? 'justify-end' : 'justify-start')}>
      <div className={cn('max-w-[85%] space-y-1', mine ? 'items-end text-right' : 'items-start')}>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          <span className="font-medium text-slate-800 dark:text-slate-200">{mine ? 'You' : business}</span>
          {' · '}
          <time dateTime={message.at} title={formatDateTime(message.at)}>
            {formatMessageTime(message.at, now)}
          </time>
        </p>
        <Markers message={message} />
        <p
          className={cn(
            'inline-block rounded-2xl px-3.5 py-2 text-left text-sm break-words whitespace-pre-wrap',
            mine
              ? 'rounded-br-sm bg-indigo-600 text-white dark:bg-indigo-500'
              : 'rounded-bl-sm bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100',
          )}
        >
          {message.text}
        </p>
        {message.status && (mine ? INBOUND_STATUS[message.status] : OUTBOUND_STATUS[message.status]) && (
          <p
            className={cn(
              'text-xs',
              mine && message.status !== 'pending'
                ? 'text-amber-800 dark:text-amber-300'
                : 'text-slate-500 dark:text-slate-400',
            )}
          >
            {mine ? INBOUND_STATUS[message.status] : OUTBOUND_STATUS[message.status]}
          </p>
        )}
      </div>
    </li>
  );
}

/** The conversation as the customer sees it in the platform's app, business replies included. */
export function CustomerThread({
  target,
  platform,
  business,
  customerName,
}: {
  target: ThreadTarget | null;
  platform: PlatformId | null;
  business: string;
  customerName: string;
}) {
  const thread = useSandboxThread(target);
  const now = useNow(60_000);
  const listRef = useRef<HTMLDivElement>(null);
  const messages = thread.data ?? [];
  const count = messages.length;

  // Follow new messages, as a chat app does.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && count > 0) list.scrollTop = list.scrollHeight;
  }, [count]);

  const label = platform ? PLATFORM_INFO[platform].label : 'the platform';

  return (
    <section
      aria-labelledby="customer-thread-heading"
      className="flex min-h-[24rem] flex-col rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        {platform && <PlatformIcon platform={platform} />}
        <div className="min-w-0">
          <h2 id="customer-thread-heading" className="font-semibold text-slate-900 dark:text-white">
            What the customer sees
          </h2>
          <p className="truncate text-xs text-slate-600 dark:text-slate-400">
            {target
              ? `${customerName || target.customerId} on ${label}, chatting with ${business}`
              : 'No customer yet'}
          </p>
        </div>
      </div>
      <div className="flex-1 px-4 py-3">
        {!target ? (
          <EmptyState title="Pick an account and a customer">Their conversation will show here.</EmptyState>
        ) : thread.isPending ? (
          <LoadingState label="Loading the thread…" />
        ) : !thread.data ? (
          <ErrorState
            error={thread.error}
            title="Could not load the thread"
            onRetry={() => void thread.refetch()}
          />
        ) : count === 0 ? (
          <EmptyState title="No messages yet">
            Send one as this customer; replies appear here as they arrive.
          </EmptyState>
        ) : (
          <div
            ref={listRef}
            role="log"
            aria-label={`Messages between ${customerName || 'the customer'} and ${business}`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
            tabIndex={0}
            className={cn('max-h-[32rem] overflow-y-auto rounded-md p-1', focusRing)}
          >
            <ol className="space-y-3">
              {messages.map((message) => (
                <Bubble key={message.id} message={message} business={business} now={now} />
              ))}
            </ol>
          </div>
        )}
      </div>
    </section>
  );
}
