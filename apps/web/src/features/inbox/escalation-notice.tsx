import type { ConversationDto, MessageDto } from '@replyforce/contracts';
import { Alert } from '../../components/alert.tsx';
import { reasonLabel, triggerLabel } from './analysis.ts';
import { escalationReasons } from './thread-ai.ts';

/** Why a conversation sits in Escalated and what a person does about it. */
export function EscalationNotice({
  conversation,
  messages,
  assigneeName,
  canWrite,
}: {
  conversation: ConversationDto;
  messages: MessageDto[];
  assigneeName: string | null;
  canWrite: boolean;
}) {
  if (conversation.status !== 'needs_human') return null;
  const escalation = escalationReasons(messages);
  const why = escalation
    ? escalation.triggers.length
      ? escalation.triggers.map(triggerLabel).join(', ')
      : escalation.reasons.map(reasonLabel).join(', ')
    : null;
  const next = conversation.assigneeId
    ? `${assigneeName ?? 'A teammate'} ${assigneeName === 'You' ? 'have' : 'has'} it. The AI stays quiet until it is handed back.`
    : canWrite
      ? 'The AI stays quiet until someone takes it over, answers and hands it back.'
      : 'The AI stays quiet until an agent answers it and hands it back.';
  return (
    <Alert tone="warning" title="Escalated: a person needs to answer">
      {why ? (
        <>Handed over by the AI: {why}. </>
      ) : messages.some((m) => m.status === 'rejected') ? (
        'The AI’s draft was rejected. '
      ) : (
        'Handed to a person. '
      )}
      {next}
    </Alert>
  );
}
