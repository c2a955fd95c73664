import type { ConversationDto } from '@replyforce/contracts';
import { type ReactNode, useEffect, useRef } from 'react';
import { PlatformIcon } from '../../components/platform-icon.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { channelLabel } from '../../lib/platforms.ts';
import { useNow } from '../../lib/use-now.ts';
import { useCan } from '../auth/use-session.ts';
import { ConversationActions } from './conversation-actions.tsx';
import { contactName, LeadTagBadge, StatusBadge } from './conversation-badges.tsx';
import { useMemberNames } from './use-member-names.ts';

/** Who the customer is, where they wrote, the conversation's state and (for agents) its actions. */
export function ConversationHeader({
  conversation,
  backTo,
  children,
}: {
  conversation: ConversationDto;
  backTo: string;
  children?: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const canWrite = useCan('write:conversations');
  const nameOf = useMemberNames();
  const now = useNow(60_000);
  const name = contactName(conversation.contact);
  const { contact } = conversation;

  // Opening a conversation moves focus to it (the view is keyed by id, so once per conversation).
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const assignee = nameOf(conversation.assigneeId);
  return (
    <header className="space-y-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <p className="lg:hidden">
        <TextLink to={backTo}>← All conversations</TextLink>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2
            id="conversation-title"
            ref={headingRef}
            tabIndex={-1}
            className="text-lg font-semibold break-words text-slate-900 outline-none dark:text-white"
          >
            {name}
          </h2>
          <p className="flex flex-wrap items-center gap-x-1.5 text-sm text-slate-600 dark:text-slate-400">
            <PlatformIcon platform={conversation.platform} className="size-4" />
            <span>
              {channelLabel(conversation.platform, conversation.kind)}
              {conversation.kind === 'comments' &&
                (conversation.platform === 'x' ? ' mentions' : ' comments')}
            </span>
            <span aria-hidden="true">·</span>
            <span className="break-all">{conversation.channelName}</span>
            {contact.username && contact.name && contact.name !== contact.username && (
              <>
                <span aria-hidden="true">·</span>
                <span className="break-all">@{contact.username.replace(/^@/, '')}</span>
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <StatusBadge status={conversation.status} />
          {conversation.leadTag && <LeadTagBadge tag={conversation.leadTag} />}
        </div>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {conversation.assigneeId ? <>Assigned to {assignee ?? 'a teammate'}</> : 'Unassigned'}
        {conversation.status === 'snoozed' && conversation.snoozedUntil && (
          <>
            {' · '}snoozed until{' '}
            <time dateTime={conversation.snoozedUntil} title={formatDateTime(conversation.snoozedUntil)}>
              {formatDateTime(conversation.snoozedUntil)}
            </time>
          </>
        )}
        {' · '}started{' '}
        <time dateTime={conversation.createdAt} title={formatDateTime(conversation.createdAt)}>
          {formatRelative(conversation.createdAt, now)}
        </time>
      </p>
      {canWrite && <ConversationActions conversation={conversation} />}
      {children}
    </header>
  );
}
