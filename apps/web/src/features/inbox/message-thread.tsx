import type { MessageDto } from '@replyforce/contracts';
import { useMutation } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button, focusRing } from '../../components/button.tsx';
import { EmptyState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import { cn } from '../../lib/cn.ts';
import { useNow } from '../../lib/use-now.ts';
import { fetchOlderMessages } from './inbox-api.ts';
import { MessageItem } from './message-item.tsx';

/** Within this distance of the bottom, new messages keep the view pinned to the newest. */
const STICK_PX = 120;

function byTime(a: MessageDto, b: MessageDto): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/**
 * The newest messages come with the conversation (and are refetched live); older pages are loaded
 * on demand and kept here. The two overlap when the newest window moves, so they are merged by id.
 */
export function MessageThread({
  conversationId,
  messages,
  initialOlderCursor,
  customerName,
  authorName,
  analysisShownFor,
  onShowAnalysis,
}: {
  conversationId: string;
  messages: MessageDto[];
  initialOlderCursor: string | null;
  customerName: string;
  authorName: (userId: string | null) => string | null;
  /** The customer message whose analysis the panel shows. */
  analysisShownFor: string | null;
  onShowAnalysis: (message: MessageDto) => void;
}) {
  const now = useNow(60_000);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [older, setOlder] = useState<MessageDto[]>([]);
  const [cursor, setCursor] = useState(initialOlderCursor);
  const anchor = useRef<{ height: number; top: number } | null>(null);

  const loadOlder = useMutation({
    mutationFn: (from: string) => fetchOlderMessages(conversationId, from),
    onMutate: () => {
      const box = scrollRef.current;
      anchor.current = box ? { height: box.scrollHeight, top: box.scrollTop } : null;
    },
    onSuccess: (page) => {
      setOlder((current) => [...page.items, ...current]);
      setCursor(page.nextCursor);
    },
  });

  const all = useMemo(() => {
    const byId = new Map<string, MessageDto>();
    for (const message of older) byId.set(message.id, message);
    // The conversation's own copy is the freshest (delivery status changes).
    for (const message of messages) byId.set(message.id, message);
    return [...byId.values()].sort(byTime);
  }, [older, messages]);

  const firstId = all[0]?.id;
  const lastId = all.at(-1)?.id;
  const pinned = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the first or last message changes
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    if (anchor.current) {
      // Older messages were added above: keep what the reader was looking at in place.
      box.scrollTop = anchor.current.top + (box.scrollHeight - anchor.current.height);
      anchor.current = null;
      return;
    }
    if (pinned.current) box.scrollTop = box.scrollHeight;
  }, [firstId, lastId]);

  return (
    <div
      ref={scrollRef}
      role="log"
      aria-label={`Messages with ${customerName}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
      tabIndex={0}
      onScroll={(event) => {
        const box = event.currentTarget;
        pinned.current = box.scrollHeight - box.scrollTop - box.clientHeight < STICK_PX;
      }}
      className={cn(
        'h-[min(60dvh,36rem)] min-h-64 overflow-y-auto bg-slate-50 px-3 py-4 -outline-offset-2 sm:px-4 dark:bg-slate-950/40',
        focusRing,
      )}
    >
      {cursor && (
        <div className="mb-4 flex flex-col items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            loading={loadOlder.isPending}
            onClick={() => loadOlder.mutate(cursor)}
          >
            Load earlier messages
          </Button>
          {loadOlder.error && <Alert tone="error">{errorMessage(loadOlder.error)}</Alert>}
        </div>
      )}
      {all.length === 0 ? (
        <EmptyState title="No messages in this conversation" />
      ) : (
        <ol className="space-y-4" aria-label="Messages">
          {all.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              customerName={customerName}
              authorName={authorName}
              now={now}
              analysisShown={message.id === analysisShownFor}
              onShowAnalysis={onShowAnalysis}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
