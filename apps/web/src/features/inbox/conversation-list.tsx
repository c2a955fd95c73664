import type { ConversationDto } from '@replyforce/contracts';
import { Link } from 'react-router';
import { focusRing } from '../../components/button.tsx';
import { PlatformIcon } from '../../components/platform-icon.tsx';
import { cn } from '../../lib/cn.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { channelLabel } from '../../lib/platforms.ts';
import { useNow } from '../../lib/use-now.ts';
import { contactName, LeadTagBadge, StatusBadge } from './conversation-badges.tsx';

function ConversationRow({
  conversation,
  href,
  active,
  now,
}: {
  conversation: ConversationDto;
  href: string;
  active: boolean;
  now: number;
}) {
  const unread = conversation.unreadCount;
  const label = channelLabel(conversation.platform, conversation.kind);
  return (
    <li>
      <Link
        to={href}
        aria-current={active ? 'true' : undefined}
        className={cn(
          'flex gap-3 px-4 py-3 -outline-offset-2',
          active ? 'bg-indigo-50 dark:bg-indigo-950/60' : 'hover:bg-slate-50 dark:hover:bg-slate-800/60',
          focusRing,
        )}
      >
        <PlatformIcon platform={conversation.platform} className="mt-0.5 size-6" />
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline justify-between gap-2">
            <span
              className={cn(
                'min-w-0 truncate text-slate-900 dark:text-white',
                unread > 0 ? 'font-semibold' : 'font-medium',
              )}
            >
              {contactName(conversation.contact)}
            </span>
            <time
              dateTime={conversation.lastMessageAt}
              title={formatDateTime(conversation.lastMessageAt)}
              className="shrink-0 text-xs text-slate-600 dark:text-slate-400"
            >
              {formatRelative(conversation.lastMessageAt, now)}
            </time>
          </span>
          <span className="mt-0.5 flex items-center justify-between gap-2">
            <span
              className={cn(
                'min-w-0 truncate text-sm',
                unread > 0 ? 'text-slate-900 dark:text-slate-100' : 'text-slate-600 dark:text-slate-400',
              )}
            >
              {conversation.lastMessagePreview ?? 'No messages yet'}
            </span>
            {unread > 0 && (
              <span className="shrink-0 rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs leading-none font-semibold text-white dark:bg-indigo-500">
                {unread > 99 ? '99+' : unread}
                <span className="sr-only"> unread</span>
              </span>
            )}
          </span>
          <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
            <span>
              {label}
              {conversation.kind === 'comments' && (conversation.platform === 'x' ? ' mention' : ' comment')}
            </span>
            {conversation.status !== 'open' && <StatusBadge status={conversation.status} />}
            {conversation.leadTag && <LeadTagBadge tag={conversation.leadTag} />}
          </span>
        </span>
      </Link>
    </li>
  );
}

export function ConversationList({
  conversations,
  activeId,
  hrefFor,
}: {
  conversations: ConversationDto[];
  activeId: string | null;
  hrefFor: (id: string) => string;
}) {
  const now = useNow(30_000);
  return (
    <ul
      aria-label="Conversations"
      className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
    >
      {conversations.map((conversation) => (
        <ConversationRow
          key={conversation.id}
          conversation={conversation}
          href={hrefFor(conversation.id)}
          active={conversation.id === activeId}
          now={now}
        />
      ))}
    </ul>
  );
}
