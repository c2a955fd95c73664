import { useCallback } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RealtimeIndicator } from '../../components/realtime-indicator.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { errorMessage } from '../../lib/api.ts';
import { cn } from '../../lib/cn.ts';
import { useSession } from '../auth/use-session.ts';
import { ConversationFilters } from './conversation-filters.tsx';
import { ConversationList } from './conversation-list.tsx';
import { ConversationView } from './conversation-view.tsx';
import { useConversations } from './inbox-api.ts';
import { hasFilters, type InboxFilters, readFilters, toQueryFilters } from './inbox-filters.ts';

const QUEUE_EMPTY = {
  pending_approval: {
    title: 'No drafts waiting for approval',
    body: 'When the auto-reply rules hold an AI reply back (negative messages, comments, low confidence), it waits here for a person to approve, edit or reject it.',
  },
  needs_human: {
    title: 'Nobody is waiting for a person',
    body: 'Conversations the AI hands over (a request for a person, legal words, an angry customer, an unsure answer) wait here until someone takes them over.',
  },
} as const;

/** The filter is one of the two queues and nothing else: its empty state explains the queue. */
function queueOnly(filters: InboxFilters): boolean {
  return (
    (filters.status === 'pending_approval' || filters.status === 'needs_human') &&
    !hasFilters({ ...filters, status: '' })
  );
}

export function InboxPage() {
  const { conversationId } = useParams();
  const { search } = useLocation();
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const filters = readFilters(params);
  const conversations = useConversations(toQueryFilters(filters, user.id));
  const items = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  const selectedId = conversationId ?? null;

  const setFilter = useCallback(
    (key: keyof InboxFilters, value: string) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: key === 'q' },
      );
    },
    [setParams],
  );

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Every conversation from your channels, the most recent first."
        actions={<RealtimeIndicator />}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <section
          aria-labelledby="conversations-heading"
          className={cn('min-w-0 space-y-3', selectedId && 'hidden lg:block')}
        >
          <h2 id="conversations-heading" className="sr-only">
            Conversations
          </h2>
          <ConversationFilters filters={filters} params={params} onChange={setFilter} />
          {conversations.isPending ? (
            <LoadingState label="Loading conversations…" />
          ) : !conversations.data ? (
            <ErrorState
              error={conversations.error}
              title="Could not load the conversations"
              onRetry={() => void conversations.refetch()}
            />
          ) : items.length === 0 ? (
            queueOnly(filters) ? (
              <EmptyState title={QUEUE_EMPTY[filters.status as keyof typeof QUEUE_EMPTY].title}>
                {QUEUE_EMPTY[filters.status as keyof typeof QUEUE_EMPTY].body}
              </EmptyState>
            ) : hasFilters(filters) ? (
              <EmptyState title="No conversations match">
                <TextLink to={selectedId ? `/inbox/${encodeURIComponent(selectedId)}` : '/inbox'}>
                  Clear the filters
                </TextLink>
              </EmptyState>
            ) : (
              <EmptyState title="No conversations yet">
                Messages and comments on your connected <TextLink to="/channels">channels</TextLink> appear
                here as they arrive. Try the <TextLink to="/simulator">customer simulator</TextLink>.
              </EmptyState>
            )
          ) : (
            <>
              <ConversationList
                conversations={items}
                activeId={selectedId}
                hrefFor={(id) => `/inbox/${encodeURIComponent(id)}${search}`}
              />
              {conversations.isError && <Alert tone="error">{errorMessage(conversations.error)}</Alert>}
              {conversations.hasNextPage && (
                <Button
                  variant="secondary"
                  loading={conversations.isFetchingNextPage}
                  onClick={() => void conversations.fetchNextPage()}
                >
                  Load more
                </Button>
              )}
            </>
          )}
        </section>
        <div className="min-w-0">
          {selectedId ? (
            <ConversationView key={selectedId} id={selectedId} backTo={`/inbox${search}`} />
          ) : (
            <div className="hidden lg:block">
              <EmptyState title="Select a conversation">
                Choose one on the left to read and answer it.
              </EmptyState>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
