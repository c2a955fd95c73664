import type { ConversationDto } from '@replyforce/contracts';
import { useCallback, useEffect, useRef } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { PlatformIcon } from '../../components/platform-icon.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { linkClass, TextLink } from '../../components/text-link.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { channelLabel } from '../../lib/platforms.ts';
import { useDocumentVisible } from '../../lib/use-document-visible.ts';
import { useNow } from '../../lib/use-now.ts';
import { useCan, useSession } from '../auth/use-session.ts';
import { useMembers } from '../team/team-api.ts';
import { ConversationActions } from './conversation-actions.tsx';
import { contactName, LeadTagBadge, StatusBadge } from './conversation-badges.tsx';
import { useConversation, useMarkRead } from './inbox-api.ts';
import { MessageThread } from './message-thread.tsx';
import { ReplyComposer } from './reply-composer.tsx';
import { replyWindow } from './reply-window.ts';
import { ReplyWindowNotice } from './reply-window-notice.tsx';

/** Opening a conversation (in a visible tab) marks what arrived as read, again as more arrives. */
function useMarkReadWhileOpen(conversation: ConversationDto | undefined) {
  const { mutate } = useMarkRead(conversation?.id ?? '');
  const visible = useDocumentVisible();
  const done = useRef<string | null>(null);
  const unread = conversation?.unreadCount ?? 0;
  const marker = conversation ? `${conversation.id}:${conversation.lastMessageAt}` : null;
  useEffect(() => {
    if (!marker || unread === 0 || !visible || done.current === marker) return;
    done.current = marker;
    // A role that may not mark read gets a 403 here; reading is unaffected, so it is ignored.
    mutate();
  }, [marker, unread, visible, mutate]);
}

/** Names of teammates, for assignees and agents' messages. */
function useMemberNames() {
  const members = useMembers();
  const { user } = useSession();
  const list = members.data;
  return useCallback(
    (userId: string | null) => {
      if (!userId) return null;
      if (userId === user.id) return 'You';
      return list?.find((member) => member.userId === userId)?.name ?? null;
    },
    [list, user.id],
  );
}

function PostContext({ conversation }: { conversation: ConversationDto }) {
  const post = conversation.post;
  if (!post) return null;
  const id = post.postId ?? post.id ?? null;
  const text = post.text ?? post.caption ?? post.message ?? null;
  const link = [post.permalink, post.permalinkUrl, post.url].find((u) => u && /^https?:\/\//.test(u));
  const what = conversation.platform === 'x' ? 'Mentions in the post' : 'Comments on the post';
  return (
    <figure className="border-b border-slate-200 bg-white px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {what}
        {id && <span className="font-mono"> {id}</span>}
      </figcaption>
      {text && (
        <blockquote className="mt-1 line-clamp-3 border-l-2 border-slate-300 pl-3 text-slate-800 dark:border-slate-600 dark:text-slate-200">
          {text}
        </blockquote>
      )}
      {link && (
        <a
          href={link}
          target="_blank"
          rel="noopener noreferrer"
          className={`${linkClass} mt-1 inline-block text-xs`}
        >
          Open the post
        </a>
      )}
    </figure>
  );
}

function Header({ conversation, backTo }: { conversation: ConversationDto; backTo: string }) {
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
    </header>
  );
}

export function ConversationView({ id, backTo }: { id: string; backTo: string }) {
  const detail = useConversation(id);
  const canWrite = useCan('write:conversations');
  const nameOf = useMemberNames();
  const now = useNow(30_000);
  useMarkReadWhileOpen(detail.data?.conversation);

  if (detail.isPending) return <LoadingState label="Loading the conversation…" />;
  if (!detail.data) {
    if (isApiError(detail.error) && detail.error.status === 404) {
      return (
        <Alert tone="warning" title="This conversation is not available">
          It does not exist in this workspace, or its data was erased.{' '}
          <TextLink to={backTo}>Back to the inbox</TextLink>
        </Alert>
      );
    }
    return (
      <ErrorState
        error={detail.error}
        title="Could not load the conversation"
        onRetry={() => void detail.refetch()}
      />
    );
  }

  const { conversation, messages, olderCursor } = detail.data;
  const name = contactName(conversation.contact);
  const windowState = replyWindow(conversation, now);

  return (
    <article
      aria-labelledby="conversation-title"
      className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <Header conversation={conversation} backTo={backTo} />
      {conversation.kind === 'comments' && <PostContext conversation={conversation} />}
      <MessageThread
        conversationId={conversation.id}
        messages={messages}
        initialOlderCursor={olderCursor}
        customerName={name}
        authorName={nameOf}
      />
      <div className="space-y-3 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
        <ReplyWindowNotice
          conversation={conversation}
          replyWindow={windowState}
          customerName={name}
          now={now}
        />
        {canWrite ? (
          <ReplyComposer conversation={conversation} replyWindow={windowState} customerName={name} />
        ) : (
          <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            <Badge>Read only</Badge>
            Your role can read conversations but not reply.
          </p>
        )}
      </div>
    </article>
  );
}
