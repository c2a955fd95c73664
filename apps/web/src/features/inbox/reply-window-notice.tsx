import type { ConversationDto } from '@replyforce/contracts';
import { Alert } from '../../components/alert.tsx';
import { formatDateTime, formatDuration } from '../../lib/format.ts';
import type { ReplyWindow } from './reply-window.ts';

function At({ ms, now }: { ms: number; now: number }) {
  const iso = new Date(ms).toISOString();
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatDuration(ms - now)}
    </time>
  );
}

/** The platform's 24-hour customer-service window, for everyone reading the conversation. */
export function ReplyWindowNotice({
  conversation,
  replyWindow,
  customerName,
  now,
}: {
  conversation: ConversationDto;
  replyWindow: ReplyWindow;
  customerName: string;
  now: number;
}) {
  switch (replyWindow.kind) {
    case 'none':
      return null;
    case 'open':
      return (
        <p className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
          <span aria-hidden="true" className="size-2 rounded-full bg-emerald-500" />
          <span>
            24-hour window open: free replies for another <At ms={replyWindow.closesAt} now={now} />.
          </span>
        </p>
      );
    case 'templates':
      return (
        <Alert tone="warning" title="24-hour window closed">
          {replyWindow.closedAt ? (
            <>
              It closed <At ms={replyWindow.closedAt} now={now} /> ago.{' '}
            </>
          ) : null}
          WhatsApp only allows approved templates until {customerName} writes again.
        </Alert>
      );
    case 'tagged':
      return (
        <Alert tone="info" title="Outside the 24-hour window">
          Replies go out with the human-agent tag, allowed for another{' '}
          <At ms={replyWindow.tagUntil} now={now} /> (7 days after {customerName}’s last message).
        </Alert>
      );
    case 'expired':
      return (
        <Alert tone="warning" title="Reply window expired">
          More than 7 days have passed since {customerName} last wrote on{' '}
          {conversation.platform === 'facebook' ? 'Messenger' : 'Instagram'}: the platform refuses replies
          until they write again.
        </Alert>
      );
  }
}
