import type { ConversationDto, MessageDto } from '@replyforce/contracts';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { isApiError } from '../../lib/api.ts';
import { useDocumentVisible } from '../../lib/use-document-visible.ts';
import { useNow } from '../../lib/use-now.ts';
import { useCan } from '../auth/use-session.ts';
import { AnalysisPanel } from './analysis-panel.tsx';
import { contactName } from './conversation-badges.tsx';
import { ConversationHeader } from './conversation-header.tsx';
import { DraftReview } from './draft-review.tsx';
import { EscalationNotice } from './escalation-notice.tsx';
import { useConversation, useMarkRead } from './inbox-api.ts';
import { MessageThread } from './message-thread.tsx';
import { PostContext } from './post-context.tsx';
import { acceptsText, type ComposerPrefill, ReplyComposer } from './reply-composer.tsx';
import { replyWindow } from './reply-window.ts';
import { ReplyWindowNotice } from './reply-window-notice.tsx';
import { SuggestedReply } from './suggested-reply.tsx';
import {
  awaitingAnalysis,
  holdReason,
  pendingDrafts,
  selectedAnalysis,
  suggestedReply,
} from './thread-ai.ts';
import { useMemberNames } from './use-member-names.ts';

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

export function ConversationView({ id, backTo }: { id: string; backTo: string }) {
  const detail = useConversation(id);
  const canWrite = useCan('write:conversations');
  const nameOf = useMemberNames();
  const now = useNow(30_000);
  const [picked, setPicked] = useState<MessageDto | null>(null);
  const [prefill, setPrefill] = useState<ComposerPrefill | null>(null);
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
  const analysed = selectedAnalysis(messages, picked);
  const drafts = pendingDrafts(messages);
  const suggestion = drafts.length === 0 ? suggestedReply(messages) : null;

  return (
    <article
      aria-labelledby="conversation-title"
      className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <ConversationHeader conversation={conversation} backTo={backTo}>
        <EscalationNotice
          conversation={conversation}
          messages={messages}
          assigneeName={nameOf(conversation.assigneeId)}
          canWrite={canWrite}
        />
      </ConversationHeader>
      {conversation.kind === 'comments' && <PostContext conversation={conversation} />}
      <MessageThread
        conversationId={conversation.id}
        messages={messages}
        initialOlderCursor={olderCursor}
        customerName={name}
        authorName={nameOf}
        analysisShownFor={analysed?.message.id ?? null}
        onShowAnalysis={(message) => {
          setPicked(message);
          document.getElementById('ai-analysis')?.scrollIntoView({ block: 'nearest' });
        }}
      />
      <AnalysisPanel
        analysed={analysed}
        customerName={name}
        waiting={awaitingAnalysis(messages, now)}
        now={now}
      />
      <DraftReview
        conversationId={conversation.id}
        drafts={drafts}
        reasonFor={(draftId) => holdReason(messages, draftId)}
        canWrite={canWrite}
        // Comment replies are not bound to the window (replyWindow says 'none' for them).
        sendable={acceptsText(windowState)}
        now={now}
      />
      {suggestion && (
        <SuggestedReply
          suggestion={suggestion}
          canWrite={canWrite && acceptsText(windowState)}
          onUse={(text) => setPrefill((current) => ({ text, nonce: (current?.nonce ?? 0) + 1 }))}
        />
      )}
      <div className="space-y-3 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
        <ReplyWindowNotice
          conversation={conversation}
          replyWindow={windowState}
          customerName={name}
          now={now}
        />
        {canWrite ? (
          <ReplyComposer
            conversation={conversation}
            replyWindow={windowState}
            customerName={name}
            prefill={prefill}
          />
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
